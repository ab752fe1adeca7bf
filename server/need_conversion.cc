#include "server/need_conversion.h"

#include <utility>

#include "core/common/resource_id.h"
#include "server/listing_conversion.h"

namespace techmatch::server {

Need NeedFromProto(const v1::Need& proto, const Currency& currency, Violations& violations) {
  Need need;
  need.enterprise_id =
      IdFromOptionalName(proto.enterprise(), kOrganizations, "enterprise", violations);
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

}  // namespace techmatch::server
