#include "usecases/offerings.h"

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

const RecordRules<Offering>& Rules() {
  static const RecordRules<Offering> kRules{ValidateOffering, CheckOfferingReferences};
  return kRules;
}

// Reads and stores through the repository; an INSTITUTE or ENTERPRISE caller may only change
// its own organization's offerings, and may not hand one to another organization. `late`: the
// update may add the offering to events whose registration has closed (checked by `admit` for the
// events it did not have before).
StoredRecord<Offering> Stored(storage::Repository& repository, const Principal& caller,
                              bool late = false) {
  return {[&repository, &caller](absl::string_view id) -> absl::StatusOr<Offering> {
            TM_ASSIGN_OR_RETURN(Offering current, repository.GetOffering(id));
            TM_RETURN_IF_ERROR(
                CheckOwnership(caller, current.institute_id, ResourceName(kOfferings, id)));
            TM_RETURN_IF_ERROR(CheckInRegion(repository, caller, current.institute_id,
                                             ResourceName(kOfferings, id), RegionAccess::kWrite));
            return current;
          },
          [&repository, &caller](const Offering& offering,
                                 int64_t revision) -> absl::StatusOr<Offering> {
            TM_RETURN_IF_ERROR(CheckOwnership(caller, offering.institute_id,
                                              ResourceName(kOfferings, offering.meta.id)));
            return repository.ReplaceOffering(offering, revision);
          },
          CheckOfferingEditable,
          [&repository, &caller, late](const Offering& current, Offering& updated) {
            // Its institute answered a return: the changed offering waits for review again.
            if (WritesNeedReview(caller.role)) ResubmitOffering(updated);
            return AdmitToEvents(repository, current.listing, late,
                                 ResourceName(kOfferings, current.meta.id), updated.listing);
          }};
}

}  // namespace

absl::StatusOr<Offering> Offerings::Create(const Principal& caller, NewOffering input) {
  Offering& offering = input.offering;
  // An empty owner is a field violation, reported with the others by PrepareNew.
  if (!offering.institute_id.empty()) {
    TM_RETURN_IF_ERROR(CheckOwnership(caller, offering.institute_id, "offerings"));
  }
  TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(caller, input.late_registration));
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(offering, input.offering_id, "offering_id", "offering",
                                input.conversion, Rules(), repository_, request_level));
  TM_RETURN_IF_ERROR(AdmitToEvents(repository_, Listing{}, input.late_registration,
                                   ResourceName(kOfferings, offering.meta.id), offering.listing));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, offering.institute_id,
                                   ResourceName(kOfferings, offering.meta.id),
                                   RegionAccess::kWrite));
  StartOffering(offering, WritesNeedReview(caller.role));
  TM_ASSIGN_OR_RETURN(Offering created,
                      repository_.CreateOffering(offering, {"CreateOffering", input.request_id}));
  KeepIndexCurrent(matching_.IndexOffering(created));
  return created;
}

absl::StatusOr<Offering> Offerings::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kOfferings, "name"));
  TM_ASSIGN_OR_RETURN(Offering offering, repository_.GetOffering(id));
  TM_RETURN_IF_ERROR(
      CheckMaySee(caller, offering.institute_id, offering.published, ResourceName(kOfferings, id)));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, offering.institute_id,
                                   ResourceName(kOfferings, id), RegionAccess::kRead));
  return offering;
}

absl::StatusOr<ListPage<Offering>> Offerings::List(const Principal& caller,
                                                   const ListRequest& request,
                                                   absl::string_view query) {
  return ListOrSearch<Offering>(
      "ListOfferings", request, query, storage::Repository::OfferingFilterFields(), tokens_,
      [this, &caller](storage::ListQuery q) {
        if (!SeesReviewQueue(caller.role)) q.scope.unpublished_owner = caller.organization_id;
        q.scope.region = caller.region_code;
        return repository_.ListOfferings(q);
      },
      [this](absl::string_view text) { return matching_.SearchOfferings(text, kMaxSearchHits); });
}

absl::StatusOr<Offering> Offerings::Update(const Principal& caller, const OfferingUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kOfferings, "offering.name"));
  TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(caller, input.late_registration));
  TM_ASSIGN_OR_RETURN(
      Offering updated,
      UpdateRecord<Offering>(Stored(repository_, caller, input.late_registration), Rules(),
                             repository_, id, input.etag, input.paths, input.patch,
                             input.conversion, "offering", ApplyOfferingUpdate));
  KeepIndexCurrent(matching_.IndexOffering(updated));
  return updated;
}

absl::StatusOr<Offering> Offerings::Withdraw(const Principal& caller, absl::string_view name,
                                             absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kOfferings, "name"));
  TM_ASSIGN_OR_RETURN(Offering withdrawn, TransitionRecord<Offering>(Stored(repository_, caller),
                                                                     id, etag, WithdrawOffering));
  KeepIndexCurrent(matching_.IndexOffering(withdrawn));
  return withdrawn;
}

absl::StatusOr<Offering> Offerings::Publish(const Principal& caller, const OfferingReview& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kOfferings, "name"));
  TM_ASSIGN_OR_RETURN(
      Offering published,
      TransitionRecord<Offering>(Stored(repository_, caller), id, input.etag, PublishOffering));
  KeepIndexCurrent(matching_.IndexOffering(published));
  return published;
}

absl::StatusOr<Offering> Offerings::Return(const Principal& caller, const OfferingReview& input) {
  Violations violations;
  const std::string id = IdFromOptionalName(input.name, kOfferings, "name", violations);
  if (input.name.empty()) violations.Add("name", "is required, e.g. offerings/scu-2026-017");
  ValidateReturnReason(input.reason, violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(Offering returned,
                      TransitionRecord<Offering>(Stored(repository_, caller), id, input.etag,
                                                 [&input](Offering& offering) {
                                                   return ReturnOffering(offering, input.reason);
                                                 }));
  KeepIndexCurrent(matching_.IndexOffering(returned));
  return returned;
}

absl::StatusOr<ImportSummary> Offerings::Import(const Principal& caller,
                                                RowSource<ImportRow<Offering>>& rows,
                                                const CallState& call) {
  ImportRegistrationWindow window(repository_, caller);
  const ImportSteps<Offering> steps{
      Rules(),
      kOfferings,
      "offering_id",
      [this](const std::vector<Offering>& offerings) {
        return repository_.CreateOfferings(offerings);
      },
      [this](const Offering& offering) { KeepIndexCurrent(matching_.IndexOffering(offering)); },
      [this, &caller, &window](ImportRow<Offering>& row, Violations& violations) {
        Offering& offering = row.record;
        StartOffering(offering, WritesNeedReview(caller.role));
        if (!offering.institute_id.empty()) {
          const absl::Status owned = CheckOwnership(caller, offering.institute_id, "offerings");
          if (!owned.ok()) violations.Add("institute", std::string(owned.message()));
          // An unknown institute is reported by the reference checks.
          const absl::StatusOr<bool> inside =
              InCallersRegion(repository_, caller, offering.institute_id);
          if (inside.ok() && !*inside) {
            violations.Add("institute", "lies outside the region of the caller's key");
          }
        }
        // Events whose registration has closed take an organizer's late flag on the row.
        return window.Admit(row.late_registration,
                            row.requested_id.empty() ? "this row's offering"
                                                     : ResourceName(kOfferings, row.requested_id),
                            offering.listing, violations);
      }};
  return ImportRows(rows, call, repository_, steps);
}

}  // namespace techmatch::usecases
