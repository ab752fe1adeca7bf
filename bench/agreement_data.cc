#include "bench/agreement_data.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "core/agreements/agreement.h"

namespace techmatch::bench {

void GenerateAgreements(int64_t count, AgreementSink& sink) {
  std::mt19937_64 rng(42);
  auto pick = [&rng](uint64_t n) { return rng() % n; };
  const int kResearch = 600, kEnterprises = 3000, kGovernments = 60, kRegions = 40, kEvents = 12;
  auto organization = [&](const std::string& id, const char* kind) {
    sink.Organization(id, kind, absl::StrCat(510000 + pick(kRegions)));
  };
  for (int i = 0; i < kResearch; ++i) {
    organization(absl::StrCat("r", i), i % 2 ? "UNIVERSITY" : "RESEARCH_INSTITUTE");
  }
  for (int i = 0; i < kEnterprises; ++i) organization(absl::StrCat("e", i), "ENTERPRISE");
  for (int i = 0; i < kGovernments; ++i) organization(absl::StrCat("g", i), "GOVERNMENT");
  for (int i = 0; i < kEvents; ++i) sink.Event(absl::StrCat("fair-", i));

  const std::vector<std::string> industries = {"liquor",    "chemicals",   "machinery",
                                               "energy",    "agriculture", "pharmaceuticals",
                                               "materials", "electronics", "environment"};
  const char* const kKinds[] = {"FRAMEWORK_COOPERATION", "TECHNOLOGY_DEVELOPMENT",
                                "TECHNOLOGY_TRANSFER",   "TECHNOLOGY_LICENSE",
                                "TECHNOLOGY_CONSULTING", "TECHNOLOGY_SERVICE"};
  const char* const kStates[] = {"SIGNED", "IMPLEMENTING", "COMPLETED", "TERMINATED"};
  const absl::Time start = absl::FromUnixSeconds(1'600'000'000);
  GeneratedAgreement a;
  // The draws come in this order so that the data stays what earlier runs measured.
  for (int64_t n = 0; n < count; ++n) {
    a.id = absl::StrFormat("a%08d", n);
    const bool framework = pick(20) == 0;
    a.parties.clear();
    a.parties.emplace_back(absl::StrCat("r", pick(kResearch)), "SUPPLIER");
    if (framework) {
      a.parties.emplace_back(absl::StrCat("g", pick(kGovernments)), "GOVERNMENT");
    } else {
      a.parties.emplace_back(absl::StrCat("e", pick(kEnterprises)), "DEMANDER");
      if (pick(3) == 0) {
        std::string second = absl::StrCat("e", pick(kEnterprises));
        if (second != a.parties[1].first) a.parties.emplace_back(second, "DEMANDER");
      }
    }
    a.industries = {industries[pick(industries.size())]};
    if (pick(3) == 0 && industries[0] != a.industries[0]) a.industries.push_back(industries[0]);
    const absl::Time sign = start + absl::Seconds(static_cast<int64_t>(pick(5 * 365 * 86400)));
    a.state = kStates[pick(4)];
    a.kind = framework ? kKinds[0] : kKinds[1 + pick(5)];
    a.event_id.reset();
    if (pick(4) != 0) a.event_id = absl::StrCat("fair-", pick(kEvents));
    a.sign_time_nanos = absl::ToUnixNanos(sign);
    a.sign_month = SignMonthOf(sign);
    for (int f = 0; f < 6; ++f) {
      a.amounts[f].reset();
      const bool realized = f >= 4;
      if (framework || (realized && a.state == "SIGNED") || pick(5) == 0) continue;
      a.amounts[f] = static_cast<int64_t>(pick(1'000'000'000'000LL));  // < 100億元
    }
    sink.Agreement(a);
  }
}

}  // namespace techmatch::bench
