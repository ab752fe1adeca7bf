#include "server/agreement_conversion.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {
namespace {

const google::type::Money& AmountOf(const v1::Agreement& proto, AmountField field) {
  switch (field) {
    case AmountField::kContractAmount:
      return proto.contract_amount();
    case AmountField::kTotalInvestment:
      return proto.total_investment();
    case AmountField::kExpectedSalesRevenue:
      return proto.expected_sales_revenue();
    case AmountField::kExpectedProfitTax:
      return proto.expected_profit_tax();
    case AmountField::kRealizedOutputValue:
      return proto.realized_output_value();
    case AmountField::kRealizedProfitTax:
      return proto.realized_profit_tax();
  }
  return proto.contract_amount();
}

bool HasAmount(const v1::Agreement& proto, AmountField field) {
  switch (field) {
    case AmountField::kContractAmount:
      return proto.has_contract_amount();
    case AmountField::kTotalInvestment:
      return proto.has_total_investment();
    case AmountField::kExpectedSalesRevenue:
      return proto.has_expected_sales_revenue();
    case AmountField::kExpectedProfitTax:
      return proto.has_expected_profit_tax();
    case AmountField::kRealizedOutputValue:
      return proto.has_realized_output_value();
    case AmountField::kRealizedProfitTax:
      return proto.has_realized_profit_tax();
  }
  return false;
}

google::type::Money* MutableAmount(v1::Agreement& out, AmountField field) {
  switch (field) {
    case AmountField::kContractAmount:
      return out.mutable_contract_amount();
    case AmountField::kTotalInvestment:
      return out.mutable_total_investment();
    case AmountField::kExpectedSalesRevenue:
      return out.mutable_expected_sales_revenue();
    case AmountField::kExpectedProfitTax:
      return out.mutable_expected_profit_tax();
    case AmountField::kRealizedOutputValue:
      return out.mutable_realized_output_value();
    case AmountField::kRealizedProfitTax:
      return out.mutable_realized_profit_tax();
  }
  return out.mutable_contract_amount();
}

google::type::Money* MutableSum(v1::AgreementSummary& out, AmountField field) {
  switch (field) {
    case AmountField::kContractAmount:
      return out.mutable_contract_amount();
    case AmountField::kTotalInvestment:
      return out.mutable_total_investment();
    case AmountField::kExpectedSalesRevenue:
      return out.mutable_expected_sales_revenue();
    case AmountField::kExpectedProfitTax:
      return out.mutable_expected_profit_tax();
    case AmountField::kRealizedOutputValue:
      return out.mutable_realized_output_value();
    case AmountField::kRealizedProfitTax:
      return out.mutable_realized_profit_tax();
  }
  return out.mutable_contract_amount();
}

}  // namespace

Agreement AgreementFromProto(const v1::Agreement& proto, const Currency& currency,
                             Violations& violations) {
  Agreement a;
  a.title = proto.title();
  a.kind = static_cast<AgreementKind>(proto.kind());
  for (int i = 0; i < proto.parties_size(); ++i) {
    const v1::Party& p = proto.parties(i);
    Party party;
    const size_t before = violations.list().size();
    party.organization_id =
        usecases::IdFromOptionalName(p.organization(), kOrganizations,
                                     absl::StrCat("parties[", i, "].organization"), violations);
    // A malformed name was reported here; keeping it (not an id, so never looked up) spares a
    // second "is required" violation on the same field.
    if (violations.list().size() != before) party.organization_id = p.organization();
    party.role = static_cast<PartyRole>(p.role());
    a.parties.push_back(std::move(party));
  }
  a.event_id = usecases::IdFromOptionalName(proto.event(), kEvents, "event", violations);
  a.need_id = usecases::IdFromOptionalName(proto.need(), kNeeds, "need", violations);
  a.offering_id =
      usecases::IdFromOptionalName(proto.offering(), kOfferings, "offering", violations);
  a.industry_codes = IdsFromNames(proto.industries(), kIndustries, "industries", violations);
  if (proto.has_sign_time()) {
    const size_t before = violations.list().size();
    CheckTimestamp("sign_time", proto.sign_time(), violations);
    // An unrepresentable time was reported here; any past time spares a second violation.
    a.sign_time =
        violations.list().size() == before ? TimeFromProto(proto.sign_time()) : absl::UnixEpoch();
  }
  for (AmountField f : kAllAmountFields) {
    if (HasAmount(proto, f)) {
      a.amount(f) =
          MinorUnitsFromProto(AmountOf(proto, f), currency, AmountFieldName(f), violations);
    }
  }
  return a;
}

void AgreementToProto(const Agreement& a, const Currency& currency,
                      const std::vector<AmountChange>* history, v1::Agreement& out) {
  out.set_name(ResourceName(kAgreements, a.meta.id));
  out.set_title(a.title);
  out.set_kind(static_cast<v1::Agreement::Kind>(a.kind));
  for (const Party& party : a.parties) {
    v1::Party* p = out.add_parties();
    p->set_organization(ResourceName(kOrganizations, party.organization_id));
    p->set_role(static_cast<v1::Party::Role>(party.role));
  }
  if (!a.event_id.empty()) out.set_event(ResourceName(kEvents, a.event_id));
  if (!a.need_id.empty()) out.set_need(ResourceName(kNeeds, a.need_id));
  if (!a.offering_id.empty()) out.set_offering(ResourceName(kOfferings, a.offering_id));
  NamesToProto(a.industry_codes, kIndustries, *out.mutable_industries());
  TimeToProto(a.sign_time, *out.mutable_sign_time());
  for (AmountField f : kAllAmountFields) {
    if (a.amount(f)) MoneyToProto(*a.amount(f), currency, *MutableAmount(out, f));
  }
  out.set_state(static_cast<v1::Agreement::State>(a.state));
  MetaToProto(a.meta, out);
  if (history != nullptr) {
    for (const AmountChange& change : *history) {
      v1::AmountChange* c = out.add_history();
      TimeToProto(change.change_time, *c->mutable_change_time());
      c->set_field(std::string(AmountFieldName(change.field)));
      if (change.old_minor) MoneyToProto(*change.old_minor, currency, *c->mutable_old_value());
      if (change.new_minor) MoneyToProto(*change.new_minor, currency, *c->mutable_new_value());
    }
  }
}

std::vector<std::string> PopulatedAgreementPaths(const v1::Agreement& proto) {
  std::vector<std::string> paths;
  if (!proto.title().empty()) paths.emplace_back("title");
  if (proto.kind() != v1::Agreement::KIND_UNSPECIFIED) paths.emplace_back("kind");
  if (proto.parties_size() > 0) paths.emplace_back("parties");
  if (!proto.event().empty()) paths.emplace_back("event");
  if (!proto.need().empty()) paths.emplace_back("need");
  if (!proto.offering().empty()) paths.emplace_back("offering");
  if (proto.industries_size() > 0) paths.emplace_back("industries");
  if (proto.has_sign_time()) paths.emplace_back("sign_time");
  for (AmountField f : kAllAmountFields) {
    if (HasAmount(proto, f)) paths.emplace_back(AmountFieldName(f));
  }
  return paths;
}

void TotalsToProto(const AgreementTotals& totals, const Currency& currency,
                   v1::AgreementSummary& out) {
  out.set_agreement_count(totals.agreement_count);
  out.set_supplier_count(totals.supplier_count);
  out.set_demander_count(totals.demander_count);
  for (AmountField f : kAllAmountFields) MoneyToProto(totals.sum(f), currency, *MutableSum(out, f));
}

usecases::NewAgreement NewAgreementFromProto(const v1::CreateAgreementRequest& request,
                                             const Currency& currency) {
  usecases::NewAgreement input;
  input.agreement = AgreementFromProto(request.agreement(), currency, input.conversion);
  input.agreement_id = request.agreement_id();
  input.request_id = request.request_id();
  return input;
}

usecases::AgreementUpdate AgreementUpdateFromProto(const v1::UpdateAgreementRequest& request,
                                                   const Currency& currency) {
  usecases::AgreementUpdate input;
  input.name = request.agreement().name();
  input.etag = request.agreement().etag();
  input.paths = MaskPaths(request.update_mask(), PopulatedAgreementPaths(request.agreement()));
  input.patch = AgreementFromProto(request.agreement(), currency, input.conversion);
  return input;
}

}  // namespace techmatch::server
