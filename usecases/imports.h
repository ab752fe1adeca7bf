// Bulk imports (ImportNeeds, ImportOfferings): each row is validated like a create; valid rows
// are stored in batches, one durable transaction per batch, and a row the database refuses is
// undone alone (storage: a savepoint per row), so a rejected row never half-lands and accepted
// rows are on disk before the summary is returned. Rows come from a RowSource the transport adapts
// its stream to.
#ifndef TECHMATCH_USECASES_IMPORTS_H_
#define TECHMATCH_USECASES_IMPORTS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_id.h"
#include "core/reference/caching_reference_lookup.h"
#include "usecases/call_state.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {

// Rows per transaction: large enough to amortize the commit, small enough to bound memory.
inline constexpr size_t kImportBatchRows = 1000;
// What a summary lists at most, so that it always fits one response whatever the import's
// size; the counts stay exact and a flag says a list was cut.
inline constexpr size_t kMaxSummaryRejections = 1000;
inline constexpr size_t kMaxSummaryRejectionBytes = 1 << 20;
inline constexpr size_t kMaxSummaryAcceptedNames = 10000;

// One row of an import, as the transport read it.
template <typename R>
struct ImportRow {
  int64_t row_number = 0;  // The caller's number for the row; 0: its position in the input.
  std::string requested_id;
  R record;
  // Problems met reading the row (a bad Money, an unknown enum), named relative to the record;
  // they reject the row together with its rule violations.
  Violations conversion;
  bool late_registration = false;
};

// The rows of one import.
template <typename Row>
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Reads the next row into `row`: false at the end of the input, or where it stopped early
  // (then status() says why).
  virtual bool Next(Row& row) = 0;
  // OK at the end of the input; otherwise why it stopped (e.g. a row that could not be read),
  // saying where.
  virtual absl::Status status() const = 0;
};

struct ImportRejection {
  int64_t row_number = 0;
  std::vector<FieldViolation> violations;
};

// What an import that ran to the end did.
struct ImportSummary {
  int64_t accepted_count = 0;
  int64_t rejected_count = 0;
  std::vector<std::string> accepted_names;  // Resource names, in input order; the first ones.
  std::vector<ImportRejection> rejections;  // In input order; the first ones.
  bool accepted_names_truncated = false;
  bool rejections_truncated = false;
  size_t rejection_bytes = 0;  // What `rejections` weighs, roughly, in a response.
};

template <typename R>
struct ImportSteps {
  RecordRules<R> rules;
  absl::string_view collection;  // e.g. "needs"
  absl::string_view id_field;    // e.g. "need_id"
  std::function<absl::StatusOr<std::vector<absl::StatusOr<R>>>(const std::vector<R>&)> store;
  // Called for each stored record (keeps the matching index current).
  std::function<void(const R&)> on_stored;
  // The row's checks beyond the record's rules (ownership, registration windows), which may
  // complete the record; problems go into `violations` and reject the row. A non-OK status
  // stops the import.
  std::function<absl::Status(ImportRow<R>& row, Violations& violations)> admit;
};

namespace import_internal {

inline void Reject(ImportSummary& summary, int64_t row_number,
                   std::vector<FieldViolation> violations) {
  ++summary.rejected_count;
  size_t bytes = 16;
  for (const FieldViolation& v : violations) bytes += v.field.size() + v.description.size() + 8;
  if (summary.rejections_truncated || summary.rejections.size() >= kMaxSummaryRejections ||
      summary.rejection_bytes + bytes > kMaxSummaryRejectionBytes) {
    summary.rejections_truncated = true;
    return;
  }
  summary.rejection_bytes += bytes;
  summary.rejections.push_back({row_number, std::move(violations)});
}

inline void Accept(ImportSummary& summary, std::string name) {
  ++summary.accepted_count;
  if (summary.accepted_names.size() >= kMaxSummaryAcceptedNames) {
    summary.accepted_names_truncated = true;
    return;
  }
  summary.accepted_names.push_back(std::move(name));
}

// `status` (same code, same field violations) with where the import stopped (`where`, may be
// empty) and what of it is stored: a failed import returns no summary, so this is all its
// caller learns.
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

// Imports every row of `source`. Stops with DEADLINE_EXCEEDED or CANCELLED as soon as `call`
// is no longer wanted, and with the source's status where it stopped early; the batch not yet
// stored is then dropped (batches stored before stay: each was a durable transaction). The
// import is not atomic: a stopping status says where it stopped and how many of its rows are
// stored (import_internal::Stopped).
template <typename R>
absl::StatusOr<ImportSummary> ImportRows(RowSource<ImportRow<R>>& source, const CallState& call,
                                         ReferenceLookup& lookup, const ImportSteps<R>& steps) {
  CachingReferenceLookup cached(lookup);
  ImportSummary summary;
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
        import_internal::Accept(summary, ResourceName(steps.collection, results[i]->meta.id));
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

  ImportRow<R> row;
  int64_t position = 0;
  int64_t row_number = 0;
  // `at`: the current row caused it; otherwise the import stopped after it.
  auto stopped = [&](const absl::Status& status, bool at = false) {
    const std::string where = position == 0
                                  ? "before the first message"
                                  : absl::StrCat(at ? "at" : "after", " message ", position,
                                                 " of the stream (row ", row_number, ")");
    return import_internal::Stopped(status, where, summary.accepted_count, batch.size());
  };
  while (source.Next(row)) {
    if (absl::Status wanted = call.StillWanted(); !wanted.ok()) return stopped(wanted);
    ++position;
    row_number = row.row_number > 0 ? row.row_number : position;
    Violations violations = std::move(row.conversion);
    if (absl::Status admitted = steps.admit(row, violations); !admitted.ok()) {
      return stopped(admitted, /*at=*/true);
    }
    const absl::Status ready = PrepareNew(row.record, row.requested_id, steps.id_field, "",
                                          violations, steps.rules, cached);
    if (!ready.ok()) {
      if (ready.code() != absl::StatusCode::kInvalidArgument) return stopped(ready, /*at=*/true);
      import_internal::Reject(summary, row_number, FieldViolationsOf(ready));
    } else {
      batch.push_back(std::move(row.record));
      batch_rows.push_back(row_number);
      if (batch.size() >= kImportBatchRows) {
        if (absl::Status stored = flush(); !stored.ok()) return stopped(stored);
      }
    }
    row = ImportRow<R>();
  }
  // Next() also ends when the call was cancelled or ran out of time, or at a row that could not
  // be read: not an end of input. (The source's own status names its position.)
  if (absl::Status wanted = call.StillWanted(); !wanted.ok()) return stopped(wanted);
  if (!source.status().ok()) {
    return import_internal::Stopped(source.status(), "", summary.accepted_count, batch.size());
  }
  if (absl::Status stored = flush(); !stored.ok()) return stopped(stored);
  return summary;
}

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_IMPORTS_H_
