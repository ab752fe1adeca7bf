// SQL for agreements: the `agreements` row, its agreement_parties / agreement_industries sets,
// the history of its money figures, the consistent export, the GROUP BY summaries and the
// agreement figures of one event.
//
// Same shape as the other *Rows classes (SqliteRepository's generic create/get/list rely on
// it); functions run on a connection the caller holds and throw SQLite::Exception.
#ifndef TECHMATCH_STORAGE_SQLITE_AGREEMENT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_AGREEMENT_ROWS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/agreements/agreement.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reports/agreement_report.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"
#include "storage/sqlite/summary_index.h"

namespace techmatch::storage::sqlite {

struct AgreementRows {
  using Record = Agreement;
  static constexpr absl::string_view kCollection = kAgreements;

  static absl::Status Insert(Connection& connection, const Agreement& agreement);
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Agreement& agreement,
                                                          int64_t expected_revision);
  static std::optional<Agreement> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Agreement>> List(Connection& connection, const ListQuery& query);

  // Appends `changes`, made by the write that produced `revision`.
  static void InsertHistory(Connection& connection, absl::string_view id, int64_t revision,
                            const std::vector<AmountChange>& changes);
  static std::vector<AmountChange> History(Connection& connection, absl::string_view id);

  // Streams the matching agreements in id order to `sink` (the caller holds the read
  // transaction).
  static absl::Status Export(Connection& connection, const std::vector<FilterTerm>& filter,
                             const ReadScope& scope,
                             absl::FunctionRef<absl::Status(const Agreement&)> sink);

  // From `index` when given and it covers the filter (storage/sqlite/summary_index.h), else in
  // SQL: one GROUP BY per call for the sums and one for the distinct parties, plus the same two
  // without grouping for the total. The same answer either way; OUT_OF_RANGE when a sum
  // overflows 64 bits (checked_sum).
  static absl::StatusOr<AgreementReport> Summarize(Connection& connection,
                                                   const std::vector<FilterTerm>& filter,
                                                   const std::vector<GroupDimension>& group_by,
                                                   const SummaryOptions& options = {},
                                                   SummaryIndex* index = nullptr);

  // The agreement part of an event's figures: the totals by kind, of framework agreements, of
  // the others, of all, and the framework agreements' SUPPLIER display names in first-signed
  // order.
  static absl::Status SummarizeEvent(Connection& connection, absl::string_view event_id,
                                     EventFigures& figures);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_AGREEMENT_ROWS_H_
