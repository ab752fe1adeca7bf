#include "bench/bench_data.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/money/money.h"
#include "server/need_conversion.h"
#include "server/offering_conversion.h"

namespace techmatch::bench {
namespace {

const Currency& BaseCurrency() {
  static const Currency* currency = new Currency(*Currency::FromCode("CNY"));
  return *currency;
}

absl::Status CreateOrganization(storage::Repository& repository, const std::string& id,
                                OrganizationKind kind) {
  Organization org;
  org.meta.id = id;
  org.display_name = absl::StrCat("Bench organization ", id);
  org.kind = kind;
  const absl::StatusOr<Organization> created = repository.CreateOrganization(org, {});
  if (created.ok() || created.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::OkStatus();
  }
  return created.status();
}

// The generator may pick a keyword twice, which storage takes but a create refuses
// (INVALID_ARGUMENT); requests carry each once.
void DropRepeatedKeywords(google::protobuf::RepeatedPtrField<std::string>& keywords) {
  absl::flat_hash_set<std::string> seen;
  google::protobuf::RepeatedPtrField<std::string> kept;
  for (const std::string& keyword : keywords) {
    if (seen.insert(keyword).second) kept.Add()->assign(keyword);
  }
  keywords.Swap(&kept);
}

}  // namespace

absl::Status SeedOrganizations(storage::Repository& repository) {
  for (int i = 0; i < kInstitutes; ++i) {
    absl::Status status =
        CreateOrganization(repository, absl::StrCat("i", i), OrganizationKind::kResearchInstitute);
    if (!status.ok()) return status;
  }
  for (int i = 0; i < kEnterprises; ++i) {
    absl::Status status =
        CreateOrganization(repository, absl::StrCat("e", i), OrganizationKind::kEnterprise);
    if (!status.ok()) return status;
  }
  // Offerings are presented at fair-0..fair-9.
  for (int i = 0; i < 10; ++i) {
    Event event;
    event.meta.id = absl::StrCat("fair-", i);
    event.display_name = absl::StrCat("Bench fair ", i);
    event.start_time = absl::FromUnixSeconds(1798761600 + i * 86400);
    event.end_time = event.start_time + absl::Hours(8);
    const absl::StatusOr<Event> created = repository.CreateEvent(event, {});
    if (!created.ok() && created.status().code() != absl::StatusCode::kAlreadyExists) {
      return created.status();
    }
  }
  return absl::OkStatus();
}

v1::Need NeedMessage(const OfferingGenerator& generator, uint64_t index) {
  Need need = generator.MakeNeed(index);
  need.meta.create_time = need.meta.update_time = absl::Now();
  v1::Need message;
  server::NeedToProto(need, BaseCurrency(), message);
  return message;
}

v1::Need NeedInput(const OfferingGenerator& generator, uint64_t index) {
  v1::Need message = NeedMessage(generator, index);
  message.clear_name();
  message.clear_state();
  message.clear_create_time();
  message.clear_update_time();
  message.clear_etag();
  DropRepeatedKeywords(*message.mutable_keywords());
  return message;
}

v1::ImportOfferingsRequest OfferingRow(const OfferingGenerator& generator, uint64_t index,
                                       const std::string& id) {
  v1::ImportOfferingsRequest row;
  server::OfferingToProto(generator.MakeOffering(index), BaseCurrency(), *row.mutable_offering());
  v1::Offering& offering = *row.mutable_offering();
  offering.clear_name();
  offering.clear_state();
  offering.clear_create_time();
  offering.clear_update_time();
  offering.clear_etag();
  DropRepeatedKeywords(*offering.mutable_keywords());
  row.set_offering_id(id);
  row.set_row_number(static_cast<int64_t>(index) + 1);
  return row;
}

}  // namespace techmatch::bench
