#include "server/financing_conversion.h"

#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {
namespace {

// The id of an organization's name; a malformed name is reported and kept (never looked up),
// which spares a second "is required" violation on the same field.
std::string OrganizationId(const std::string& name, absl::string_view field,
                           Violations& violations) {
  std::string id = usecases::IdFromOptionalName(name, kOrganizations, field, violations);
  return id.empty() ? name : id;
}

}  // namespace

Financing FinancingFromProto(const v1::Financing& proto, const Currency& currency,
                             Violations& violations) {
  Financing f;
  f.kind = static_cast<FinancingKind>(proto.kind());
  f.provider_id = OrganizationId(proto.provider(), "provider", violations);
  f.recipient_id = OrganizationId(proto.recipient(), "recipient", violations);
  if (proto.has_amount()) {
    // A malformed amount was reported here; any positive one spares "more than zero".
    f.amount_minor =
        MinorUnitsFromProto(proto.amount(), currency, "amount", violations).value_or(1);
  }
  if (proto.has_grant_time()) {
    const size_t before = violations.list().size();
    CheckTimestamp("grant_time", proto.grant_time(), violations);
    f.grant_time =
        violations.list().size() == before ? TimeFromProto(proto.grant_time()) : absl::Now();
  }
  f.agreement_id =
      usecases::IdFromOptionalName(proto.agreement(), kAgreements, "agreement", violations);
  f.region_code = proto.region_code();
  return f;
}

void FinancingToProto(const Financing& f, const Currency& currency, v1::Financing& out) {
  out.set_name(ResourceName(kFinancings, f.meta.id));
  out.set_kind(static_cast<v1::Financing::Kind>(f.kind));
  out.set_provider(ResourceName(kOrganizations, f.provider_id));
  out.set_recipient(ResourceName(kOrganizations, f.recipient_id));
  MoneyToProto(f.amount_minor, currency, *out.mutable_amount());
  TimeToProto(f.grant_time, *out.mutable_grant_time());
  if (!f.agreement_id.empty()) out.set_agreement(ResourceName(kAgreements, f.agreement_id));
  out.set_region_code(f.region_code);
  out.set_year(GrantYearOf(f.grant_time));
  MetaToProto(f.meta, out);
}

usecases::NewFinancing NewFinancingFromProto(const v1::CreateFinancingRequest& request,
                                             const Currency& currency) {
  usecases::NewFinancing input;
  input.financing = FinancingFromProto(request.financing(), currency, input.conversion);
  input.financing_id = request.financing_id();
  input.request_id = request.request_id();
  return input;
}

}  // namespace techmatch::server
