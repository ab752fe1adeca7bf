#include "usecases/needs.h"

#include <utility>

#include "core/auth/permissions.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/index_updates.h"
#include "usecases/record_flows.h"
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
        return current;
      },
      [&repository, &caller](const Need& need, int64_t revision) -> absl::StatusOr<Need> {
        TM_RETURN_IF_ERROR(
            CheckOwnership(caller, need.enterprise_id, ResourceName(kNeeds, need.meta.id)));
        return repository.ReplaceNeed(need, revision);
      },
      CheckNeedEditable,
      [&repository, late](const Need& current, Need& updated) {
        return AdmitToEvents(repository, current.listing, late,
                             ResourceName(kNeeds, current.meta.id), updated.listing);
      }};
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
  TM_ASSIGN_OR_RETURN(Need created, repository_.CreateNeed(need, {"CreateNeed", input.request_id}));
  KeepIndexCurrent(matching_.IndexNeed(created));
  return created;
}

absl::StatusOr<Need> Needs::Get(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kNeeds, "name"));
  return repository_.GetNeed(id);
}

absl::StatusOr<ListPage<Need>> Needs::List(const ListRequest& request, absl::string_view query) {
  return ListOrSearch<Need>(
      "ListNeeds", request, query, storage::Repository::NeedFilterFields(), tokens_,
      [this](const storage::ListQuery& q) { return repository_.ListNeeds(q); },
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
      [&caller, &window](ImportRow<Need>& row, Violations& violations) {
        Need& need = row.record;
        if (!need.enterprise_id.empty()) {
          const absl::Status owned = CheckOwnership(caller, need.enterprise_id, "needs");
          if (!owned.ok()) violations.Add("enterprise", std::string(owned.message()));
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
