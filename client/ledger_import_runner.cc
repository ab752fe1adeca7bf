#include "client/ledger_import_runner.h"

#include <openssl/sha.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/commands.h"
#include "client/csv_reader.h"
#include "client/import_report.h"
#include "client/ledger_import_rows.h"
#include "client/progress_bar.h"
#include "client/status_report.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportRejection;
using techmatch::v1::ImportSummary;

// The file's bytes, refused beyond kMaxLedgerImportBytes before they are read.
absl::StatusOr<std::string> ReadBounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open '", path, "'"));
  const std::streamoff size = in.tellg();
  if (size < 0 || static_cast<size_t>(size) > kMaxLedgerImportBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", size, " bytes is over the ledger import limit of ",
                     kMaxLedgerImportBytes, " bytes (16 MiB); split the file"));
  }
  in.seekg(0);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::string Sha256Hex(absl::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

// The row's rejection from a failed call: the BadRequest's field violations, or the status.
ImportRejection RejectionOf(int64_t line, const grpc::Status& status) {
  ImportRejection rejection;
  rejection.set_row_number(line);
  for (const auto& violation : FieldViolationsOf(status)) {
    *rejection.add_field_violations() = violation;
  }
  if (rejection.field_violations().empty()) {
    auto* violation = rejection.add_field_violations();
    violation->set_description(
        absl::StrCat(StatusCodeName(status.error_code()), ": ", status.error_message()));
  }
  return rejection;
}

// Reads `path`, converts every row with `convert(columns, record, currency, &request,
// &rejection)` and, unless a dry run, sends each good row with `call(context, request,
// &response)` under its derived request_id; then prints the merged report.
template <typename Request, typename Response, typename Convert, typename Call>
int RunLedgerImport(CommandEnv& env, const std::string& path, const LedgerImportOptions& options,
                    const CsvSchema& schema, Convert convert, Call call) {
  absl::StatusOr<std::string> bytes = ReadBounded(path);
  if (!bytes.ok()) return env.FailLocal(bytes.status());
  absl::StatusOr<CsvDocument> document = ParseCsv(*bytes);
  if (!document.ok()) {
    return env.FailLocal(absl::Status(document.status().code(),
                                      absl::StrCat(path, ": ", document.status().message())));
  }
  absl::StatusOr<CsvColumns> columns =
      CsvColumns::Bind(document->header, schema.required, schema.optional);
  if (!columns.ok()) {
    return env.FailLocal(absl::Status(columns.status().code(),
                                      absl::StrCat(path, ": ", columns.status().message())));
  }
  if (!columns->unknown().empty()) {
    env.err() << "warning: ignoring unknown column(s): " << absl::StrJoin(columns->unknown(), ", ")
              << '\n';
  }
  const std::string file_hash = Sha256Hex(*bytes);
  const std::string currency = env.options().currency;

  ImportSummary summary;
  std::vector<ImportRejection> rejections;
  int64_t would_send = 0;
  ProgressBar bar(env.err(), static_cast<int64_t>(document->records.size()), "rows",
                  StderrIsTerminal() && !options.dry_run);
  int64_t done = 0;
  for (const CsvRecord& record : document->records) {
    Request request;
    ImportRejection rejection;
    const bool readable = convert(*columns, record, currency, &request, &rejection);
    if (!readable) {
      rejections.push_back(std::move(rejection));
      bar.Update(++done);
      continue;
    }
    if (options.dry_run) {
      ++would_send;
      continue;
    }
    request.set_request_id(LedgerImportRequestId(file_hash, record.line));
    Response response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    const grpc::Status status = call(context.get(), request, &response);
    bar.Update(++done);
    if (status.ok()) {
      summary.set_accepted_count(summary.accepted_count() + 1);
      summary.add_accepted_names(response.name());
      continue;
    }
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
        status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
        status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
      bar.Finish();
      env.Fail(status);  // Every further row would fail the same way.
      env.err() << "the import stopped at line " << record.line << ": " << summary.accepted_count()
                << " row(s) before it are stored; run the same file again to go on (rows "
                   "already stored are not created twice)\n";
      return kExitRpcFailed;
    }
    rejections.push_back(RejectionOf(record.line, status));
  }
  bar.Finish();
  if (options.dry_run) {
    env.err() << "dry run: nothing was sent; " << would_send << " row(s) read well and would be "
              << "sent (the server's rules are checked only when they are)\n";
    summary.set_accepted_count(would_send);
  }
  const ImportSummary merged = MergeRejections(summary, rejections);
  PrintImportReport(merged, env.output());
  return merged.rejected_count() > 0 ? kExitRpcFailed : kExitOk;
}

}  // namespace

std::string LedgerImportRequestId(absl::string_view file_sha256_hex, int64_t line) {
  return absl::StrCat("import-", file_sha256_hex, "-", line);
}

int RunObservationImport(CommandEnv& env, const std::string& path,
                         const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::RecordObservationRequest, techmatch::v1::Observation>(
      env, path, options, ObservationCsvSchema(), ObservationRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().indicators().RecordObservation(context, request, response);
      });
}

int RunTargetImport(CommandEnv& env, const std::string& path, const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::CreateTargetRequest, techmatch::v1::Target>(
      env, path, options, TargetCsvSchema(), TargetRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().targets().CreateTarget(context, request, response);
      });
}

int RunProjectImport(CommandEnv& env, const std::string& path, const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::CreateProjectRequest, techmatch::v1::Project>(
      env, path, options, ProjectCsvSchema(), ProjectRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().projects().CreateProject(context, request, response);
      });
}

int RunFundArrivalImport(CommandEnv& env, const std::string& path,
                         const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::RecordFundArrivalRequest, techmatch::v1::FundArrival>(
      env, path, options, FundArrivalCsvSchema(), FundArrivalRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().projects().RecordFundArrival(context, request, response);
      });
}

int RunCommissionerImport(CommandEnv& env, const std::string& path,
                          const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::CreateCommissionerRequest, techmatch::v1::Commissioner>(
      env, path, options, CommissionerCsvSchema(), CommissionerRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().commissioners().CreateCommissioner(context, request, response);
      });
}

int RunFinancingImport(CommandEnv& env, const std::string& path,
                       const LedgerImportOptions& options) {
  return RunLedgerImport<techmatch::v1::CreateFinancingRequest, techmatch::v1::Financing>(
      env, path, options, FinancingCsvSchema(), FinancingRowToRequest,
      [&env](grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().financings().CreateFinancing(context, request, response);
      });
}

void AddLedgerImportCommand(CLI::App* group, CommandEnv& env, absl::string_view name,
                            absl::string_view help,
                            int (*run)(CommandEnv&, const std::string&,
                                       const LedgerImportOptions&)) {
  CLI::App* command = group->add_subcommand(std::string(name), std::string(help));
  auto path = std::make_shared<std::string>();
  auto options = std::make_shared<LedgerImportOptions>();
  command->add_option("file", *path, "CSV file, UTF-8 with or without BOM, at most 16 MiB")
      ->required();
  command->add_flag("--dry-run", options->dry_run,
                    "Read and check every row, print the report, send nothing");
  OnRun(command, env, [&env, path, options, run] { return run(env, *path, *options); });
}

}  // namespace techmatch::client
