// The body of a client-streaming import (ImportNeeds, ImportOfferings): each row is validated
// like a create; valid rows are stored in batches, one durable transaction per batch, each row
// under its own savepoint, so a rejected row never half-lands and accepted rows are on disk
// before the summary is sent.
#ifndef TECHMATCH_SERVER_IMPORT_FLOW_H_
#define TECHMATCH_SERVER_IMPORT_FLOW_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/resource_id.h"
#include "core/reference/caching_reference_lookup.h"
#include "grpcpp/support/sync_stream.h"
#include "server/call_deadline.h"
#include "server/parsed_stream.h"
#include "server/record_flows.h"
#include "techmatch/v1/common.pb.h"

namespace techmatch::server {

// Rows per transaction: large enough to amortize the commit, small enough to bound memory.
inline constexpr size_t kImportBatchRows = 1000;

template <typename R>
struct ImportSteps {
  RecordRules<R> rules;
  absl::string_view collection;  // e.g. "needs"
  absl::string_view id_field;    // e.g. "need_id"
  std::function<absl::StatusOr<std::vector<absl::StatusOr<R>>>(const std::vector<R>&)> store;
  // Called for each stored record (keeps the matching index current).
  std::function<void(const R&)> on_stored;
};

namespace import_internal {

inline void Reject(v1::ImportSummary& summary, int64_t row_number,
                   const std::vector<FieldViolation>& violations) {
  v1::ImportRejection* rejection = summary.add_rejections();
  rejection->set_row_number(row_number);
  for (const FieldViolation& v : violations) {
    auto* out = rejection->add_field_violations();
    out->set_field(v.field);
    out->set_description(v.description);
  }
  summary.set_rejected_count(summary.rejected_count() + 1);
}

// `status` (same code, same field violations) with where the import stopped (`where`, may be
// empty) and what of it is stored: a failed import sends no ImportSummary, so this is all its
// client learns.
inline absl::Status Stopped(const absl::Status& status, absl::string_view where, int64_t stored,
                            size_t dropped) {
  std::string note = where.empty() ? "[" : absl::StrCat("[the import stopped ", where, "; ");
  if (stored == 0) {
    absl::StrAppend(&note, "no row of this import was stored");
  } else {
    absl::StrAppend(&note, stored,
                    " row(s) of this import are stored and stay (rows are "
                    "committed in batches of ",
                    kImportBatchRows, ")");
  }
  if (dropped > 0) {
    absl::StrAppend(&note, "; the ", dropped,
                    " valid row(s) of the unfinished batch were not stored");
  }
  absl::Status out(status.code(), absl::StrCat(status.message(), " ", note, "]"));
  status.ForEachPayload(
      [&out](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  return out;
}

}  // namespace import_internal

// `convert` reads one request into a record (without id) and its requested id; a non-OK
// status from it stops the import (row problems go into its violations instead). Stops with
// DEADLINE_EXCEEDED or CANCELLED as soon as `call`'s client no longer waits, and with
// INVALID_ARGUMENT at a row that does not parse (parsed_stream.h); the batch not yet stored is
// then dropped (batches stored before stay: each was a durable transaction). The import is
// not atomic: a stopping status says where it stopped and how many of its rows are stored
// (import_internal::Stopped).
template <typename Request, typename R>
absl::Status ImportRows(const grpc::ServerContextBase& call, ParsingReader<Request>& reader,
                        ReferenceLookup& lookup, const ImportSteps<R>& steps,
                        const std::function<absl::StatusOr<R>(const Request&, Violations&,
                                                              std::string& requested_id)>& convert,
                        v1::ImportSummary& summary) {
  CachingReferenceLookup cached(lookup);
  std::vector<R> batch;
  std::vector<int64_t> batch_rows;

  // Stores the batch. Its transaction commits every row that inserted (a savepoint each); a
  // row failing otherwise than by a duplicate id stops the import once the rest are counted
  // (and indexed: they are stored).
  auto flush = [&]() -> absl::Status {
    if (batch.empty()) return absl::OkStatus();
    TM_ASSIGN_OR_RETURN(std::vector<absl::StatusOr<R>> results, steps.store(batch));
    absl::Status failed;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].ok()) {
        steps.on_stored(*results[i]);
        summary.add_accepted_names(ResourceName(steps.collection, results[i]->meta.id));
        summary.set_accepted_count(summary.accepted_count() + 1);
      } else if (results[i].status().code() == absl::StatusCode::kAlreadyExists) {
        import_internal::Reject(
            summary, batch_rows[i],
            {{std::string(steps.id_field), std::string(results[i].status().message())}});
      } else if (failed.ok()) {
        failed =
            absl::Status(results[i].status().code(),
                         absl::StrCat("row ", batch_rows[i], ": ", results[i].status().message()));
      }
    }
    batch.clear();
    batch_rows.clear();
    return failed;
  };

  Request request;
  int64_t position = 0;
  int64_t row_number = 0;
  // `at`: the current message caused it; otherwise the import stopped after it.
  auto stopped = [&](const absl::Status& status, bool at = false) {
    const std::string where = position == 0
                                  ? "before the first message"
                                  : absl::StrCat(at ? "at" : "after", " message ", position,
                                                 " of the stream (row ", row_number, ")");
    return import_internal::Stopped(status, where, summary.accepted_count(), batch.size());
  };
  while (reader.Read(&request)) {
    if (absl::Status wanted = CallStillWanted(call); !wanted.ok()) return stopped(wanted);
    ++position;
    row_number = request.row_number() > 0 ? request.row_number() : position;
    Violations conversion;
    std::string requested_id;
    absl::StatusOr<R> record = convert(request, conversion, requested_id);
    if (!record.ok()) return stopped(record.status(), /*at=*/true);
    const absl::Status ready =
        PrepareNew(*record, requested_id, steps.id_field, "", conversion, steps.rules, cached);
    if (!ready.ok()) {
      if (ready.code() != absl::StatusCode::kInvalidArgument) return stopped(ready, /*at=*/true);
      import_internal::Reject(summary, row_number, FieldViolationsOf(ready));
      continue;
    }
    batch.push_back(*std::move(record));
    batch_rows.push_back(row_number);
    if (batch.size() >= kImportBatchRows) {
      if (absl::Status stored = flush(); !stored.ok()) return stopped(stored);
    }
  }
  // Read() also ends when the call was cancelled or ran out of time, or at a row that does not
  // parse: not an end of input. (The unparsed message's own status names its position.)
  if (absl::Status wanted = CallStillWanted(call); !wanted.ok()) return stopped(wanted);
  if (!reader.status().ok()) {
    return import_internal::Stopped(reader.status(), "", summary.accepted_count(), batch.size());
  }
  if (absl::Status stored = flush(); !stored.ok()) return stopped(stored);
  return absl::OkStatus();
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_IMPORT_FLOW_H_
