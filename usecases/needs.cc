#include "usecases/needs.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/auth/permissions.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/listings/review.h"
#include "usecases/index_updates.h"
#include "usecases/names.h"
#include "usecases/record_flows.h"
#include "usecases/region_scope.h"
#include "usecases/registration_window.h"

namespace techmatch::usecases {
namespace {

const RecordRules<Need>& Rules() {
  static const RecordRules<Need> kRules{ValidateNeed, CheckNeedReferences};
  return kRules;
}

// Reads and stores through the repository; an INSTITUTE or ENTERPRISE caller may only change
// its own organization's needs, and may not hand one to another organization. `late`: the
// update may add the need to events whose registration has closed (checked by `admit` for the
// events it did not have before).
StoredRecord<Need> Stored(storage::Repository& repository, const Principal& caller,
                          bool late = false) {
  return {
      [&repository, &caller](absl::string_view id) -> absl::StatusOr<Need> {
        TM_ASSIGN_OR_RETURN(Need current, repository.GetNeed(id));
        TM_RETURN_IF_ERROR(CheckOwnership(caller, current.enterprise_id, ResourceName(kNeeds, id)));
        TM_RETURN_IF_ERROR(CheckInRegion(repository, caller, current.enterprise_id,
                                         ResourceName(kNeeds, id), RegionAccess::kWrite));
        return current;
      },
      [&repository, &caller](const Need& need, int64_t revision) -> absl::StatusOr<Need> {
        TM_RETURN_IF_ERROR(
            CheckOwnership(caller, need.enterprise_id, ResourceName(kNeeds, need.meta.id)));
        return repository.ReplaceNeed(need, revision);
      },
      CheckNeedEditable,
      [&repository, &caller, late](const Need& current, Need& updated) {
        // Its enterprise answered a return: the changed need waits for review again.
        if (WritesNeedReview(caller.role)) ResubmitNeed(updated);
        return AdmitToEvents(repository, current.listing, late,
                             ResourceName(kNeeds, current.meta.id), updated.listing);
      }};
}

// OK when an agreement for `need_id` exists: `agreement_id` when given (it must be for this
// need), else any.
absl::Status CheckMetByAgreement(storage::Repository& repository, absl::string_view need_id,
                                 absl::string_view agreement_id) {
  if (!agreement_id.empty()) {
    TM_ASSIGN_OR_RETURN(Agreement agreement, repository.GetAgreement(agreement_id));
    if (agreement.need_id != need_id) {
      return absl::FailedPreconditionError(absl::StrCat(ResourceName(kAgreements, agreement_id),
                                                        " is not an agreement for ",
                                                        ResourceName(kNeeds, need_id)));
    }
    return absl::OkStatus();
  }
  storage::ListQuery query;
  query.filter = {{"need", FilterOp::kEq, std::string(need_id)}};
  query.page_size = 1;
  TM_ASSIGN_OR_RETURN(Page<Agreement> found, repository.ListAgreements(query));
  if (!found.items.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      ResourceName(kNeeds, need_id), " has no agreement; only a need an agreement met can close"));
}

}  // namespace

absl::StatusOr<Need> Needs::Create(const Principal& caller, NewNeed input) {
  Need& need = input.need;
  // An empty owner is a field violation, reported with the others by PrepareNew.
  if (!need.enterprise_id.empty()) {
    TM_RETURN_IF_ERROR(CheckOwnership(caller, need.enterprise_id, "needs"));
  }
  TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(caller, input.late_registration));
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(need, input.need_id, "need_id", "need", input.conversion, Rules(),
                                repository_, request_level));
  TM_RETURN_IF_ERROR(AdmitToEvents(repository_, Listing{}, input.late_registration,
                                   ResourceName(kNeeds, need.meta.id), need.listing));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, need.enterprise_id,
                                   ResourceName(kNeeds, need.meta.id), RegionAccess::kWrite));
  StartNeed(need, WritesNeedReview(caller.role));
  TM_ASSIGN_OR_RETURN(Need created, repository_.CreateNeed(need, {"CreateNeed", input.request_id}));
  KeepIndexCurrent(matching_.IndexNeed(created));
  return created;
}

absl::StatusOr<Need> Needs::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kNeeds, "name"));
  TM_ASSIGN_OR_RETURN(Need need, repository_.GetNeed(id));
  TM_RETURN_IF_ERROR(
      CheckMaySee(caller, need.enterprise_id, need.published, ResourceName(kNeeds, id)));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, need.enterprise_id,
                                   ResourceName(kNeeds, id), RegionAccess::kRead));
  return need;
}

absl::StatusOr<ListPage<Need>> Needs::List(const Principal& caller, const ListRequest& request,
                                           absl::string_view query) {
  return ListOrSearch<Need>(
      "ListNeeds", request, query, storage::Repository::NeedFilterFields(), tokens_,
      [this, &caller](storage::ListQuery q) {
        if (!SeesReviewQueue(caller.role)) q.scope.unpublished_owner = caller.organization_id;
        q.scope.region = caller.region_code;
        return repository_.ListNeeds(q);
      },
      [this](absl::string_view text) { return matching_.SearchNeeds(text, kMaxSearchHits); });
}

absl::StatusOr<Need> Needs::Update(const Principal& caller, const NeedUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kNeeds, "need.name"));
  TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(caller, input.late_registration));
  TM_ASSIGN_OR_RETURN(Need updated,
                      UpdateRecord<Need>(Stored(repository_, caller, input.late_registration),
                                         Rules(), repository_, id, input.etag, input.paths,
                                         input.patch, input.conversion, "need", ApplyNeedUpdate));
  KeepIndexCurrent(matching_.IndexNeed(updated));
  return updated;
}

absl::StatusOr<Need> Needs::Withdraw(const Principal& caller, absl::string_view name,
                                     absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kNeeds, "name"));
  TM_ASSIGN_OR_RETURN(Need withdrawn,
                      TransitionRecord<Need>(Stored(repository_, caller), id, etag, WithdrawNeed));
  KeepIndexCurrent(matching_.IndexNeed(withdrawn));
  return withdrawn;
}

absl::StatusOr<Need> Needs::Publish(const Principal& caller, const NeedReview& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kNeeds, "name"));
  TM_ASSIGN_OR_RETURN(Need published, TransitionRecord<Need>(Stored(repository_, caller), id,
                                                             input.etag, PublishNeed));
  KeepIndexCurrent(matching_.IndexNeed(published));
  return published;
}

absl::StatusOr<Need> Needs::Return(const Principal& caller, const NeedReview& input) {
  Violations violations;
  const std::string id = IdFromOptionalName(input.name, kNeeds, "name", violations);
  if (input.name.empty()) violations.Add("name", "is required, e.g. needs/lzlj-2026-001");
  ValidateReturnReason(input.reason, violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(Need returned, TransitionRecord<Need>(Stored(repository_, caller), id,
                                                            input.etag, [&input](Need& need) {
                                                              return ReturnNeed(need, input.reason);
                                                            }));
  KeepIndexCurrent(matching_.IndexNeed(returned));
  return returned;
}

absl::StatusOr<Need> Needs::Close(const Principal& caller, const NeedReview& input) {
  Violations violations;
  const std::string id = IdFromOptionalName(input.name, kNeeds, "name", violations);
  if (input.name.empty()) violations.Add("name", "is required, e.g. needs/lzlj-2026-001");
  const std::string agreement_id =
      IdFromOptionalName(input.agreement, kAgreements, "agreement", violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(
      Need closed,
      TransitionRecord<Need>(Stored(repository_, caller), id, input.etag, [&](Need& need) {
        TM_RETURN_IF_ERROR(CloseNeed(need, agreement_id));
        return CheckMetByAgreement(repository_, need.meta.id, agreement_id);
      }));
  KeepIndexCurrent(matching_.IndexNeed(closed));
  return closed;
}

absl::StatusOr<ImportSummary> Needs::Import(const Principal& caller,
                                            RowSource<ImportRow<Need>>& rows,
                                            const CallState& call) {
  ImportRegistrationWindow window(repository_, caller);
  const ImportSteps<Need> steps{
      Rules(),
      kNeeds,
      "need_id",
      [this](const std::vector<Need>& needs) { return repository_.CreateNeeds(needs); },
      [this](const Need& need) { KeepIndexCurrent(matching_.IndexNeed(need)); },
      [this, &caller, &window](ImportRow<Need>& row, Violations& violations) {
        Need& need = row.record;
        StartNeed(need, WritesNeedReview(caller.role));
        if (!need.enterprise_id.empty()) {
          const absl::Status owned = CheckOwnership(caller, need.enterprise_id, "needs");
          if (!owned.ok()) violations.Add("enterprise", std::string(owned.message()));
          // An unknown enterprise is reported by the reference checks.
          const absl::StatusOr<bool> inside =
              InCallersRegion(repository_, caller, need.enterprise_id);
          if (inside.ok() && !*inside) {
            violations.Add("enterprise", "lies outside the region of the caller's key");
          }
        }
        // Events whose registration has closed take an organizer's late flag on the row.
        return window.Admit(
            row.late_registration,
            row.requested_id.empty() ? "this row's need" : ResourceName(kNeeds, row.requested_id),
            need.listing, violations);
      }};
  return ImportRows(rows, call, repository_, steps);
}

}  // namespace techmatch::usecases
