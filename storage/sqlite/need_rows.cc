#include "storage/sqlite/need_rows.h"

#include <string>
#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?18 follow the column order of kSelect. A need under review is stored as
// state 'OPEN' with `review` holding SUBMITTED or RETURNED (the migration could only add
// columns); ReadNeed and the `state` filter read the two back as one state.
constexpr absl::string_view kSelect =
    "SELECT id, enterprise_id, title, description, keywords, industries, cooperation_modes, "
    "events, budget_minor, min_trl, state, create_time, update_time, revision, late_events, "
    "review, return_reason, closing_agreement_id FROM needs";
constexpr absl::string_view kFind =
    "SELECT id, enterprise_id, title, description, keywords, industries, cooperation_modes, "
    "events, budget_minor, min_trl, state, create_time, update_time, revision, late_events, "
    "review, return_reason, closing_agreement_id FROM needs WHERE id = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
    "cooperation_modes, events, budget_minor, min_trl, state, create_time, update_time, "
    "revision, late_events, review, return_reason, closing_agreement_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
// ?12 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE needs SET enterprise_id = ?2, title = ?3, description = ?4, keywords = ?5, "
    "industries = ?6, cooperation_modes = ?7, events = ?8, budget_minor = ?9, min_trl = ?10, "
    "state = ?11, update_time = ?13, late_events = ?15, review = ?16, return_reason = ?17, "
    "closing_agreement_id = ?18, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?14 RETURNING create_time";

constexpr absl::string_view kExists = "SELECT 1 FROM needs WHERE id = ?1";
constexpr absl::string_view kFindEnterprise = "SELECT enterprise_id FROM needs WHERE id = ?1";
constexpr absl::string_view kCountAtEvent =
    "SELECT count(*) FROM need_events AS e JOIN needs AS n ON n.id = e.need_id "
    "WHERE e.event_id = ?1 AND n.state <> 'WITHDRAWN' AND n.review = ''";
constexpr absl::string_view kInsertIndustry =
    "INSERT OR IGNORE INTO need_industries (need_id, industry_code) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteIndustries = "DELETE FROM need_industries WHERE need_id = ?1";
constexpr absl::string_view kInsertEvent =
    "INSERT OR IGNORE INTO need_events (need_id, event_id) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteEvents = "DELETE FROM need_events WHERE need_id = ?1";

// The stored `state` and `review` of a need (see kSelect).
absl::string_view StoredState(const Need& need) {
  return need.state == NeedState::kSubmitted || need.state == NeedState::kReturned
             ? "OPEN"
             : NeedStateName(need.state);
}
absl::string_view StoredReview(const Need& need) {
  if (need.published) return "";
  return need.state == NeedState::kReturned ? "RETURNED" : "SUBMITTED";
}

// Binds ?1..?18 (the revision as `revision`).
absl::Status BindNeed(ScopedStatement& statement, const Need& need, int64_t revision) {
  TM_ASSIGN_OR_RETURN(EncodedListing listing, EncodeListing(need.listing));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(need.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(need.meta.update_time, "update_time"));
  statement.BindText(1, need.meta.id);
  statement.BindText(2, need.enterprise_id);
  statement.BindText(3, need.listing.title);
  statement.BindText(4, need.listing.description);
  statement.BindText(5, listing.keywords);
  statement.BindText(6, listing.industries);
  statement.BindText(7, listing.cooperation_modes);
  statement.BindText(8, listing.events);
  statement.BindOptionalInt64(9, need.budget_minor);
  if (need.min_trl) {
    statement.BindInt64(10, *need.min_trl);
  } else {
    statement.BindNull(10);
  }
  statement.BindText(11, StoredState(need));
  statement.BindInt64(12, create_time);
  statement.BindInt64(13, update_time);
  statement.BindInt64(14, revision);
  statement.BindText(15, listing.late_events);
  statement.BindText(16, StoredReview(need));
  statement.BindText(17, need.return_reason);
  if (need.closing_agreement_id.empty()) {
    statement.BindNull(18);
  } else {
    statement.BindText(18, need.closing_agreement_id);
  }
  return absl::OkStatus();
}

Need ReadNeed(const RowReader& row) {
  Need need;
  need.meta.id = row.Text(0);
  need.enterprise_id = row.Text(1);
  need.listing.title = row.Text(2);
  need.listing.description = row.Text(3);
  need.listing.keywords = DecodeList(row.View(4));
  need.listing.industry_codes = DecodeList(row.View(5));
  need.listing.cooperation_modes = DecodeModes(row.View(6));
  need.listing.event_ids = DecodeList(row.View(7));
  if (!row.IsNull(8)) need.budget_minor = row.Int64(8);
  if (!row.IsNull(9)) need.min_trl = static_cast<int>(row.Int64(9));
  const absl::string_view review = row.View(15);
  need.published = review.empty();
  need.state = NeedStateFromName(row.View(10) == "OPEN" && !review.empty() ? review : row.View(10))
                   .value_or(NeedState::kOpen);
  need.meta.create_time = NanosToTime(row.Int64(11));
  need.meta.update_time = NanosToTime(row.Int64(12));
  need.meta.revision = row.Int64(13);
  need.listing.late_event_ids = DecodeList(row.View(14));
  need.return_reason = row.Text(16);
  if (!row.IsNull(17)) need.closing_agreement_id = row.Text(17);
  return need;
}

}  // namespace

absl::Status NeedRows::Insert(Connection& connection, const Need& need) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindNeed(insert, need, need.meta.revision));
    insert.Run();
  }
  InsertMemberships(connection, kInsertIndustry, need.meta.id, need.listing.industry_codes);
  InsertMemberships(connection, kInsertEvent, need.meta.id, need.listing.event_ids);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> NeedRows::Update(Connection& connection, const Need& need,
                                                           int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindNeed(update, need, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  ReplaceMemberships(connection, kDeleteIndustries, kInsertIndustry, need.meta.id,
                     need.listing.industry_codes);
  ReplaceMemberships(connection, kDeleteEvents, kInsertEvent, need.meta.id, need.listing.event_ids);
  return create_time;
}

std::optional<Need> NeedRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadNeed(find.Row());
}

bool NeedRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Need>> NeedRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, NeedFilterColumns(), "id"));
  if (query.scope.unpublished_owner) {
    where.Add("(needs.review = '' OR needs.enterprise_id = ?)", *query.scope.unpublished_owner);
  }
  if (!query.scope.region.empty()) {
    where.Add(
        "(SELECT so.region_code FROM organizations AS so WHERE so.id = needs.enterprise_id) "
        "GLOB ?",
        RegionGlob(query.scope.region));
  }
  return RunPageQuery<Need>(connection, kSelect, "id", std::move(where), query, ReadNeed);
}

std::optional<std::string> NeedRows::FindEnterprise(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindEnterprise);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return find.Row().Text(0);
}

int64_t NeedRows::CountAtEvent(Connection& connection, absl::string_view event_id) {
  ScopedStatement count = connection.Prepare(kCountAtEvent);
  count.BindText(1, event_id);
  return count.Step() ? count.Row().Int64(0) : 0;
}

}  // namespace techmatch::storage::sqlite
