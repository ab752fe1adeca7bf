#include "usecases/agreements.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/filter.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/record_flows.h"
#include "usecases/region_scope.h"

namespace techmatch::usecases {
namespace {

RecordRules<Agreement> Rules(storage::Repository& repository) {
  return {ValidateAgreement, [&repository](const Agreement& a, ReferenceLookup&, Violations& v) {
            return CheckAgreementReferences(a, repository, v);
          }};
}

// The agreements `caller` may read: a party's own (and its colleges'); with a region, those
// with a party in it; every one otherwise.
storage::ReadScope ScopeOf(const Principal& caller) {
  storage::ReadScope scope;
  if (RoleNeedsOrganization(caller.role)) scope.party = caller.organization_id;
  scope.region = caller.region_code;
  return scope;
}

// OK when `caller` has no region or one of the agreement's parties lies in it; a write of any
// other agreement is PERMISSION_DENIED.
absl::Status CheckWritableInRegion(storage::Repository& repository, const Principal& caller,
                                   const Agreement& agreement) {
  if (caller.region_code.empty()) return absl::OkStatus();
  for (const Party& party : agreement.parties) {
    TM_ASSIGN_OR_RETURN(bool inside, InCallersRegion(repository, caller, party.organization_id));
    if (inside) return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat(agreement.meta.id.empty() ? std::string("the agreement")
                                             : ResourceName(kAgreements, agreement.meta.id),
                   " has no party in region ", caller.region_code, " of the caller"));
}

// The stored agreement `caller` may change: its `get` refuses one without a party in the
// caller's region; `admit` refuses an update that would leave none there.
StoredRecord<Agreement> Stored(storage::Repository& repository, const Principal& caller,
                               std::vector<AmountChange>* changes) {
  return {[&repository, &caller](absl::string_view key) -> absl::StatusOr<Agreement> {
            TM_ASSIGN_OR_RETURN(Agreement current, repository.GetAgreement(key));
            TM_RETURN_IF_ERROR(CheckWritableInRegion(repository, caller, current));
            return current;
          },
          [&repository, changes](const Agreement& agreement, int64_t revision) {
            return repository.ReplaceAgreement(
                agreement, revision, changes != nullptr ? *changes : std::vector<AmountChange>{});
          },
          nullptr,
          [&repository, &caller, changes](const Agreement& current, Agreement& updated) {
            TM_RETURN_IF_ERROR(CheckWritableInRegion(repository, caller, updated));
            if (changes != nullptr) *changes = AmountChanges(current, updated, absl::Now());
            return absl::OkStatus();
          },
          CheckAgreementChangeAllowed};
}

}  // namespace

absl::StatusOr<Agreement> Agreements::Create(const Principal& caller, NewAgreement input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(input.agreement, input.agreement_id, "agreement_id", "agreement",
                                input.conversion, Rules(repository_), repository_, request_level));
  TM_RETURN_IF_ERROR(CheckWritableInRegion(repository_, caller, input.agreement));
  return repository_.CreateAgreement(input.agreement, {"CreateAgreement", input.request_id});
}

absl::StatusOr<AgreementView> Agreements::Get(const Principal& caller, absl::string_view name,
                                              bool with_history) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kAgreements, "name"));
  AgreementView view;
  TM_ASSIGN_OR_RETURN(view.agreement, repository_.GetAgreement(id));
  const storage::ReadScope scope = ScopeOf(caller);
  if (scope.party || !scope.region.empty()) {
    storage::ListQuery own;
    own.scope = scope;
    own.only_ids.emplace({id});
    own.page_size = 1;
    TM_ASSIGN_OR_RETURN(Page<Agreement> found, repository_.ListAgreements(own));
    if (found.items.empty()) {
      return absl::NotFoundError(absl::StrCat(ResourceName(kAgreements, id), " not found"));
    }
  }
  if (with_history) {
    TM_ASSIGN_OR_RETURN(view.history, repository_.GetAgreementHistory(id));
  }
  return view;
}

absl::StatusOr<ListPage<Agreement>> Agreements::List(const Principal& caller,
                                                     const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(
      ParsedList list,
      ParseList("ListAgreements", "", request,
                storage::Repository::AgreementFilterFields(minor_digits_), tokens_));
  list.query.scope = ScopeOf(caller);
  TM_ASSIGN_OR_RETURN(Page<Agreement> page, repository_.ListAgreements(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Agreement> Agreements::Update(const Principal& caller,
                                             const AgreementUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kAgreements, "agreement.name"));
  // The figures that change go into the history in the same transaction as the agreement.
  std::vector<AmountChange> changes;
  return UpdateRecord<Agreement>(Stored(repository_, caller, &changes), Rules(repository_),
                                 repository_, id, input.etag, input.paths, input.patch,
                                 input.conversion, "agreement", ApplyAgreementUpdate);
}

absl::StatusOr<Agreement> Agreements::Transition(const Principal& caller, absl::string_view name,
                                                 absl::string_view etag,
                                                 absl::Status (*transition)(Agreement&)) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kAgreements, "name"));
  return TransitionRecord<Agreement>(Stored(repository_, caller, nullptr), id, etag, transition);
}

absl::StatusOr<Agreement> Agreements::Start(const Principal& caller, absl::string_view name,
                                            absl::string_view etag) {
  return Transition(caller, name, etag, StartAgreement);
}

absl::StatusOr<Agreement> Agreements::Complete(const Principal& caller, absl::string_view name,
                                               absl::string_view etag) {
  return Transition(caller, name, etag, CompleteAgreement);
}

absl::StatusOr<Agreement> Agreements::Terminate(const Principal& caller, absl::string_view name,
                                                absl::string_view etag) {
  return Transition(caller, name, etag, TerminateAgreement);
}

absl::Status Agreements::Export(const Principal& caller, absl::string_view filter,
                                AgreementSink& sink, const CallState& call) {
  TM_ASSIGN_OR_RETURN(
      std::vector<FilterTerm> terms,
      ParseFilter(filter, storage::Repository::AgreementFilterFields(minor_digits_)));
  return repository_.ExportAgreements(terms, ScopeOf(caller),
                                      [&](const Agreement& agreement) -> absl::Status {
                                        TM_RETURN_IF_ERROR(call.StillWanted());
                                        return sink.Add(agreement);
                                      });
}

}  // namespace techmatch::usecases
