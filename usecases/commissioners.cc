#include "usecases/commissioners.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/ledger_scope.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

RecordRules<Commissioner> Rules() { return {ValidateCommissioner, CheckCommissionerReferences}; }

}  // namespace

absl::StatusOr<Commissioner> Commissioners::Create(const Principal& caller, NewCommissioner input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(input.commissioner, input.commissioner_id, "commissioner_id",
                                "commissioner", input.conversion, Rules(), repository_,
                                request_level));
  TM_RETURN_IF_ERROR(
      CheckLedgerWriteRegion(caller, input.commissioner.region_code, "a commissioner"));
  return repository_.CreateCommissioner(input.commissioner,
                                        {"CreateCommissioner", input.request_id});
}

absl::StatusOr<Commissioner> Commissioners::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kCommissioners, "name"));
  return GetVisibleLedgerRecord<Commissioner>(repository_, caller, kCommissioners, id,
                                              &storage::Repository::GetCommissioner,
                                              &storage::Repository::ListCommissioners);
}

absl::StatusOr<ListPage<Commissioner>> Commissioners::List(const Principal& caller,
                                                           const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListCommissioners", "", request,
                                storage::Repository::CommissionerFilterFields(), tokens_));
  list.query.scope = LedgerScopeOf(caller);
  TM_ASSIGN_OR_RETURN(Page<Commissioner> page, repository_.ListCommissioners(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Commissioner> Commissioners::Update(const Principal& caller,
                                                   const CommissionerUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id,
                      ParseResourceName(input.name, kCommissioners, "commissioner.name"));
  storage::Repository& repository = repository_;
  const StoredRecord<Commissioner> stored{
      [&repository](absl::string_view key) { return repository.GetCommissioner(key); },
      [&repository](const Commissioner& commissioner, int64_t revision) {
        return repository.ReplaceCommissioner(commissioner, revision);
      },
      [&caller](const Commissioner& current) {
        return CheckLedgerWriteRegion(caller, current.region_code, "a commissioner");
      },
      [&caller](const Commissioner&, Commissioner& updated) {
        return CheckLedgerWriteRegion(caller, updated.region_code, "a commissioner");
      }};
  return UpdateRecord<Commissioner>(stored, Rules(), repository_, id, input.etag, input.paths,
                                    input.patch, input.conversion, "commissioner",
                                    ApplyCommissionerUpdate);
}

}  // namespace techmatch::usecases
