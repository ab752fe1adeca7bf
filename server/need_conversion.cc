#include "server/need_conversion.h"

#include <utility>

#include "core/common/resource_id.h"
#include "server/listing_conversion.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {

Need NeedFromProto(const v1::Need& proto, const Currency& currency, Violations& violations) {
  Need need;
  need.enterprise_id =
      usecases::IdFromOptionalName(proto.enterprise(), kOrganizations, "enterprise", violations);
  need.listing = ListingFromProto(proto, violations);
  if (proto.has_budget()) {
    need.budget_minor = MinorUnitsFromProto(proto.budget(), currency, "budget", violations);
  }
  if (proto.has_min_trl()) need.min_trl = proto.min_trl();
  return need;
}

namespace {

// `R` is const Need& (copies) or Need (moves the listing's texts; the rest is copied).
template <typename R>
void NeedToProtoImpl(R&& need, const Currency& currency, v1::Need& out) {
  out.set_name(ResourceName(kNeeds, need.meta.id));
  out.set_enterprise(ResourceName(kOrganizations, need.enterprise_id));
  ListingToProto(std::forward<R>(need).listing, out);
  if (need.budget_minor) MoneyToProto(*need.budget_minor, currency, *out.mutable_budget());
  if (need.min_trl) out.set_min_trl(*need.min_trl);
  out.set_state(static_cast<v1::Need::State>(need.state));
  out.set_return_reason(need.return_reason);
  if (!need.closing_agreement_id.empty()) {
    out.set_closing_agreement(ResourceName(kAgreements, need.closing_agreement_id));
  }
  MetaToProto(need.meta, out);
}

}  // namespace

void NeedToProto(const Need& need, const Currency& currency, v1::Need& out) {
  NeedToProtoImpl(need, currency, out);
}

void NeedToProto(Need&& need, const Currency& currency, v1::Need& out) {
  NeedToProtoImpl(std::move(need), currency, out);
}

std::vector<std::string> PopulatedNeedPaths(const v1::Need& proto) {
  std::vector<std::string> paths = PopulatedListingPaths(proto);
  if (proto.has_budget()) paths.emplace_back("budget");
  if (proto.has_min_trl()) paths.emplace_back("min_trl");
  return paths;
}

usecases::NewNeed NewNeedFromProto(const v1::CreateNeedRequest& request, const Currency& currency) {
  usecases::NewNeed input;
  input.need = NeedFromProto(request.need(), currency, input.conversion);
  input.need_id = request.need_id();
  input.request_id = request.request_id();
  input.late_registration = request.late_registration();
  return input;
}

usecases::NeedUpdate NeedUpdateFromProto(const v1::UpdateNeedRequest& request,
                                         const Currency& currency) {
  usecases::NeedUpdate input;
  input.name = request.need().name();
  input.etag = request.need().etag();
  input.paths = MaskPaths(request.update_mask(), PopulatedNeedPaths(request.need()));
  input.patch = NeedFromProto(request.need(), currency, input.conversion);
  input.late_registration = request.late_registration();
  return input;
}

usecases::ImportRow<Need> NeedRowFromProto(const v1::ImportNeedsRequest& row,
                                           const Currency& currency) {
  usecases::ImportRow<Need> out;
  out.row_number = row.row_number();
  out.requested_id = row.need_id();
  out.record = NeedFromProto(row.need(), currency, out.conversion);
  out.late_registration = row.late_registration();
  return out;
}

}  // namespace techmatch::server
