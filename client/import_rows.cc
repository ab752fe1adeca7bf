#include "client/import_rows.h"

#include <optional>

#include "client/csv_row_reader.h"
#include "client/enum_text.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::CooperationMode;
using techmatch::v1::ImportRejection;

template <typename Repeated, typename Values>
void Assign(Repeated* field, const Values& values) {
  field->Clear();
  for (const auto& value : values) *field->Add() = value;
}

}  // namespace

const CsvSchema& NeedCsvSchema() {
  static const auto* schema = new CsvSchema{
      {"enterprise", "title", "industries"},
      {"id", "description", "keywords", "budget", "min_trl", "cooperation_modes", "events"}};
  return *schema;
}

const CsvSchema& OfferingCsvSchema() {
  static const auto* schema = new CsvSchema{
      {"institute", "title", "industries", "trl"},
      {"id", "description", "keywords", "patents", "cooperation_modes", "asking_price", "events"}};
  return *schema;
}

const CsvSchema& OrganizationCsvSchema() {
  static const auto* schema =
      new CsvSchema{{"display_name", "kind"}, {"id", "parent", "region_code", "industries"}};
  return *schema;
}

bool NeedRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                      absl::string_view currency, techmatch::v1::ImportNeedsRequest* request,
                      ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_row_number(record.line);
  request->set_need_id(row.Text("id"));
  techmatch::v1::Need* need = request->mutable_need();
  need->set_enterprise(QualifyName("organizations", row.Text("enterprise")));
  need->set_title(row.Text("title"));
  need->set_description(row.Text("description"));
  Assign(need->mutable_keywords(), row.List("keywords"));
  Assign(need->mutable_industries(), row.Names("industries", "industries"));
  if (auto budget = row.Money("budget", currency)) *need->mutable_budget() = *budget;
  if (auto min_trl = row.Trl("min_trl")) need->set_min_trl(*min_trl);
  for (CooperationMode mode : row.Modes("cooperation_modes")) need->add_cooperation_modes(mode);
  Assign(need->mutable_events(), row.Names("events", "events"));
  return row.ok();
}

bool OfferingRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                          absl::string_view currency,
                          techmatch::v1::ImportOfferingsRequest* request,
                          ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_row_number(record.line);
  request->set_offering_id(row.Text("id"));
  techmatch::v1::Offering* offering = request->mutable_offering();
  offering->set_institute(QualifyName("organizations", row.Text("institute")));
  offering->set_title(row.Text("title"));
  offering->set_description(row.Text("description"));
  Assign(offering->mutable_keywords(), row.List("keywords"));
  Assign(offering->mutable_industries(), row.Names("industries", "industries"));
  if (auto trl = row.Trl("trl")) offering->set_trl(*trl);
  Assign(offering->mutable_patents(), row.List("patents"));
  for (CooperationMode mode : row.Modes("cooperation_modes")) {
    offering->add_cooperation_modes(mode);
  }
  if (auto price = row.Money("asking_price", currency)) *offering->mutable_asking_price() = *price;
  Assign(offering->mutable_events(), row.Names("events", "events"));
  return row.ok();
}

bool OrganizationRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                              techmatch::v1::CreateOrganizationRequest* request,
                              ImportRejection* rejection) {
  CsvRowReader row(columns, record, rejection);
  request->Clear();
  request->set_organization_id(row.Text("id"));
  techmatch::v1::Organization* org = request->mutable_organization();
  org->set_display_name(row.Text("display_name"));
  if (auto kind = row.Kind("kind")) org->set_kind(*kind);
  org->set_parent(QualifyName("organizations", row.Text("parent")));
  org->set_region_code(row.Text("region_code"));
  Assign(org->mutable_industries(), row.Names("industries", "industries"));
  return row.ok();
}

}  // namespace techmatch::client
