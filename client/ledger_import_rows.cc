#include "client/ledger_import_rows.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/csv_row_reader.h"
#include "client/ledger_figures.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportRejection;

// Money with at most two decimals as written (`1234.5万` yes, `1.234万` no), so a figure typed
// with more precision than the bureau's tables keep is questioned rather than silently scaled.
std::optional<google::type::Money> LedgerMoney(CsvRowReader& row, absl::string_view column,
                                               absl::string_view currency) {
  const std::string text = row.Text(column);
  const size_t point = text.find('.');
  if (point != std::string::npos) {
    size_t digits = 0;
    while (point + 1 + digits < text.size() && text[point + 1 + digits] >= '0' &&
           text[point + 1 + digits] <= '9') {
      ++digits;
    }
    if (digits > 2) {
      row.Violate(column,
                  absl::StrCat("has ", digits, " decimals; write at most two, got '", text, "'"));
      return std::nullopt;
    }
  }
  return row.Money(column, currency);
}

// A year or half: a whole number that fits the API's int32 (its range is the server's rule).
std::optional<int32_t> SmallInteger(CsvRowReader& row, absl::string_view column) {
  std::optional<int64_t> value = row.Integer(column);
  if (!value) return std::nullopt;
  if (*value < std::numeric_limits<int32_t>::min() ||
      *value > std::numeric_limits<int32_t>::max()) {
    row.Violate(column, absl::StrCat("is out of range: ", *value));
    return std::nullopt;
  }
  return static_cast<int32_t>(*value);
}

// The figure of an observation or a target: one of the columns count, money and percent_bp.
template <typename Proto>
void ReadFigure(CsvRowReader& row, absl::string_view currency, Proto& out) {
  const std::optional<int64_t> count = row.Integer("count");
  const std::optional<google::type::Money> money = LedgerMoney(row, "money", currency);
  const std::optional<int64_t> percent_bp = row.Integer("percent_bp");
  const int given = (count ? 1 : 0) + (money ? 1 : 0) + (percent_bp ? 1 : 0);
  if (given > 1) {
    row.Violate("value", "give one of count, money and percent_bp, not several");
    return;
  }
  if (count) out.set_count(*count);
  if (money) *out.mutable_money() = *money;
  if (percent_bp) out.set_percent_bp(*percent_bp);
}

std::string OrganizationName(CsvRowReader& row, absl::string_view column) {
  return QualifyName("organizations", row.Text(column));
}

}  // namespace

const CsvSchema& ObservationCsvSchema() {
  static const auto* schema = new CsvSchema{{"indicator", "region_code", "year"},
                                            {"half", "count", "money", "percent_bp", "note"}};
  return *schema;
}

const CsvSchema& TargetCsvSchema() {
  static const auto* schema =
      new CsvSchema{{"indicator", "region_code", "year"}, {"count", "money", "percent_bp"}};
  return *schema;
}

const CsvSchema& ProjectCsvSchema() {
  static const auto* schema =
      new CsvSchema{{"title", "level", "programme", "lead_organization", "region_code", "year"},
                    {"id", "partners", "approved_funds"}};
  return *schema;
}

const CsvSchema& FundArrivalCsvSchema() {
  static const auto* schema = new CsvSchema{{"project", "amount", "arrive_time"}, {"note"}};
  return *schema;
}

const CsvSchema& CommissionerCsvSchema() {
  static const auto* schema = new CsvSchema{
      {"display_name", "home_organization", "region_code", "year", "service_model"},
      {"id", "technologies_promoted", "new_products", "projects", "joint_ventures", "cooperatives",
       "enterprises_founded", "investment", "profit", "farmer_income_increase"}};
  return *schema;
}

const CsvSchema& FinancingCsvSchema() {
  static const auto* schema =
      new CsvSchema{{"kind", "provider", "recipient", "amount", "grant_time"},
                    {"id", "agreement", "region_code"}};
  return *schema;
}

bool ObservationRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                             absl::string_view currency,
                             techmatch::v1::RecordObservationRequest* request,
                             ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  techmatch::v1::Observation* o = request->mutable_observation();
  const std::string indicator = row.Text("indicator");
  if (!indicator.empty()) o->set_indicator(IndicatorNameOf(indicator));
  o->set_region_code(row.Text("region_code"));
  if (auto year = SmallInteger(row, "year")) o->set_year(*year);
  if (auto half = SmallInteger(row, "half")) o->set_half(*half);
  ReadFigure(row, currency, *o);
  o->set_note(row.Text("note"));
  return row.ok();
}

bool TargetRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                        absl::string_view currency, techmatch::v1::CreateTargetRequest* request,
                        ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  techmatch::v1::Target* t = request->mutable_target();
  const std::string indicator = row.Text("indicator");
  if (!indicator.empty()) t->set_indicator(IndicatorNameOf(indicator));
  t->set_region_code(row.Text("region_code"));
  if (auto year = SmallInteger(row, "year")) t->set_year(*year);
  ReadFigure(row, currency, *t);
  return row.ok();
}

bool ProjectRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                         absl::string_view currency, techmatch::v1::CreateProjectRequest* request,
                         ImportRejection* rejection) {
  using techmatch::v1::Project;
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_project_id(row.Text("id"));
  Project* p = request->mutable_project();
  p->set_title(row.Text("title"));
  if (auto level = row.Enum<Project::Level>("level", Project::Level_Parse, "level",
                                            "NATIONAL, PROVINCIAL, MUNICIPAL or COUNTY")) {
    p->set_level(*level);
  }
  p->set_programme(row.Text("programme"));
  p->set_lead_organization(OrganizationName(row, "lead_organization"));
  for (const std::string& partner : row.Names("organizations", "partners")) {
    p->add_partners(partner);
  }
  p->set_region_code(row.Text("region_code"));
  if (auto year = SmallInteger(row, "year")) p->set_year(*year);
  if (auto funds = LedgerMoney(row, "approved_funds", currency)) {
    *p->mutable_approved_funds() = *funds;
  }
  return row.ok();
}

bool FundArrivalRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                             absl::string_view currency,
                             techmatch::v1::RecordFundArrivalRequest* request,
                             ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_project(QualifyName("projects", row.Text("project")));
  if (auto amount = LedgerMoney(row, "amount", currency)) *request->mutable_amount() = *amount;
  if (auto time = row.Time("arrive_time")) *request->mutable_arrive_time() = *time;
  request->set_note(row.Text("note"));
  return row.ok();
}

bool CommissionerRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                              absl::string_view currency,
                              techmatch::v1::CreateCommissionerRequest* request,
                              ImportRejection* rejection) {
  using techmatch::v1::Commissioner;
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_commissioner_id(row.Text("id"));
  Commissioner* c = request->mutable_commissioner();
  c->set_display_name(row.Text("display_name"));
  c->set_home_organization(OrganizationName(row, "home_organization"));
  c->set_region_code(row.Text("region_code"));
  if (auto year = SmallInteger(row, "year")) c->set_year(*year);
  if (auto model = row.Enum<Commissioner::ServiceModel>(
          "service_model", Commissioner::ServiceModel_Parse, "service model",
          "MARKET_LED, TECHNOLOGY_PUSHED or VENTURE")) {
    c->set_service_model(*model);
  }
  if (auto n = row.Integer("technologies_promoted")) c->set_technologies_promoted(*n);
  if (auto n = row.Integer("new_products")) c->set_new_products(*n);
  if (auto n = row.Integer("projects")) c->set_projects(*n);
  if (auto n = row.Integer("joint_ventures")) c->set_joint_ventures(*n);
  if (auto n = row.Integer("cooperatives")) c->set_cooperatives(*n);
  if (auto n = row.Integer("enterprises_founded")) c->set_enterprises_founded(*n);
  if (auto m = LedgerMoney(row, "investment", currency)) *c->mutable_investment() = *m;
  if (auto m = LedgerMoney(row, "profit", currency)) *c->mutable_profit() = *m;
  if (auto m = LedgerMoney(row, "farmer_income_increase", currency)) {
    *c->mutable_farmer_income_increase() = *m;
  }
  return row.ok();
}

bool FinancingRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                           absl::string_view currency,
                           techmatch::v1::CreateFinancingRequest* request,
                           ImportRejection* rejection) {
  using techmatch::v1::Financing;
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_financing_id(row.Text("id"));
  Financing* f = request->mutable_financing();
  if (auto kind = row.Enum<Financing::Kind>("kind", Financing::Kind_Parse, "financing kind",
                                            "LOAN, GUARANTEE, EQUITY, AWARD or SUBSIDY")) {
    f->set_kind(*kind);
  }
  f->set_provider(OrganizationName(row, "provider"));
  f->set_recipient(OrganizationName(row, "recipient"));
  if (auto amount = LedgerMoney(row, "amount", currency)) *f->mutable_amount() = *amount;
  if (auto time = row.Time("grant_time")) *f->mutable_grant_time() = *time;
  const std::string agreement = row.Text("agreement");
  if (!agreement.empty()) f->set_agreement(QualifyName("agreements", agreement));
  f->set_region_code(row.Text("region_code"));
  return row.ok();
}

}  // namespace techmatch::client
