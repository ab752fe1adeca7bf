// A record read only to be answered is moved into its message (NeedToProto / OfferingToProto on
// an rvalue): the message must be the one the copying overload builds, byte for byte.
#include <utility>

#include "absl/time/time.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/money/money.h"
#include "gtest/gtest.h"
#include "server/need_conversion.h"
#include "server/offering_conversion.h"

namespace techmatch::server {
namespace {

Listing FullListing() {
  Listing listing;
  listing.title = "A title long enough to live outside the small-string buffer";
  listing.description = std::string(300, 'd');
  listing.keywords = {"k1", "a keyword longer than fifteen bytes"};
  listing.industry_codes = {"c39", "i65"};
  listing.cooperation_modes = {CooperationMode::kTransfer, CooperationMode::kLicense};
  listing.event_ids = {"fair-2026"};
  listing.late_event_ids = {"fair-2027"};
  return listing;
}

ResourceMeta FullMeta(const char* id) {
  ResourceMeta meta;
  meta.id = id;
  meta.create_time = absl::FromUnixNanos(1'700'000'000'123'456'789);
  meta.update_time = absl::FromUnixNanos(1'700'000'100'000'000'001);
  meta.revision = 3;
  return meta;
}

TEST(ConversionTest, MovedNeedMatchesCopiedNeed) {
  const Currency currency = *Currency::FromCode("CNY");
  Need need;
  need.meta = FullMeta("n-1");
  need.enterprise_id = "ent-1";
  need.listing = FullListing();
  need.budget_minor = 123'456;
  need.min_trl = 4;
  need.state = NeedState::kOpen;
  v1::Need copied;
  NeedToProto(need, currency, copied);
  Need moved_from = need;
  v1::Need moved;
  NeedToProto(std::move(moved_from), currency, moved);
  EXPECT_EQ(moved.SerializeAsString(), copied.SerializeAsString());
  EXPECT_EQ(moved.title(), need.listing.title);
  EXPECT_EQ(moved.keywords_size(), 2);
  EXPECT_EQ(moved.keywords(1), "a keyword longer than fifteen bytes");
}

TEST(ConversionTest, MovedOfferingMatchesCopiedOffering) {
  const Currency currency = *Currency::FromCode("CNY");
  Offering offering;
  offering.meta = FullMeta("o-1");
  offering.institute_id = "inst-1";
  offering.listing = FullListing();
  offering.trl = 6;
  offering.patents = {"CN123456789A"};
  offering.asking_price_minor = 99;
  v1::Offering copied;
  OfferingToProto(offering, currency, copied);
  Offering moved_from = offering;
  v1::Offering moved;
  OfferingToProto(std::move(moved_from), currency, moved);
  EXPECT_EQ(moved.SerializeAsString(), copied.SerializeAsString());
  EXPECT_EQ(moved.description(), offering.listing.description);
}

}  // namespace
}  // namespace techmatch::server
