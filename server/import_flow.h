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
#include "core/caching_reference_lookup.h"
#include "core/field_violations.h"
#include "core/resource_id.h"
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

}  // namespace import_internal

// `convert` reads one request into a record (without id) and its requested id; a non-OK
// status from it stops the import (row problems go into its violations instead). Stops with
// DEADLINE_EXCEEDED or CANCELLED as soon as `call`'s client no longer waits, and with
// INVALID_ARGUMENT at a row that does not parse (parsed_stream.h); the batch not yet stored is
// then dropped (batches stored before stay: each was a durable transaction).
template <typename Request, typename R>
absl::Status ImportRows(
    const grpc::ServerContextBase& call, ParsingReader<Request>& reader,
    ReferenceLookup& lookup,
    const ImportSteps<R>& steps,
    const std::function<absl::StatusOr<R>(const Request&, Violations&,
                                          std::string& requested_id)>& convert,
    v1::ImportSummary& summary) {
  CachingReferenceLookup cached(lookup);
  std::vector<R> batch;
  std::vector<int64_t> batch_rows;

  auto flush = [&]() -> absl::Status {
    if (batch.empty()) return absl::OkStatus();
    TM_ASSIGN_OR_RETURN(std::vector<absl::StatusOr<R>> results, steps.store(batch));
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].ok()) {
        steps.on_stored(*results[i]);
        summary.add_accepted_names(ResourceName(steps.collection, results[i]->meta.id));
        summary.set_accepted_count(summary.accepted_count() + 1);
      } else if (results[i].status().code() == absl::StatusCode::kAlreadyExists) {
        import_internal::Reject(summary, batch_rows[i],
                                {{std::string(steps.id_field),
                                  std::string(results[i].status().message())}});
      } else {
        return results[i].status();
      }
    }
    batch.clear();
    batch_rows.clear();
    return absl::OkStatus();
  };

  Request request;
  int64_t position = 0;
  while (reader.Read(&request)) {
    TM_RETURN_IF_ERROR(CallStillWanted(call));
    ++position;
    const int64_t row_number = request.row_number() > 0 ? request.row_number() : position;
    Violations conversion;
    std::string requested_id;
    TM_ASSIGN_OR_RETURN(R record, convert(request, conversion, requested_id));
    const absl::Status ready =
        PrepareNew(record, requested_id, steps.id_field, "", conversion, steps.rules, cached);
    if (!ready.ok()) {
      if (ready.code() != absl::StatusCode::kInvalidArgument) return ready;
      import_internal::Reject(summary, row_number, FieldViolationsOf(ready));
      continue;
    }
    batch.push_back(std::move(record));
    batch_rows.push_back(row_number);
    if (batch.size() >= kImportBatchRows) TM_RETURN_IF_ERROR(flush());
  }
  // Read() also ends when the call was cancelled or ran out of time, or at a row that does not
  // parse: not an end of input.
  TM_RETURN_IF_ERROR(CallStillWanted(call));
  TM_RETURN_IF_ERROR(reader.status());
  return flush();
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_IMPORT_FLOW_H_
