#include "storage/postgres/agreement_rows.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$20 follow the column order of kColumns.
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
    "state, create_time, update_time, revision) VALUES ($1, $2, $3, $4, NULLIF($5, ''), "
    "NULLIF($6, ''), NULLIF($7, ''), $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, "
    "$20)";
// $18 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE agreements SET title = $2, kind = $3, parties = $4, event_id = NULLIF($5, ''), "
    "need_id = NULLIF($6, ''), offering_id = NULLIF($7, ''), industries = $8, sign_time = $9, "
    "sign_month = $10, contract_amount = $11, total_investment = $12, "
    "expected_sales_revenue = $13, expected_profit_tax = $14, realized_output_value = $15, "
    "realized_profit_tax = $16, state = $17, update_time = $19, revision = revision + 1 "
    "WHERE id = $1 AND revision = $20 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM agreements WHERE id = $1)";
// The parties in order: organization ids and roles as two text[] of one length.
constexpr absl::string_view kInsertParties =
    "INSERT INTO agreement_parties (agreement_id, position, organization_id, role) "
    "SELECT $1, p.position - 1, p.organization_id, p.role "
    "FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS p (organization_id, role, position)";
constexpr absl::string_view kDeleteParties =
    "DELETE FROM agreement_parties WHERE agreement_id = $1";
// A set indexing the ordered list in the row: duplicates are ignored.
constexpr absl::string_view kInsertIndustries =
    "INSERT INTO agreement_industries (agreement_id, industry_code) "
    "SELECT $1, code FROM unnest($2::text[]) AS code ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM agreement_industries WHERE agreement_id = $1";
constexpr absl::string_view kInsertHistory =
    "INSERT INTO agreement_history (agreement_id, revision, field, change_time, old_value, "
    "new_value) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr absl::string_view kHistory =
    "SELECT field, change_time, old_value, new_value FROM agreement_history "
    "WHERE agreement_id = $1 ORDER BY revision, field";
// Export reads this many agreements per statement.
constexpr int kExportBatch = 500;

// The conditions `scope` adds to an agreements query.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.AddText(
        "a.id IN (SELECT sp.agreement_id FROM agreement_parties AS sp JOIN organizations AS so "
        "ON so.id = sp.organization_id WHERE ",
        *scope.party, " IN (so.id, so.parent_id))");
  }
  if (scope.region.empty()) return;
  constexpr absl::string_view kRegionParties =
      "SELECT rsp.agreement_id FROM agreement_parties AS rsp JOIN organizations AS rso "
      "ON rso.id = rsp.organization_id WHERE rso.region_code LIKE ";
  // A city or county holds a small share of the parties: its agreement ids are gathered first
  // (an InitPlan) and the agreements read by key, as a hand-written query starts from the
  // region's organizations. Left to the planner, the semi-join read every agreement the other
  // conditions select (a year's, from the sign_time index) and kept the tenth in the city. A
  // province's parties are most of the table, where the semi-join is the cheaper plan.
  if (LevelOf(scope.region) != RegionLevel::kProvince) {
    where.AddText(absl::StrCat("a.id = ANY (ARRAY(", kRegionParties), RegionPattern(scope.region),
                  "))");
  } else {
    where.AddText(absl::StrCat("a.id IN (", kRegionParties), RegionPattern(scope.region), ")");
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

absl::StatusOr<Params> AgreementParams(const Agreement& a, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string parties, EncodeParties(a.parties));
  TM_ASSIGN_OR_RETURN(std::string industries, EncodeList(a.industry_codes, "industries"));
  TM_ASSIGN_OR_RETURN(int64_t sign_time, TimeToNanos(a.sign_time, "sign_time"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(a.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(a.meta.update_time, "update_time"));
  Params params;
  params.Text(a.meta.id)
      .Text(a.title)
      .Text(AgreementKindName(a.kind))
      .Text(parties)
      .Text(a.event_id)
      .Text(a.need_id)
      .Text(a.offering_id)
      .Text(industries)
      .Int64(sign_time)
      .Int64(SignMonthOf(a.sign_time));
  for (size_t i = 0; i < kAmountFieldCount; ++i) params.OptionalInt64(a.amounts[i]);
  params.Text(AgreementStateName(a.state)).Int64(create_time).Int64(update_time).Int64(revision);
  return params;
}

Agreement ReadAgreement(const Result& result, int row) {
  Agreement a;
  a.meta.id = result.Text(row, 0);
  a.title = result.Text(row, 1);
  a.kind =
      AgreementKindFromName(result.Text(row, 2)).value_or(AgreementKind::kTechnologyDevelopment);
  a.parties = DecodeParties(result.View(row, 3));
  a.event_id = result.Text(row, 4);  // NULL reads as "".
  a.need_id = result.Text(row, 5);
  a.offering_id = result.Text(row, 6);
  a.industry_codes = DecodeList(result.View(row, 7));
  a.sign_time = NanosToTime(result.Int64(row, 8));
  for (size_t i = 0; i < kAmountFieldCount; ++i) {
    const int column = kFirstAmountColumn + static_cast<int>(i);
    if (!result.IsNull(row, column)) a.amounts[i] = result.Int64(row, column);
  }
  a.state = AgreementStateFromName(result.View(row, 16)).value_or(AgreementState::kSigned);
  a.meta.create_time = NanosToTime(result.Int64(row, 17));
  a.meta.update_time = NanosToTime(result.Int64(row, 18));
  a.meta.revision = result.Int64(row, 19);
  return a;
}

absl::Status InsertSets(Connection& connection, const Agreement& a) {
  if (!a.parties.empty()) {
    std::vector<std::string> organizations;
    std::vector<std::string> roles;
    for (const Party& party : a.parties) {
      organizations.push_back(party.organization_id);
      roles.emplace_back(PartyRoleName(party.role));
    }
    TM_RETURN_IF_ERROR(connection
                           .Exec(kInsertParties,
                                 Params().Text(a.meta.id).TextArray(organizations).TextArray(roles))
                           .status());
  }
  if (!a.industry_codes.empty()) {
    TM_RETURN_IF_ERROR(
        connection.Exec(kInsertIndustries, Params().Text(a.meta.id).TextArray(a.industry_codes))
            .status());
  }
  return absl::OkStatus();
}

// --- Summaries --------------------------------------------------------------------------
//
// The same groups as SQLite's SQL. Results arrive in binary: a group value is read as text,
// except the sign year and month, which are grouped as integers (a text key costs a sort of
// every party row on text) and formatted here.

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
             "gro.region_code::text ELSE substr(gro.region_code, 1, 4) || '00' END";
    case RegionLevel::kCounty:
      break;
  }
  return "gro.region_code::text";
}

// The six amounts as the sums read them from `a`.
constexpr absl::string_view kAmounts =
    ", a.contract_amount, a.total_investment, a.expected_sales_revenue, a.expected_profit_tax, "
    "a.realized_output_value, a.realized_profit_tax";

// Each distinct region (at `level`) of an agreement's parties once, as (id, region_code) and
// the `carried` columns of the agreement (each ", a.column"). The pairs are made from the
// agreements `clause` selects (the statement's own WHERE, moved into the derived table by the
// caller), not from every agreement: a year's report expands only that year's agreements.
std::string RegionPairs(RegionLevel level, absl::string_view clause, absl::string_view carried) {
  const absl::string_view parties =
      clause.empty() ? "agreement_parties AS grp"
                     : "agreements AS a JOIN agreement_parties AS grp ON grp.agreement_id = a.id";
  return absl::StrCat("(SELECT DISTINCT grp.agreement_id AS id, ", RegionAtLevel(level),
                      " AS region_code", carried, " FROM ", parties,
                      " JOIN organizations AS gro ON gro.id = grp.organization_id", clause, ")");
}

// The REGION group's join.
std::string RegionJoin(RegionLevel level, absl::string_view clause) {
  return absl::StrCat(" JOIN ", RegionPairs(level, clause, ""), " AS gr ON gr.id = a.id");
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

bool IsIntegerGroup(GroupDimension dimension) {
  return dimension == GroupDimension::kSignYear || dimension == GroupDimension::kSignMonth;
}

// The SELECT list's group columns, the agreements the sums and the parties read, the joins,
// the WHERE clause and the GROUP BY clause for `group_by` over the agreements `clause` selects.
struct GroupingSql {
  std::string columns;  // "g0, g1, " (with a trailing separator) or "".
  std::string sums_from = "agreements AS a";
  std::string parties_from = "agreements AS a";
  std::string joins;
  std::string where;     // `clause`, or "" when the REGION pairs hold it.
  std::string group_by;  // " GROUP BY 1, 2" or "".
};

GroupingSql GroupingOf(const std::vector<GroupDimension>& group_by, RegionLevel region_level,
                       const std::string& clause) {
  GroupingSql sql;
  sql.where = clause;
  // REGION alone under a filter: the pairs, made from the selected agreements, carry the
  // amounts the sums need and stand for `a` in both statements. Joined back to `agreements`,
  // the planner read the table's whole primary key (a merge join) for columns the pairs had
  // already read, or, for the parties, for none.
  if (group_by.size() == 1 && group_by[0] == GroupDimension::kRegion && !clause.empty()) {
    sql.columns = "a.region_code, ";
    sql.sums_from = absl::StrCat(RegionPairs(region_level, clause, kAmounts), " AS a");
    sql.parties_from = absl::StrCat(RegionPairs(region_level, clause, ""), " AS a");
    sql.where.clear();
    sql.group_by = " GROUP BY 1";
    return sql;
  }
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

using GroupKey = std::vector<std::string>;

// numeric_value_out_of_range: a sum cast back to bigint that does not fit.
constexpr absl::string_view kNumericOutOfRangeState = "22003";

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
                   "count(*), sum(a.contract_amount)::bigint, sum(a.total_investment)::bigint, "
                   "sum(a.expected_sales_revenue)::bigint, sum(a.expected_profit_tax)::bigint, "
                   "sum(a.realized_output_value)::bigint, sum(a.realized_profit_tax)::bigint "
                   "FROM ",
                   grouping.sums_from, grouping.joins, grouping.where, grouping.group_by);
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
                         " END) FROM ", grouping.parties_from, grouping.joins,
                         " JOIN agreement_parties AS p ON p.agreement_id = a.id", counted_join,
                         grouping.where, grouping.group_by);
  auto key_of = [&](const Result& result, int row) {
    GroupKey key;
    for (size_t i = 0; i < k; ++i) {
      const int column = static_cast<int>(i);
      key.push_back(IsIntegerGroup(group_by[i]) ? absl::StrCat(result.Int64(row, column))
                                                : result.Text(row, column));
    }
    return key;
  };
  // sum() of bigint is exact (numeric) and its cast back fails with numeric_value_out_of_range
  // when a sum leaves 64 bits: checked_sum()'s answer, reported with its SQLSTATE. The built-in
  // sum costs a thirtieth of checked_sum(), whose transition function is SQL run once per row.
  absl::StatusOr<Result> sums_or = connection.Exec(sums_sql, where.params());
  if (!sums_or.ok() && SqlStateOf(sums_or.status()) == kNumericOutOfRangeState) {
    return DatabaseError(kSumOverflowState, sums_or.status().message());
  }
  TM_ASSIGN_OR_RETURN(Result sums, std::move(sums_or));
  for (int row = 0; row < sums.rows(); ++row) {
    const int64_t count = sums.Int64(row, static_cast<int>(k));
    if (count == 0) continue;  // The ungrouped total of nothing.
    AgreementTotals& totals = out[key_of(sums, row)];
    totals.agreement_count = count;
    for (size_t i = 0; i < kAmountFieldCount; ++i) {
      const int column = static_cast<int>(k + 1 + i);
      totals.sums[i] = sums.IsNull(row, column) ? 0 : sums.Int64(row, column);
    }
  }
  TM_ASSIGN_OR_RETURN(Result parties, connection.Exec(parties_sql, where.params()));
  for (int row = 0; row < parties.rows(); ++row) {
    auto it = out.find(key_of(parties, row));
    if (it == out.end()) continue;
    it->second.supplier_count = parties.Int64(row, static_cast<int>(k));
    it->second.demander_count = parties.Int64(row, static_cast<int>(k + 1));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AgreementRows::Insert(Connection& connection, const Agreement& agreement) {
  TM_ASSIGN_OR_RETURN(Params params, AgreementParams(agreement, agreement.meta.revision));
  TM_RETURN_IF_ERROR(connection.Exec(kInsert, params).status());
  return InsertSets(connection, agreement);
}

absl::StatusOr<std::optional<absl::Time>> AgreementRows::Update(Connection& connection,
                                                                const Agreement& agreement,
                                                                int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, AgreementParams(agreement, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  for (absl::string_view sql : {kDeleteParties, kDeleteIndustries}) {
    TM_RETURN_IF_ERROR(connection.Exec(sql, Params().Text(agreement.meta.id)).status());
  }
  TM_RETURN_IF_ERROR(InsertSets(connection, agreement));
  return create_time;
}

absl::StatusOr<std::optional<Agreement>> AgreementRows::Find(Connection& connection,
                                                             absl::string_view id) {
  static const std::string* const kFind =
      new std::string(absl::StrCat(Select(), " WHERE a.id = $1"));
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(*kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadAgreement(found, 0);
}

absl::StatusOr<bool> AgreementRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Agreement>> AgreementRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, AgreementFilterColumns(), "a.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Agreement>(connection, Select(), "a.id", std::move(where), query,
                                 ReadAgreement);
}

absl::Status AgreementRows::InsertHistory(Connection& connection, absl::string_view id,
                                          int64_t revision,
                                          const std::vector<AmountChange>& changes) {
  for (const AmountChange& change : changes) {
    TM_RETURN_IF_ERROR(
        connection
            .Exec(kInsertHistory, Params()
                                      .Text(id)
                                      .Int64(revision)
                                      .Text(AmountFieldName(change.field))
                                      .Int64(TimeToNanosSaturated(change.change_time))
                                      .OptionalInt64(change.old_minor)
                                      .OptionalInt64(change.new_minor))
            .status());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<AmountChange>> AgreementRows::History(Connection& connection,
                                                                 absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result rows, connection.Exec(kHistory, Params().Text(id)));
  std::vector<AmountChange> history;
  for (int row = 0; row < rows.rows(); ++row) {
    AmountChange change;
    change.field = AmountFieldFromName(rows.Text(row, 0)).value_or(AmountField::kContractAmount);
    change.change_time = NanosToTime(rows.Int64(row, 1));
    if (!rows.IsNull(row, 2)) change.old_minor = rows.Int64(row, 2);
    if (!rows.IsNull(row, 3)) change.new_minor = rows.Int64(row, 3);
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
  ListQuery query;
  query.filter = filter;
  query.scope = scope;
  query.page_size = kExportBatch;
  do {
    TM_ASSIGN_OR_RETURN(Page<Agreement> batch, List(connection, query));
    for (const Agreement& agreement : batch.items) TM_RETURN_IF_ERROR(sink(agreement));
    query.after_id = std::move(batch.next_after_id);
  } while (!query.after_id.empty());
  return absl::OkStatus();
}

absl::StatusOr<AgreementReport> AgreementRows::Summarize(
    Connection& connection, const std::vector<FilterTerm>& filter,
    const std::vector<GroupDimension>& group_by, const SummaryOptions& options) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(filter, AgreementFilterColumns(), "a.id"));
  AddScope(options.scope, where);
  // A driver join (SqlField::driver_join) orders a page; a summary has none to order, and the
  // agreement fields declare none.
  if (!where.Join().empty()) return absl::InternalError("agreement summaries take no driver join");
  AgreementReport report;
  std::map<GroupKey, AgreementTotals> groups;
  if (!group_by.empty()) {
    TM_RETURN_IF_ERROR(RunSummary(connection, where, group_by, options, groups));
  }
  std::map<GroupKey, AgreementTotals> total;
  TM_RETURN_IF_ERROR(RunSummary(connection, where, {}, options, total));
  if (!total.empty()) report.total = total.begin()->second;
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
  // One statement reads the event's agreements once (the CTE `ea`; they lie all over the
  // table, so each read visits most of its pages) and answers from them: the sums and the
  // distinct parties by kind, framework against the rest and in total (GROUPING SETS; the first
  // column tells the sets apart: GROUPING's bit 2 is set where the kind is not a key, bit 1
  // where framework-or-not is not), and the framework partners as rows of their own (4), with
  // their first-signed order in the count's column.
  // Institutions count as official summaries count them: a college under its university.
  static const std::string* const kFigures = new std::string(absl::StrCat(
      "WITH ea AS MATERIALIZED (SELECT a.id, a.kind, a.sign_time", kAmounts,
      " FROM agreements AS a WHERE a.event_id = $1), s AS (SELECT GROUPING(a.kind, a.kind = "
      "'FRAMEWORK_COOPERATION') AS g, a.kind, a.kind = 'FRAMEWORK_COOPERATION' AS fw, count(*) "
      "AS n, sum(a.contract_amount)::bigint AS c1, sum(a.total_investment)::bigint AS c2, "
      "sum(a.expected_sales_revenue)::bigint AS c3, sum(a.expected_profit_tax)::bigint AS c4, "
      "sum(a.realized_output_value)::bigint AS c5, sum(a.realized_profit_tax)::bigint AS c6 FROM "
      "ea AS a GROUP BY GROUPING SETS ((a.kind), (a.kind = 'FRAMEWORK_COOPERATION'), ())), d AS "
      "(SELECT GROUPING(a.kind, a.kind = 'FRAMEWORK_COOPERATION') AS g, a.kind, a.kind = "
      "'FRAMEWORK_COOPERATION' AS fw, count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN "
      "coalesce(pu.id, p.organization_id) END) AS suppliers, count(DISTINCT CASE WHEN p.role = "
      "'DEMANDER' THEN coalesce(pu.id, p.organization_id) END) AS demanders FROM ea AS a JOIN "
      "agreement_parties AS p ON p.agreement_id = a.id LEFT JOIN organizations AS po ON po.id = "
      "p.organization_id LEFT JOIN organizations AS pu ON pu.id = po.parent_id AND po.kind IN "
      "('UNIVERSITY', 'RESEARCH_INSTITUTE') AND pu.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
      "GROUP BY GROUPING SETS ((a.kind), (a.kind = 'FRAMEWORK_COOPERATION'), ())) "
      "SELECT s.g, s.kind, s.fw, s.n, s.c1, s.c2, s.c3, s.c4, s.c5, s.c6, d.suppliers, "
      "d.demanders, NULL::text FROM s LEFT JOIN d ON d.g = s.g AND d.kind IS NOT DISTINCT FROM "
      "s.kind AND d.fw IS NOT DISTINCT FROM s.fw UNION ALL SELECT 4, NULL, NULL, row_number() "
      "OVER (ORDER BY min(a.sign_time), o.id), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
      "o.display_name::text FROM ea AS a JOIN agreement_parties AS p ON p.agreement_id = a.id AND "
      "p.role = 'SUPPLIER' JOIN organizations AS o ON o.id = p.organization_id WHERE a.kind = "
      "'FRAMEWORK_COOPERATION' GROUP BY o.id, o.display_name"));
  absl::StatusOr<Result> rows_or = connection.Exec(*kFigures, Params().Text(event_id));
  if (!rows_or.ok() && SqlStateOf(rows_or.status()) == kNumericOutOfRangeState) {
    return DatabaseError(kSumOverflowState, rows_or.status().message());
  }
  TM_ASSIGN_OR_RETURN(Result rows, std::move(rows_or));
  std::map<std::string, AgreementTotals> by_kind;
  std::map<int64_t, std::string> partners;  // by first signature
  for (int row = 0; row < rows.rows(); ++row) {
    AgreementTotals* totals = nullptr;
    switch (rows.Int64(row, 0)) {
      case 1:  // by kind
        totals = &by_kind[rows.Text(row, 1)];
        break;
      case 2:  // framework or not
        totals = rows.Bool(row, 2) ? &figures.framework : &figures.technology;
        break;
      case 3:  // every agreement
        totals = &figures.total;
        break;
      default:  // a framework partner
        partners[rows.Int64(row, 3)] = rows.Text(row, 12);
        continue;
    }
    totals->agreement_count = rows.Int64(row, 3);
    for (size_t i = 0; i < kAmountFieldCount; ++i) {
      totals->sums[i] = rows.Int64(row, static_cast<int>(4 + i));  // NULL (no amount) reads 0
    }
    totals->supplier_count = rows.Int64(row, 10);
    totals->demander_count = rows.Int64(row, 11);
  }
  for (const auto& [name, totals] : by_kind) {
    if (std::optional<AgreementKind> kind = AgreementKindFromName(name)) {
      figures.by_kind.emplace_back(*kind, totals);
    }
  }
  std::sort(figures.by_kind.begin(), figures.by_kind.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [order, name] : partners) figures.framework_partners.push_back(std::move(name));
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
