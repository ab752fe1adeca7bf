#include "usecases/financings.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/ledger_scope.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

RecordRules<Financing> Rules(storage::Repository& repository) {
  const AgreementExists agreement_exists =
      [&repository](absl::string_view id) -> absl::StatusOr<bool> {
    absl::StatusOr<Agreement> agreement = repository.GetAgreement(id);
    if (agreement.ok()) return true;
    if (absl::IsNotFound(agreement.status())) return false;
    return agreement.status();
  };
  return {ValidateFinancing,
          [agreement_exists](const Financing& f, ReferenceLookup& lookup, Violations& v) {
            return CheckFinancingReferences(f, lookup, agreement_exists, v);
          }};
}

}  // namespace

absl::StatusOr<Financing> Financings::Create(const Principal& caller, NewFinancing input) {
  Financing& financing = input.financing;
  if (financing.region_code.empty() && IsValidId(financing.recipient_id)) {
    absl::StatusOr<Organization> recipient = repository_.GetOrganization(financing.recipient_id);
    if (recipient.ok()) {
      financing.region_code = recipient->region_code;
    } else if (!absl::IsNotFound(recipient.status())) {
      return recipient.status();
    }  // An unknown recipient is reported with the references.
  }
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(financing, input.financing_id, "financing_id", "financing",
                                input.conversion, Rules(repository_), repository_, request_level));
  TM_RETURN_IF_ERROR(CheckLedgerWriteRegion(caller, financing.region_code, "a financing"));
  return repository_.CreateFinancing(financing, {"CreateFinancing", input.request_id});
}

absl::StatusOr<Financing> Financings::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kFinancings, "name"));
  return GetVisibleLedgerRecord<Financing>(repository_, caller, kFinancings, id,
                                           &storage::Repository::GetFinancing,
                                           &storage::Repository::ListFinancings);
}

absl::StatusOr<ListPage<Financing>> Financings::List(const Principal& caller,
                                                     const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(
      ParsedList list,
      ParseList("ListFinancings", "", request,
                storage::Repository::FinancingFilterFields(minor_digits_), tokens_));
  list.query.scope = LedgerScopeOf(caller);
  TM_ASSIGN_OR_RETURN(Page<Financing> page, repository_.ListFinancings(list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
