#include "server/commissioner_conversion.h"

#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {
namespace {

int64_t CountOf(const v1::Commissioner& proto, OutcomeCount field) {
  switch (field) {
    case OutcomeCount::kTechnologiesPromoted:
      return proto.technologies_promoted();
    case OutcomeCount::kNewProducts:
      return proto.new_products();
    case OutcomeCount::kProjects:
      return proto.projects();
    case OutcomeCount::kJointVentures:
      return proto.joint_ventures();
    case OutcomeCount::kCooperatives:
      return proto.cooperatives();
    case OutcomeCount::kEnterprisesFounded:
      return proto.enterprises_founded();
  }
  return 0;
}

void SetCount(v1::Commissioner& out, OutcomeCount field, int64_t value) {
  switch (field) {
    case OutcomeCount::kTechnologiesPromoted:
      return out.set_technologies_promoted(value);
    case OutcomeCount::kNewProducts:
      return out.set_new_products(value);
    case OutcomeCount::kProjects:
      return out.set_projects(value);
    case OutcomeCount::kJointVentures:
      return out.set_joint_ventures(value);
    case OutcomeCount::kCooperatives:
      return out.set_cooperatives(value);
    case OutcomeCount::kEnterprisesFounded:
      return out.set_enterprises_founded(value);
  }
}

// The amount field, or null when it is not set.
const google::type::Money* AmountOf(const v1::Commissioner& proto, OutcomeAmount field) {
  switch (field) {
    case OutcomeAmount::kInvestment:
      return proto.has_investment() ? &proto.investment() : nullptr;
    case OutcomeAmount::kProfit:
      return proto.has_profit() ? &proto.profit() : nullptr;
    case OutcomeAmount::kFarmerIncomeIncrease:
      return proto.has_farmer_income_increase() ? &proto.farmer_income_increase() : nullptr;
  }
  return nullptr;
}

google::type::Money* MutableAmount(v1::Commissioner& out, OutcomeAmount field) {
  switch (field) {
    case OutcomeAmount::kInvestment:
      return out.mutable_investment();
    case OutcomeAmount::kProfit:
      return out.mutable_profit();
    case OutcomeAmount::kFarmerIncomeIncrease:
      return out.mutable_farmer_income_increase();
  }
  return out.mutable_investment();
}

}  // namespace

Commissioner CommissionerFromProto(const v1::Commissioner& proto, const Currency& currency,
                                   Violations& violations) {
  Commissioner c;
  c.display_name = proto.display_name();
  c.home_organization_id = usecases::IdFromOptionalName(proto.home_organization(), kOrganizations,
                                                        "home_organization", violations);
  // A malformed name was reported here; keeping it (never looked up) spares "is required".
  if (c.home_organization_id.empty()) c.home_organization_id = proto.home_organization();
  c.region_code = proto.region_code();
  c.year = proto.year();
  c.service_model = static_cast<ServiceModel>(proto.service_model());
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    c.counts[i] = CountOf(proto, static_cast<OutcomeCount>(i));
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    const auto field = static_cast<OutcomeAmount>(i);
    if (const google::type::Money* money = AmountOf(proto, field)) {
      c.amounts[i] = MinorUnitsFromProto(*money, currency, OutcomeAmountName(field), violations);
    }
  }
  return c;
}

void CommissionerToProto(const Commissioner& c, const Currency& currency, v1::Commissioner& out) {
  out.set_name(ResourceName(kCommissioners, c.meta.id));
  out.set_display_name(c.display_name);
  out.set_home_organization(ResourceName(kOrganizations, c.home_organization_id));
  out.set_region_code(c.region_code);
  out.set_year(c.year);
  out.set_service_model(static_cast<v1::Commissioner::ServiceModel>(c.service_model));
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    SetCount(out, static_cast<OutcomeCount>(i), c.counts[i]);
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    if (c.amounts[i]) {
      MoneyToProto(*c.amounts[i], currency, *MutableAmount(out, static_cast<OutcomeAmount>(i)));
    }
  }
  MetaToProto(c.meta, out);
}

std::vector<std::string> PopulatedCommissionerPaths(const v1::Commissioner& proto) {
  std::vector<std::string> paths;
  if (!proto.display_name().empty()) paths.emplace_back("display_name");
  if (!proto.home_organization().empty()) paths.emplace_back("home_organization");
  if (!proto.region_code().empty()) paths.emplace_back("region_code");
  if (proto.year() != 0) paths.emplace_back("year");
  if (proto.service_model() != v1::Commissioner::SERVICE_MODEL_UNSPECIFIED) {
    paths.emplace_back("service_model");
  }
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    const auto field = static_cast<OutcomeCount>(i);
    if (CountOf(proto, field) != 0) paths.emplace_back(OutcomeCountName(field));
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    const auto field = static_cast<OutcomeAmount>(i);
    if (AmountOf(proto, field) != nullptr) paths.emplace_back(OutcomeAmountName(field));
  }
  return paths;
}

usecases::NewCommissioner NewCommissionerFromProto(const v1::CreateCommissionerRequest& request,
                                                   const Currency& currency) {
  usecases::NewCommissioner input;
  input.commissioner = CommissionerFromProto(request.commissioner(), currency, input.conversion);
  input.commissioner_id = request.commissioner_id();
  input.request_id = request.request_id();
  return input;
}

usecases::CommissionerUpdate CommissionerUpdateFromProto(
    const v1::UpdateCommissionerRequest& request, const Currency& currency) {
  usecases::CommissionerUpdate input;
  input.name = request.commissioner().name();
  input.etag = request.commissioner().etag();
  input.paths =
      MaskPaths(request.update_mask(), PopulatedCommissionerPaths(request.commissioner()));
  input.patch = CommissionerFromProto(request.commissioner(), currency, input.conversion);
  return input;
}

}  // namespace techmatch::server
