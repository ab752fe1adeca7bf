#include "client/import_runner.h"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <fstream>
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
#include "client/table.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportRejection;
using techmatch::v1::ImportSummary;

// A stream carries many rows, so its deadline grows with them: --timeout per 1,000 rows.
constexpr double kRowsPerTimeout = 1000.0;
// Rows per import call: one of the server's batches, and no more rejections than its summary
// lists, so every rejected row comes back.
constexpr size_t kRowsPerCall = 1000;

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

// Writes each rejected row (CSV line, field, problem) to --rejects FILE as the import goes, so
// every rejection is kept however many there are (a summary lists the first ones only).
class RejectsFile {
 public:
  // Opens `path` (nothing when empty); false with the reason on `err` when it cannot.
  bool Open(const std::string& path, std::ostream& err) {
    path_ = path;
    if (path.empty()) return true;
    file_.open(path, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!file_) {
      err << "cannot write --rejects file " << path << "\n";
      return false;
    }
    RenderCsvRow({"line", "field", "problem"}, file_);
    return true;
  }
  void Write(const ImportRejection& rejection) {
    if (!file_.is_open()) return;
    const std::string line = absl::StrCat(rejection.row_number());
    if (rejection.field_violations().empty()) RenderCsvRow({line, "", "rejected"}, file_);
    for (const auto& v : rejection.field_violations()) {
      RenderCsvRow({line, v.field(), v.description()}, file_);
    }
    ++rows_;
  }
  // Says where the rejections are (when a file was asked for).
  void Close(std::ostream& err) {
    if (!file_.is_open()) return;
    file_.close();
    err << rows_ << " rejected row(s) written to " << path_ << " (line, field, problem)\n";
  }
  bool is_open() const { return file_.is_open(); }

 private:
  std::string path_;
  std::ofstream file_;
  int64_t rows_ = 0;
};

// Set by SIGINT/SIGTERM during an import: the call in progress (at most kRowsPerCall rows) is
// finished, no further call is made, and the command says exactly how many rows are stored
// instead of dying mid-stream with an unknown part stored.
std::atomic<bool> interrupted{false};
extern "C" void OnInterrupt(int) { interrupted = true; }

// Adds `call` to `total`: counts, names, and the rejections (to `rejects` as they come; kept
// for the report when no file was asked for).
void AddSummary(ImportSummary& total, const ImportSummary& call, RejectsFile& rejects) {
  total.set_accepted_count(total.accepted_count() + call.accepted_count());
  total.set_rejected_count(total.rejected_count() + call.rejected_count());
  total.set_rejections_truncated(total.rejections_truncated() || call.rejections_truncated());
  for (const std::string& name : call.accepted_names()) total.add_accepted_names(name);
  for (const ImportRejection& rejection : call.rejections()) {
    rejects.Write(rejection);
    if (!rejects.is_open()) *total.add_rejections() = rejection;
  }
}

// Converts every row, then sends the good ones kRowsPerCall at a time, each batch as one
// import call through `open(context, &summary)`'s writer (so each summary stays small and
// lists every rejection of its rows).
template <typename Request, typename Convert, typename Open>
int RunStreamImport(CommandEnv& env, const std::string& path, const ImportOptions& options,
                    const CsvSchema& schema, Convert convert, Open open) {
  int exit_code = kExitOk;
  std::optional<ImportInput> input = OpenImport(env, path, schema, &exit_code);
  if (!input) return exit_code;
  RejectsFile rejects;
  if (!rejects.Open(options.rejects_path, env.err())) return kExitBadInput;

  std::vector<Request> requests;
  std::vector<ImportRejection> local;
  for (const CsvRecord& record : input->document.records) {
    Request request;
    ImportRejection rejection;
    if (convert(input->columns, record, &request, &rejection)) {
      requests.push_back(std::move(request));
    } else {
      rejects.Write(rejection);
      local.push_back(std::move(rejection));
    }
  }

  ImportSummary total;
  interrupted = false;
  struct sigaction action = {}, old_int = {}, old_term = {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, &old_int);
  sigaction(SIGTERM, &action, &old_term);
  ProgressBar bar(env.err(), static_cast<int64_t>(requests.size()), "rows", StderrIsTerminal());
  int64_t sent = 0;
  int result = kExitOk;
  for (size_t first = 0; first < requests.size() && result == kExitOk; first += kRowsPerCall) {
    const size_t end = std::min(requests.size(), first + kRowsPerCall);
    if (interrupted) {
      bar.Finish();
      env.err() << "interrupted: " << total.accepted_count() << " row(s) of " << requests.size()
                << " are stored (" << first << " sent, " << total.rejected_count()
                << " of them rejected); the other " << requests.size() - first
                << " were not sent\n";
      result = kExitRpcFailed;
      break;
    }
    std::unique_ptr<grpc::ClientContext> context =
        env.session().NewContext(1.0 + static_cast<double>(end - first) / kRowsPerTimeout);
    ImportSummary summary;
    auto writer = open(context.get(), &summary);
    for (size_t i = first; i < end; ++i) {
      if (!writer->Write(requests[i])) break;  // The server ended the call; Finish says why.
      bar.Update(++sent);
    }
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    if (status.ok()) {
      AddSummary(total, summary, rejects);
      continue;
    }
    bar.Finish();
    env.Fail(status);
    // A call that failed may have stored some of its rows (batches of 1000); the server's
    // message, when it ends the import itself, says how many.
    env.err() << "the import failed after " << sent << " of " << requests.size()
              << " rows were sent, in the call for rows " << first + 1 << "–" << end << "; "
              << total.accepted_count()
              << " row(s) of earlier calls are stored; rows are committed in batches of 1000 "
                 "(the server's message, when it says, tells what of this call is)\n";
    result = kExitRpcFailed;
  }
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGTERM, &old_term, nullptr);
  if (result != kExitOk) {
    rejects.Close(env.err());
    return result;
  }
  bar.Finish();
  if (total.rejections_truncated()) {
    env.err() << "warning: the server listed only some rejected rows; the counts are exact\n";
  }
  // With --rejects every rejected row is in the file; stdout gets the counts.
  ImportSummary summary = MergeRejections(total, local);
  if (rejects.is_open()) summary.clear_rejections();
  PrintImportReport(summary, env.output());
  rejects.Close(env.err());
  return summary.rejected_count() > 0 ? kExitRpcFailed : kExitOk;
}

}  // namespace

int RunNeedImport(CommandEnv& env, const std::string& path, const ImportOptions& options) {
  const std::string currency = env.options().currency;
  const bool late_registration = options.late_registration;
  return RunStreamImport<techmatch::v1::ImportNeedsRequest>(
      env, path, options, NeedCsvSchema(),
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

int RunOfferingImport(CommandEnv& env, const std::string& path, const ImportOptions& options) {
  const std::string currency = env.options().currency;
  const bool late_registration = options.late_registration;
  return RunStreamImport<techmatch::v1::ImportOfferingsRequest>(
      env, path, options, OfferingCsvSchema(),
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
