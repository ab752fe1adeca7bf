#include "storage/sqlite/offering_rows.h"

#include <string>
#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?18 follow the column order of kSelect. An offering under review is stored as
// state 'AVAILABLE' with `review` holding SUBMITTED or RETURNED (the migration could only add
// columns); ReadOffering and the `state` filter read the two back as one state.
constexpr absl::string_view kSelect =
    "SELECT id, institute_id, title, description, keywords, industries, cooperation_modes, "
    "events, trl, patents, asking_price_minor, state, create_time, update_time, revision, "
    "late_events, review, return_reason FROM offerings";
constexpr absl::string_view kFind =
    "SELECT id, institute_id, title, description, keywords, industries, cooperation_modes, "
    "events, trl, patents, asking_price_minor, state, create_time, update_time, revision, "
    "late_events, review, return_reason FROM offerings WHERE id = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO offerings (id, institute_id, title, description, keywords, industries, "
    "cooperation_modes, events, trl, patents, asking_price_minor, state, create_time, "
    "update_time, revision, late_events, review, return_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
// ?13 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE offerings SET institute_id = ?2, title = ?3, description = ?4, keywords = ?5, "
    "industries = ?6, cooperation_modes = ?7, events = ?8, trl = ?9, patents = ?10, "
    "asking_price_minor = ?11, state = ?12, update_time = ?14, late_events = ?16, "
    "review = ?17, return_reason = ?18, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?15 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM offerings WHERE id = ?1";
constexpr absl::string_view kFindInstitute = "SELECT institute_id FROM offerings WHERE id = ?1";
constexpr absl::string_view kCountAtEvent =
    "SELECT count(*) FROM offering_events AS e JOIN offerings AS o ON o.id = e.offering_id "
    "WHERE e.event_id = ?1 AND o.state <> 'WITHDRAWN' AND o.review = ''";
constexpr absl::string_view kInsertIndustry =
    "INSERT OR IGNORE INTO offering_industries (offering_id, industry_code) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM offering_industries WHERE offering_id = ?1";
constexpr absl::string_view kInsertEvent =
    "INSERT OR IGNORE INTO offering_events (offering_id, event_id) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteEvents = "DELETE FROM offering_events WHERE offering_id = ?1";

// The stored `state` and `review` of an offering (see kSelect).
absl::string_view StoredState(const Offering& offering) {
  return offering.state == OfferingState::kSubmitted || offering.state == OfferingState::kReturned
             ? "AVAILABLE"
             : OfferingStateName(offering.state);
}
absl::string_view StoredReview(const Offering& offering) {
  if (offering.published) return "";
  return offering.state == OfferingState::kReturned ? "RETURNED" : "SUBMITTED";
}

// Binds ?1..?18 (the revision as `revision`).
absl::Status BindOffering(ScopedStatement& statement, const Offering& offering, int64_t revision) {
  TM_ASSIGN_OR_RETURN(EncodedListing listing, EncodeListing(offering.listing));
  TM_ASSIGN_OR_RETURN(std::string patents, EncodeList(offering.patents, "patents"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(offering.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(offering.meta.update_time, "update_time"));
  statement.BindText(1, offering.meta.id);
  statement.BindText(2, offering.institute_id);
  statement.BindText(3, offering.listing.title);
  statement.BindText(4, offering.listing.description);
  statement.BindText(5, listing.keywords);
  statement.BindText(6, listing.industries);
  statement.BindText(7, listing.cooperation_modes);
  statement.BindText(8, listing.events);
  statement.BindInt64(9, offering.trl);
  statement.BindText(10, patents);
  statement.BindOptionalInt64(11, offering.asking_price_minor);
  statement.BindText(12, StoredState(offering));
  statement.BindInt64(13, create_time);
  statement.BindInt64(14, update_time);
  statement.BindInt64(15, revision);
  statement.BindText(16, listing.late_events);
  statement.BindText(17, StoredReview(offering));
  statement.BindText(18, offering.return_reason);
  return absl::OkStatus();
}

Offering ReadOffering(const RowReader& row) {
  Offering offering;
  offering.meta.id = row.Text(0);
  offering.institute_id = row.Text(1);
  offering.listing.title = row.Text(2);
  offering.listing.description = row.Text(3);
  offering.listing.keywords = DecodeList(row.View(4));
  offering.listing.industry_codes = DecodeList(row.View(5));
  offering.listing.cooperation_modes = DecodeModes(row.View(6));
  offering.listing.event_ids = DecodeList(row.View(7));
  offering.trl = static_cast<int>(row.Int64(8));
  offering.patents = DecodeList(row.View(9));
  if (!row.IsNull(10)) offering.asking_price_minor = row.Int64(10);
  const absl::string_view review = row.View(16);
  offering.published = review.empty();
  offering.state =
      OfferingStateFromName(row.View(11) == "AVAILABLE" && !review.empty() ? review : row.View(11))
          .value_or(OfferingState::kAvailable);
  offering.meta.create_time = NanosToTime(row.Int64(12));
  offering.meta.update_time = NanosToTime(row.Int64(13));
  offering.meta.revision = row.Int64(14);
  offering.listing.late_event_ids = DecodeList(row.View(15));
  offering.return_reason = row.Text(17);
  return offering;
}

}  // namespace

absl::Status OfferingRows::Insert(Connection& connection, const Offering& offering) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindOffering(insert, offering, offering.meta.revision));
    insert.Run();
  }
  InsertMemberships(connection, kInsertIndustry, offering.meta.id, offering.listing.industry_codes);
  InsertMemberships(connection, kInsertEvent, offering.meta.id, offering.listing.event_ids);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> OfferingRows::Update(Connection& connection,
                                                               const Offering& offering,
                                                               int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindOffering(update, offering, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  ReplaceMemberships(connection, kDeleteIndustries, kInsertIndustry, offering.meta.id,
                     offering.listing.industry_codes);
  ReplaceMemberships(connection, kDeleteEvents, kInsertEvent, offering.meta.id,
                     offering.listing.event_ids);
  return create_time;
}

std::optional<Offering> OfferingRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadOffering(find.Row());
}

bool OfferingRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Offering>> OfferingRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, OfferingFilterColumns(), "id"));
  if (query.scope.unpublished_owner) {
    where.Add("(offerings.review = '' OR offerings.institute_id = ?)",
              *query.scope.unpublished_owner);
  }
  if (!query.scope.region.empty()) {
    where.Add(
        "(SELECT so.region_code FROM organizations AS so WHERE so.id = offerings.institute_id) "
        "GLOB ?",
        RegionGlob(query.scope.region));
  }
  return RunPageQuery<Offering>(connection, kSelect, "id", std::move(where), query, ReadOffering);
}

std::optional<std::string> OfferingRows::FindInstitute(Connection& connection,
                                                       absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindInstitute);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return find.Row().Text(0);
}

int64_t OfferingRows::CountAtEvent(Connection& connection, absl::string_view event_id) {
  ScopedStatement count = connection.Prepare(kCountAtEvent);
  count.BindText(1, event_id);
  return count.Step() ? count.Row().Int64(0) : 0;
}

}  // namespace techmatch::storage::sqlite
