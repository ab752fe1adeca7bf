// SQL for agreements on PostgreSQL (the shape of storage/sqlite/agreement_rows.h): the
// `agreements` row, its agreement_parties / agreement_industries sets, the history of its money
// figures, the export, the GROUP BY summaries with checked_sum and the agreement figures of one
// event.
#ifndef TECHMATCH_STORAGE_POSTGRES_AGREEMENT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_AGREEMENT_ROWS_H_

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
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct AgreementRows {
  using Record = Agreement;
  static constexpr absl::string_view kCollection = kAgreements;

  static absl::Status Insert(Connection& connection, const Agreement& agreement);
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Agreement& agreement,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Agreement>> Find(Connection& connection,
                                                       absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Agreement>> List(Connection& connection, const ListQuery& query);

  // Appends `changes`, made by the write that produced `revision`.
  static absl::Status InsertHistory(Connection& connection, absl::string_view id, int64_t revision,
                                    const std::vector<AmountChange>& changes);
  static absl::StatusOr<std::vector<AmountChange>> History(Connection& connection,
                                                           absl::string_view id);

  // Streams the matching agreements in id order to `sink`, read in keyset batches inside the
  // caller's transaction (one snapshot: writes meanwhile are not half-seen).
  static absl::Status Export(Connection& connection, const std::vector<FilterTerm>& filter,
                             const ReadScope& scope,
                             absl::FunctionRef<absl::Status(const Agreement&)> sink);

  // In SQL: one GROUP BY per call for the sums and one for the distinct parties, plus the same
  // two without grouping for the total, as SQLite's SQL path. A sum leaving 64 bits fails with
  // checked_sum's SQLSTATE (OUT_OF_RANGE once mapped), though the sums are the built-in sum().
  static absl::StatusOr<AgreementReport> Summarize(Connection& connection,
                                                   const std::vector<FilterTerm>& filter,
                                                   const std::vector<GroupDimension>& group_by,
                                                   const SummaryOptions& options = {});

  // The agreement part of an event's figures: the totals by kind, of framework agreements, of
  // the others, of all, and the framework agreements' SUPPLIER display names in first-signed
  // order.
  static absl::Status SummarizeEvent(Connection& connection, absl::string_view event_id,
                                     EventFigures& figures);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_AGREEMENT_ROWS_H_
