#include "storage/sqlite/agreement_rows.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "SQLiteCpp/Exception.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/checked_sum.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"
#include "storage/sqlite/summary_index.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?20 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "a.id, a.title, a.kind, a.parties, a.event_id, a.need_id, a.offering_id, a.industries, "
    "a.sign_time, a.sign_month, a.contract_amount, a.total_investment, "
    "a.expected_sales_revenue, a.expected_profit_tax, a.realized_output_value, "
    "a.realized_profit_tax, a.state, a.create_time, a.update_time, a.revision";
constexpr int kFirstAmountColumn = 10;
constexpr absl::string_view kInsert =
    "INSERT INTO agreements (id, title, kind, parties, event_id, need_id, offering_id, "
    "industries, sign_time, sign_month, contract_amount, total_investment, "
    "expected_sales_revenue, expected_profit_tax, realized_output_value, realized_profit_tax, "
    "state, create_time, update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";
// ?18 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE agreements SET title = ?2, kind = ?3, parties = ?4, event_id = ?5, need_id = ?6, "
    "offering_id = ?7, industries = ?8, sign_time = ?9, sign_month = ?10, "
    "contract_amount = ?11, total_investment = ?12, expected_sales_revenue = ?13, "
    "expected_profit_tax = ?14, realized_output_value = ?15, realized_profit_tax = ?16, "
    "state = ?17, update_time = ?19, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?20 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM agreements WHERE id = ?1";
constexpr absl::string_view kInsertParty =
    "INSERT INTO agreement_parties (agreement_id, position, organization_id, role) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr absl::string_view kDeleteParties =
    "DELETE FROM agreement_parties WHERE agreement_id = ?1";
constexpr absl::string_view kInsertIndustry =
    "INSERT OR IGNORE INTO agreement_industries (agreement_id, industry_code) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM agreement_industries WHERE agreement_id = ?1";
constexpr absl::string_view kInsertHistory =
    "INSERT INTO agreement_history (agreement_id, revision, field, change_time, old_value, "
    "new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// The SUPPLIER parties of an event's framework agreements, by first signature.
constexpr absl::string_view kFrameworkPartners =
    "SELECT o.display_name FROM agreements AS a JOIN agreement_parties AS p "
    "ON p.agreement_id = a.id AND p.role = 'SUPPLIER' JOIN organizations AS o "
    "ON o.id = p.organization_id WHERE a.event_id = ?1 AND a.kind = 'FRAMEWORK_COOPERATION' "
    "GROUP BY o.id ORDER BY min(a.sign_time), o.id";
constexpr absl::string_view kHistory =
    "SELECT field, change_time, old_value, new_value FROM agreement_history "
    "WHERE agreement_id = ?1 ORDER BY revision, field";

// The conditions `scope` adds to an agreements query.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.Add(
        "a.id IN (SELECT sp.agreement_id FROM agreement_parties AS sp JOIN organizations AS so "
        "ON so.id = sp.organization_id WHERE ? IN (so.id, so.parent_id))",
        *scope.party);
  }
  if (!scope.region.empty()) {
    where.Add(
        "a.id IN (SELECT rsp.agreement_id FROM agreement_parties AS rsp JOIN organizations AS rso "
        "ON rso.id = rsp.organization_id WHERE rso.region_code GLOB ?)",
        RegionGlob(scope.region));
  }
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM agreements AS a"); }

absl::StatusOr<std::string> EncodeParties(const std::vector<Party>& parties) {
  std::vector<std::string> items;
  for (const Party& p : parties) {
    items.push_back(absl::StrCat(PartyRoleName(p.role), ":", p.organization_id));
  }
  return EncodeList(items, "parties");
}

std::vector<Party> DecodeParties(absl::string_view text) {
  std::vector<Party> parties;
  for (const std::string& item : DecodeList(text)) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos) continue;
    Party party;
    party.role =
        PartyRoleFromName(absl::string_view(item).substr(0, colon)).value_or(PartyRole::kSupplier);
    party.organization_id = item.substr(colon + 1);
    parties.push_back(std::move(party));
  }
  return parties;
}

void BindOptionalText(ScopedStatement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, value);
  }
}

absl::Status BindAgreement(ScopedStatement& statement, const Agreement& a, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string parties, EncodeParties(a.parties));
  TM_ASSIGN_OR_RETURN(std::string industries, EncodeList(a.industry_codes, "industries"));
  TM_ASSIGN_OR_RETURN(int64_t sign_time, TimeToNanos(a.sign_time, "sign_time"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(a.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(a.meta.update_time, "update_time"));
  statement.BindText(1, a.meta.id);
  statement.BindText(2, a.title);
  statement.BindText(3, AgreementKindName(a.kind));
  statement.BindText(4, parties);
  BindOptionalText(statement, 5, a.event_id);
  BindOptionalText(statement, 6, a.need_id);
  BindOptionalText(statement, 7, a.offering_id);
  statement.BindText(8, industries);
  statement.BindInt64(9, sign_time);
  statement.BindInt64(10, SignMonthOf(a.sign_time));
  for (size_t i = 0; i < kAmountFieldCount; ++i) {
    statement.BindOptionalInt64(11 + static_cast<int>(i), a.amounts[i]);
  }
  statement.BindText(17, AgreementStateName(a.state));
  statement.BindInt64(18, create_time);
  statement.BindInt64(19, update_time);
  statement.BindInt64(20, revision);
  return absl::OkStatus();
}

Agreement ReadAgreement(const RowReader& row) {
  Agreement a;
  a.meta.id = row.Text(0);
  a.title = row.Text(1);
  a.kind = AgreementKindFromName(row.Text(2)).value_or(AgreementKind::kTechnologyDevelopment);
  a.parties = DecodeParties(row.Text(3));
  if (!row.IsNull(4)) a.event_id = row.Text(4);
  if (!row.IsNull(5)) a.need_id = row.Text(5);
  if (!row.IsNull(6)) a.offering_id = row.Text(6);
  a.industry_codes = DecodeList(row.View(7));
  a.sign_time = NanosToTime(row.Int64(8));
  for (size_t i = 0; i < kAmountFieldCount; ++i) {
    const int column = kFirstAmountColumn + static_cast<int>(i);
    if (!row.IsNull(column)) a.amounts[i] = row.Int64(column);
  }
  a.state = AgreementStateFromName(row.View(16)).value_or(AgreementState::kSigned);
  a.meta.create_time = NanosToTime(row.Int64(17));
  a.meta.update_time = NanosToTime(row.Int64(18));
  a.meta.revision = row.Int64(19);
  return a;
}

void InsertSets(Connection& connection, const Agreement& a) {
  {
    ScopedStatement insert = connection.Prepare(kInsertParty);
    for (size_t i = 0; i < a.parties.size(); ++i) {
      insert.Reset();
      insert.BindText(1, a.meta.id);
      insert.BindInt64(2, static_cast<int64_t>(i));
      insert.BindText(3, a.parties[i].organization_id);
      insert.BindText(4, PartyRoleName(a.parties[i].role));
      insert.Run();
    }
  }
  InsertMemberships(connection, kInsertIndustry, a.meta.id, a.industry_codes);
}

// --- Summaries --------------------------------------------------------------------------

struct DimensionSql {
  std::string join;        // Joined after `agreements AS a`; may be empty.
  absl::string_view expr;  // The group value.
};

// The region of one party's organization `gro` at `level`: a code coarser than `level` stays
// as it is; '' (no region) stays ''.
absl::string_view RegionAtLevel(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "CASE WHEN gro.region_code = '' THEN '' ELSE substr(gro.region_code, 1, 2) || "
             "'0000' END";
    case RegionLevel::kCity:
      return "CASE WHEN gro.region_code = '' OR substr(gro.region_code, 3) = '0000' THEN "
             "gro.region_code ELSE substr(gro.region_code, 1, 4) || '00' END";
    case RegionLevel::kCounty:
      break;
  }
  return "gro.region_code";
}

// The REGION group's join: each distinct region (at `level`) of the agreement's parties once.
// The pairs are made from the agreements `clause` selects (the statement's own WHERE, moved
// into the derived table by the caller), not from every agreement.
std::string RegionJoin(RegionLevel level, absl::string_view clause) {
  const absl::string_view parties =
      clause.empty() ? "agreement_parties AS grp"
                     : "agreements AS a JOIN agreement_parties AS grp ON grp.agreement_id = a.id";
  return absl::StrCat(" JOIN (SELECT DISTINCT grp.agreement_id AS agreement_id, ",
                      RegionAtLevel(level), " AS region_code FROM ", parties,
                      " JOIN organizations AS gro ON gro.id = grp.organization_id", clause,
                      ") AS gr ON gr.agreement_id = a.id");
}

DimensionSql SqlOf(GroupDimension dimension, RegionLevel region_level, absl::string_view clause) {
  switch (dimension) {
    case GroupDimension::kEvent:
      return {"", "coalesce(a.event_id, '')"};
    case GroupDimension::kKind:
      return {"", "a.kind"};
    case GroupDimension::kState:
      return {"", "a.state"};
    case GroupDimension::kIndustry:
      return {" LEFT JOIN agreement_industries AS gi ON gi.agreement_id = a.id",
              "coalesce(gi.industry_code, '')"};
    case GroupDimension::kRegion:
      return {RegionJoin(region_level, clause), "gr.region_code"};
    case GroupDimension::kSupplier:
      // A framework agreement with a FINANCIER may have no SUPPLIER: it counts under ''.
      return {
          " LEFT JOIN agreement_parties AS gs ON gs.agreement_id = a.id AND gs.role = "
          "'SUPPLIER'",
          "coalesce(gs.organization_id, '')"};
    case GroupDimension::kDemander:
      return {
          " LEFT JOIN agreement_parties AS gd ON gd.agreement_id = a.id AND gd.role = "
          "'DEMANDER'",
          "coalesce(gd.organization_id, '')"};
    case GroupDimension::kSignYear:
      return {"", "a.sign_month / 100"};
    case GroupDimension::kSignMonth:
      return {"", "a.sign_month"};
  }
  return {"", "''"};
}

// The SELECT list's group columns, the joins, the WHERE clause and the GROUP BY clause for
// `group_by` over the agreements `clause` selects.
struct GroupingSql {
  std::string columns;  // "g0, g1, " (with a trailing separator) or "".
  std::string joins;
  std::string where;     // `clause`, or "" when the REGION join holds it.
  std::string group_by;  // " GROUP BY 1, 2" or "".
};

GroupingSql GroupingOf(const std::vector<GroupDimension>& group_by, RegionLevel region_level,
                       const std::string& clause) {
  GroupingSql sql;
  sql.where = clause;
  std::vector<std::string> positions;
  for (size_t i = 0; i < group_by.size(); ++i) {
    const DimensionSql d = SqlOf(group_by[i], region_level, clause);
    // Every row joined to the regions' pairs is already one the clause selected.
    if (group_by[i] == GroupDimension::kRegion) sql.where.clear();
    absl::StrAppend(&sql.columns, d.expr, ", ");
    absl::StrAppend(&sql.joins, d.join);
    positions.push_back(absl::StrCat(i + 1));
  }
  if (!positions.empty()) sql.group_by = absl::StrCat(" GROUP BY ", absl::StrJoin(positions, ", "));
  return sql;
}

std::string GroupValueText(GroupDimension dimension, const std::string& raw) {
  if (dimension == GroupDimension::kSignMonth && raw.size() == 6) {
    return absl::StrCat(raw.substr(0, 4), "-", raw.substr(4, 2));
  }
  return raw;
}

using GroupKey = SummaryGroupKey;

// Runs the two grouped queries and merges them by group key.
absl::Status RunSummary(Connection& connection, const SqlWhere& where,
                        const std::vector<GroupDimension>& group_by, const SummaryOptions& options,
                        std::map<GroupKey, AgreementTotals>& out) {
  const std::string clause = where.Clause();
  const GroupingSql grouping = GroupingOf(group_by, options.region_level, clause);
  // The organization a party counts as: itself, or the university or institute a college
  // belongs to.
  const absl::string_view counted =
      options.colleges_as_parents ? "coalesce(pu.id, p.organization_id)" : "p.organization_id";
  const absl::string_view counted_join =
      options.colleges_as_parents
          ? " LEFT JOIN organizations AS po ON po.id = p.organization_id LEFT JOIN organizations "
            "AS pu ON pu.id = po.parent_id AND po.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
            "AND pu.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE')"
          : "";
  const size_t k = group_by.size();
  const std::string sums_sql =
      absl::StrCat("SELECT ", grouping.columns,
                   "count(*), checked_sum(a.contract_amount), checked_sum(a.total_investment), "
                   "checked_sum(a.expected_sales_revenue), checked_sum(a.expected_profit_tax), "
                   "checked_sum(a.realized_output_value), checked_sum(a.realized_profit_tax) "
                   "FROM agreements AS a",
                   grouping.joins, grouping.where, grouping.group_by);
  // Over every agreement the parties table alone answers: no join needed.
  const bool everything = group_by.empty() && clause.empty() && !options.colleges_as_parents;
  const std::string parties_sql =
      everything
          ? std::string(
                "SELECT count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN p.organization_id END), "
                "count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN p.organization_id END) "
                "FROM agreement_parties AS p")
          : absl::StrCat("SELECT ", grouping.columns,
                         "count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN ", counted,
                         " END), count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN ", counted,
                         " END) FROM agreements AS a", grouping.joins,
                         " JOIN agreement_parties AS p ON p.agreement_id = a.id", counted_join,
                         grouping.where, grouping.group_by);
  auto key_of = [&](const RowReader& row) {
    GroupKey key;
    for (size_t i = 0; i < k; ++i) key.push_back(row.Text(static_cast<int>(i)));
    return key;
  };
  try {
    ScopedStatement sums = connection.Prepare(sums_sql);
    where.Bind(sums);
    while (sums.Step()) {
      const RowReader row = sums.Row();
      const int64_t count = row.Int64(static_cast<int>(k));
      if (count == 0) continue;  // The ungrouped total of nothing.
      AgreementTotals& totals = out[key_of(row)];
      totals.agreement_count = count;
      for (size_t i = 0; i < kAmountFieldCount; ++i) {
        const int column = static_cast<int>(k + 1 + i);
        totals.sums[i] = row.IsNull(column) ? 0 : row.Int64(column);
      }
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == kSumOverflowCode) return SummaryOverflowError();
    throw;
  }
  ScopedStatement parties = connection.Prepare(parties_sql);
  where.Bind(parties);
  while (parties.Step()) {
    const RowReader row = parties.Row();
    auto it = out.find(key_of(row));
    if (it == out.end()) continue;
    it->second.supplier_count = row.Int64(static_cast<int>(k));
    it->second.demander_count = row.Int64(static_cast<int>(k + 1));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AgreementRows::Insert(Connection& connection, const Agreement& agreement) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindAgreement(insert, agreement, agreement.meta.revision));
    insert.Run();
  }
  InsertSets(connection, agreement);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> AgreementRows::Update(Connection& connection,
                                                                const Agreement& agreement,
                                                                int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindAgreement(update, agreement, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  for (absl::string_view sql : {kDeleteParties, kDeleteIndustries}) {
    ScopedStatement remove = connection.Prepare(sql);
    remove.BindText(1, agreement.meta.id);
    remove.Run();
  }
  InsertSets(connection, agreement);
  return create_time;
}

std::optional<Agreement> AgreementRows::Find(Connection& connection, absl::string_view id) {
  static const std::string* const kFind =
      new std::string(absl::StrCat(Select(), " WHERE a.id = ?1"));
  ScopedStatement find = connection.Prepare(*kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadAgreement(find.Row());
}

bool AgreementRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Agreement>> AgreementRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, AgreementFilterColumns(), "a.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Agreement>(connection, Select(), "a.id", std::move(where), query,
                                 ReadAgreement);
}

void AgreementRows::InsertHistory(Connection& connection, absl::string_view id, int64_t revision,
                                  const std::vector<AmountChange>& changes) {
  ScopedStatement insert = connection.Prepare(kInsertHistory);
  for (const AmountChange& change : changes) {
    insert.Reset();
    insert.BindText(1, id);
    insert.BindInt64(2, revision);
    insert.BindText(3, AmountFieldName(change.field));
    insert.BindInt64(4, TimeToNanosSaturated(change.change_time));
    insert.BindOptionalInt64(5, change.old_minor);
    insert.BindOptionalInt64(6, change.new_minor);
    insert.Run();
  }
}

std::vector<AmountChange> AgreementRows::History(Connection& connection, absl::string_view id) {
  std::vector<AmountChange> history;
  ScopedStatement query = connection.Prepare(kHistory);
  query.BindText(1, id);
  while (query.Step()) {
    const RowReader row = query.Row();
    AmountChange change;
    change.field = AmountFieldFromName(row.Text(0)).value_or(AmountField::kContractAmount);
    change.change_time = NanosToTime(row.Int64(1));
    if (!row.IsNull(2)) change.old_minor = row.Int64(2);
    if (!row.IsNull(3)) change.new_minor = row.Int64(3);
    history.push_back(std::move(change));
  }
  // Within one revision the fields come in API order, not name order.
  std::stable_sort(history.begin(), history.end(),
                   [](const AmountChange& x, const AmountChange& y) {
                     if (x.change_time != y.change_time) return x.change_time < y.change_time;
                     return static_cast<int>(x.field) < static_cast<int>(y.field);
                   });
  return history;
}

absl::Status AgreementRows::Export(Connection& connection, const std::vector<FilterTerm>& filter,
                                   const ReadScope& scope,
                                   absl::FunctionRef<absl::Status(const Agreement&)> sink) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(filter, AgreementFilterColumns(), "a.id"));
  AddScope(scope, where);
  ScopedStatement query =
      connection.Prepare(absl::StrCat(Select(), where.Clause(), " ORDER BY a.id"));
  where.Bind(query);
  while (query.Step()) {
    TM_RETURN_IF_ERROR(sink(ReadAgreement(query.Row())));
  }
  return absl::OkStatus();
}

absl::StatusOr<AgreementReport> AgreementRows::Summarize(
    Connection& connection, const std::vector<FilterTerm>& filter,
    const std::vector<GroupDimension>& group_by, const SummaryOptions& options,
    SummaryIndex* index) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(filter, AgreementFilterColumns(), "a.id"));
  AddScope(options.scope, where);
  AgreementReport report;
  std::map<GroupKey, AgreementTotals> groups;
  if (index != nullptr && SummaryIndex::Covers(filter, options)) {
    TM_RETURN_IF_ERROR(
        index->Summarize(connection, filter, group_by, options, groups, report.total));
  } else {
    if (!group_by.empty()) {
      TM_RETURN_IF_ERROR(RunSummary(connection, where, group_by, options, groups));
    }
    std::map<GroupKey, AgreementTotals> total;
    TM_RETURN_IF_ERROR(RunSummary(connection, where, {}, options, total));
    if (!total.empty()) report.total = total.begin()->second;
  }
  for (auto& [key, totals] : groups) {
    SummaryRow row;
    for (size_t i = 0; i < key.size(); ++i) {
      row.group_values.push_back(GroupValueText(group_by[i], key[i]));
    }
    row.totals = totals;
    report.rows.push_back(std::move(row));
  }
  return report;
}

absl::Status AgreementRows::SummarizeEvent(Connection& connection, absl::string_view event_id,
                                           EventFigures& figures) {
  // Institutions as official summaries count them: a college under its university.
  SummaryOptions event_options;
  event_options.colleges_as_parents = true;
  const FilterTerm in_event{"event", FilterOp::kEq, std::string(event_id)};
  const FilterTerm framework{"kind", FilterOp::kEq,
                             std::string(AgreementKindName(AgreementKind::kFrameworkCooperation))};
  FilterTerm technology = framework;
  technology.op = FilterOp::kNe;
  TM_ASSIGN_OR_RETURN(AgreementReport by_kind,
                      Summarize(connection, {in_event}, {GroupDimension::kKind}, event_options));
  for (const SummaryRow& row : by_kind.rows) {
    if (std::optional<AgreementKind> kind = AgreementKindFromName(row.group_values[0])) {
      figures.by_kind.emplace_back(*kind, row.totals);
    }
  }
  std::sort(figures.by_kind.begin(), figures.by_kind.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  figures.total = by_kind.total;
  TM_ASSIGN_OR_RETURN(AgreementReport framework_report,
                      Summarize(connection, {in_event, framework}, {}, event_options));
  figures.framework = framework_report.total;
  TM_ASSIGN_OR_RETURN(AgreementReport technology_report,
                      Summarize(connection, {in_event, technology}, {}, event_options));
  figures.technology = technology_report.total;

  ScopedStatement partners = connection.Prepare(kFrameworkPartners);
  partners.BindText(1, event_id);
  while (partners.Step()) figures.framework_partners.push_back(partners.Row().Text(0));
  return absl::OkStatus();
}

}  // namespace techmatch::storage::sqlite
