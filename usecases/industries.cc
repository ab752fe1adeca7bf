#include "usecases/industries.h"

#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

const RecordRules<Industry>& Rules() {
  static const RecordRules<Industry> kRules{
      ValidateIndustry,
      [](const Industry&, ReferenceLookup&, Violations&) { return absl::OkStatus(); }};
  return kRules;
}

}  // namespace

absl::StatusOr<Industry> Industries::Create(NewIndustry input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  if (input.industry_id.empty()) request_level.Add("industry_id", "is required (the code)");
  TM_RETURN_IF_ERROR(PrepareNew(input.industry, input.industry_id, "industry_id", "industry",
                                Violations(), Rules(), repository_, request_level));
  return repository_.CreateIndustry(input.industry, {"CreateIndustry", input.request_id});
}

absl::StatusOr<Industry> Industries::Get(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string code, ParseResourceName(name, kIndustries, "name"));
  return repository_.GetIndustry(code);
}

absl::StatusOr<ListPage<Industry>> Industries::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list, ParseList("ListIndustries", "", request, {}, tokens_));
  TM_ASSIGN_OR_RETURN(Page<Industry> page, repository_.ListIndustries(list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
