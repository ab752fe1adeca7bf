#include "client/import_runner.h"

#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/csv_reader.h"
#include "client/import_report.h"
#include "client/import_rows.h"
#include "client/progress_bar.h"
#include "client/status_report.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportRejection;
using techmatch::v1::ImportSummary;

// A stream carries many rows, so its deadline grows with them: --timeout per 1,000 rows.
constexpr double kRowsPerTimeout = 1000.0;

struct ImportInput {
  CsvDocument document;
  CsvColumns columns;
};

// Reads the file and checks its header; prints the problem and returns nullopt on failure.
std::optional<ImportInput> OpenImport(CommandEnv& env, const std::string& path,
                                      const CsvSchema& schema, int* exit_code) {
  absl::StatusOr<CsvDocument> document = ReadCsvFile(path);
  if (!document.ok()) {
    *exit_code = env.FailLocal(document.status());
    return std::nullopt;
  }
  absl::StatusOr<CsvColumns> columns =
      CsvColumns::Bind(document->header, schema.required, schema.optional);
  if (!columns.ok()) {
    *exit_code = env.FailLocal(absl::Status(columns.status().code(),
                                            absl::StrCat(path, ": ", columns.status().message())));
    return std::nullopt;
  }
  if (!columns->unknown().empty()) {
    env.err() << "warning: ignoring unknown column(s): " << absl::StrJoin(columns->unknown(), ", ")
              << '\n';
  }
  return ImportInput{*std::move(document), *std::move(columns)};
}

int Report(CommandEnv& env, const ImportSummary& server,
           const std::vector<ImportRejection>& local) {
  const ImportSummary summary = MergeRejections(server, local);
  PrintImportReport(summary, env.output());
  return summary.rejected_count() > 0 ? kExitRpcFailed : kExitOk;
}

// Converts every row, streams the good ones through `open(context, &summary)`'s writer.
template <typename Request, typename Convert, typename Open>
int RunStreamImport(CommandEnv& env, const std::string& path, const CsvSchema& schema,
                    Convert convert, Open open) {
  int exit_code = kExitOk;
  std::optional<ImportInput> input = OpenImport(env, path, schema, &exit_code);
  if (!input) return exit_code;

  std::vector<Request> requests;
  std::vector<ImportRejection> local;
  for (const CsvRecord& record : input->document.records) {
    Request request;
    ImportRejection rejection;
    if (convert(input->columns, record, &request, &rejection)) {
      requests.push_back(std::move(request));
    } else {
      local.push_back(std::move(rejection));
    }
  }

  ImportSummary summary;
  if (!requests.empty()) {
    std::unique_ptr<grpc::ClientContext> context =
        env.session().NewContext(1.0 + static_cast<double>(requests.size()) / kRowsPerTimeout);
    auto writer = open(context.get(), &summary);
    ProgressBar bar(env.err(), static_cast<int64_t>(requests.size()), "rows", StderrIsTerminal());
    int64_t sent = 0;
    for (const Request& request : requests) {
      if (!writer->Write(request)) break;  // The server ended the call; Finish says why.
      bar.Update(++sent);
    }
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    bar.Finish();
    if (!status.ok()) {
      env.Fail(status);
      // Rows are committed in batches: a failed import may have stored some. The server's
      // message says what landed when it ends the import itself (not on a deadline the
      // client's channel enforces, nor for a refused key).
      env.err() << "the import failed after " << sent << " of " << requests.size()
                << " rows were sent; rows are committed in batches of 1000, so earlier batches "
                   "may be stored (the server's message, when it says, tells which)\n";
      return kExitRpcFailed;
    }
  }
  return Report(env, summary, local);
}

}  // namespace

int RunNeedImport(CommandEnv& env, const std::string& path, bool late_registration) {
  const std::string currency = env.options().currency;
  return RunStreamImport<techmatch::v1::ImportNeedsRequest>(
      env, path, NeedCsvSchema(),
      [&currency, late_registration](const CsvColumns& columns, const CsvRecord& record,
                                     techmatch::v1::ImportNeedsRequest* request,
                                     ImportRejection* rejection) {
        const bool ok = NeedRowToRequest(columns, record, currency, request, rejection);
        request->set_late_registration(late_registration);
        return ok;
      },
      [&env](grpc::ClientContext* context, ImportSummary* summary) {
        return env.session().needs().ImportNeeds(context, summary);
      });
}

int RunOfferingImport(CommandEnv& env, const std::string& path, bool late_registration) {
  const std::string currency = env.options().currency;
  return RunStreamImport<techmatch::v1::ImportOfferingsRequest>(
      env, path, OfferingCsvSchema(),
      [&currency, late_registration](const CsvColumns& columns, const CsvRecord& record,
                                     techmatch::v1::ImportOfferingsRequest* request,
                                     ImportRejection* rejection) {
        const bool ok = OfferingRowToRequest(columns, record, currency, request, rejection);
        request->set_late_registration(late_registration);
        return ok;
      },
      [&env](grpc::ClientContext* context, ImportSummary* summary) {
        return env.session().offerings().ImportOfferings(context, summary);
      });
}

int RunOrganizationImport(CommandEnv& env, const std::string& path) {
  int exit_code = kExitOk;
  std::optional<ImportInput> input = OpenImport(env, path, OrganizationCsvSchema(), &exit_code);
  if (!input) return exit_code;

  ImportSummary summary;
  std::vector<ImportRejection> local;
  ProgressBar bar(env.err(), static_cast<int64_t>(input->document.records.size()), "organizations",
                  StderrIsTerminal());
  int64_t done = 0;
  for (const CsvRecord& record : input->document.records) {
    techmatch::v1::CreateOrganizationRequest request;
    ImportRejection rejection;
    if (!OrganizationRowToRequest(input->columns, record, &request, &rejection)) {
      local.push_back(std::move(rejection));
      bar.Update(++done);
      continue;
    }
    techmatch::v1::Organization created;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    const grpc::Status status =
        env.session().organizations().CreateOrganization(context.get(), request, &created);
    bar.Update(++done);
    if (status.ok()) {
      summary.set_accepted_count(summary.accepted_count() + 1);
      summary.add_accepted_names(created.name());
      continue;
    }
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
        status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
      bar.Finish();
      return env.Fail(status);  // Every further row would fail the same way.
    }
    ImportRejection server_rejection;
    server_rejection.set_row_number(record.line);
    const auto violations = FieldViolationsOf(status);
    for (const auto& violation : violations) *server_rejection.add_field_violations() = violation;
    if (violations.empty()) {
      auto* violation = server_rejection.add_field_violations();
      violation->set_field(request.organization_id().empty() ? "" : "id");
      violation->set_description(
          absl::StrCat(StatusCodeName(status.error_code()), ": ", status.error_message()));
    }
    local.push_back(std::move(server_rejection));
  }
  bar.Finish();
  return Report(env, summary, local);
}

}  // namespace techmatch::client
