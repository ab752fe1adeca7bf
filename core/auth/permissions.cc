#include "core/auth/permissions.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace techmatch {
namespace {

constexpr uint32_t Bit(Role role) { return 1u << static_cast<int>(role); }

constexpr uint32_t kAdmin = Bit(Role::kAdmin);
constexpr uint32_t kCurators = kAdmin | Bit(Role::kOrganizer);
constexpr uint32_t kEveryone =
    kCurators | Bit(Role::kInstitute) | Bit(Role::kEnterprise) | Bit(Role::kOfficial);
// Reports carry every agreement's figures: organizers and officials, not the parties.
constexpr uint32_t kOverseers = kCurators | Bit(Role::kOfficial);
// Agreements: the overseers, and the parties, each its own (usecases/agreements.h).
constexpr uint32_t kAgreementReaders = kEveryone;
constexpr uint32_t kNeedWriters = kCurators | Bit(Role::kEnterprise);
constexpr uint32_t kOfferingWriters = kCurators | Bit(Role::kInstitute);
// The programme ledger: curators write; officials read their region's records, enterprises
// and institutes their own organization's projects and financings (usecases/ledger_scope.h);
// commissioners are the overseers' alone.
constexpr uint32_t kLedgerReaders = kEveryone;
constexpr uint32_t kAuditReaders = kAdmin | Bit(Role::kOfficial);
// Meeting requests: organizers, and enterprises and institutes for their own needs/offerings.
constexpr uint32_t kMeetingParties = kCurators | Bit(Role::kEnterprise) | Bit(Role::kInstitute);

constexpr MethodRule Read(uint32_t roles) { return {roles, false}; }
constexpr MethodRule Write(uint32_t roles) { return {roles, true}; }
// No credentials: every caller, anonymous, audited.
constexpr MethodRule Door() { return {kEveryone, true, true}; }

}  // namespace

const std::vector<NamedRule>& MethodRules() {
  static const std::vector<NamedRule>* const kRules = new std::vector<NamedRule>{
      {"/techmatch.v1.IndustryService/ListIndustries", Read(kEveryone)},
      {"/techmatch.v1.IndustryService/GetIndustry", Read(kEveryone)},
      {"/techmatch.v1.IndustryService/CreateIndustry", Write(kCurators)},

      {"/techmatch.v1.OrganizationService/CreateOrganization", Write(kCurators)},
      {"/techmatch.v1.OrganizationService/GetOrganization", Read(kEveryone)},
      {"/techmatch.v1.OrganizationService/ListOrganizations", Read(kEveryone)},
      {"/techmatch.v1.OrganizationService/UpdateOrganization", Write(kCurators)},

      {"/techmatch.v1.EventService/CreateEvent", Write(kCurators)},
      {"/techmatch.v1.EventService/GetEvent", Read(kEveryone)},
      {"/techmatch.v1.EventService/ListEvents", Read(kEveryone)},
      {"/techmatch.v1.EventService/UpdateEvent", Write(kCurators)},
      {"/techmatch.v1.EventService/RegisterParticipant", Write(kCurators)},
      {"/techmatch.v1.EventService/ListParticipants", Read(kEveryone)},

      {"/techmatch.v1.NeedService/CreateNeed", Write(kNeedWriters)},
      {"/techmatch.v1.NeedService/GetNeed", Read(kEveryone)},
      {"/techmatch.v1.NeedService/ListNeeds", Read(kEveryone)},
      {"/techmatch.v1.NeedService/UpdateNeed", Write(kNeedWriters)},
      {"/techmatch.v1.NeedService/WithdrawNeed", Write(kNeedWriters)},
      {"/techmatch.v1.NeedService/ImportNeeds", Write(kNeedWriters)},
      {"/techmatch.v1.NeedService/PublishNeed", Write(kCurators)},
      {"/techmatch.v1.NeedService/ReturnNeed", Write(kCurators)},
      {"/techmatch.v1.NeedService/CloseNeed", Write(kNeedWriters)},

      {"/techmatch.v1.OfferingService/CreateOffering", Write(kOfferingWriters)},
      {"/techmatch.v1.OfferingService/GetOffering", Read(kEveryone)},
      {"/techmatch.v1.OfferingService/ListOfferings", Read(kEveryone)},
      {"/techmatch.v1.OfferingService/UpdateOffering", Write(kOfferingWriters)},
      {"/techmatch.v1.OfferingService/WithdrawOffering", Write(kOfferingWriters)},
      {"/techmatch.v1.OfferingService/ImportOfferings", Write(kOfferingWriters)},
      {"/techmatch.v1.OfferingService/PublishOffering", Write(kCurators)},
      {"/techmatch.v1.OfferingService/ReturnOffering", Write(kCurators)},

      {"/techmatch.v1.MatchService/MatchNeed", Read(kEveryone)},
      {"/techmatch.v1.MatchService/MatchOffering", Read(kEveryone)},
      {"/techmatch.v1.MatchService/MatchEvent", Read(kEveryone)},
      {"/techmatch.v1.MatchService/WatchMatches", Read(kEveryone)},
      {"/techmatch.v1.MatchService/GetMeetingPlan", Read(kEveryone)},
      {"/techmatch.v1.MatchService/UpdateMeetingPlan", Write(kCurators)},
      {"/techmatch.v1.MatchService/CreateMeetingRequest", Write(kMeetingParties)},
      {"/techmatch.v1.MatchService/GetMeetingRequest", Read(kEveryone)},
      {"/techmatch.v1.MatchService/ListMeetingRequests", Read(kEveryone)},
      {"/techmatch.v1.MatchService/AcceptMeetingRequest", Write(kMeetingParties)},
      {"/techmatch.v1.MatchService/DeclineMeetingRequest", Write(kMeetingParties)},
      {"/techmatch.v1.MatchService/GenerateMeetingRequests", Write(kCurators)},
      {"/techmatch.v1.MatchService/ScheduleMeetings", Write(kCurators)},
      {"/techmatch.v1.MatchService/ListMeetings", Read(kEveryone)},
      {"/techmatch.v1.MatchService/LockMeeting", Write(kCurators)},
      {"/techmatch.v1.MatchService/UnlockMeeting", Write(kCurators)},
      {"/techmatch.v1.MatchService/CancelMeeting", Write(kCurators)},

      {"/techmatch.v1.AgreementService/CreateAgreement", Write(kCurators)},
      {"/techmatch.v1.AgreementService/GetAgreement", Read(kAgreementReaders)},
      {"/techmatch.v1.AgreementService/ListAgreements", Read(kAgreementReaders)},
      {"/techmatch.v1.AgreementService/UpdateAgreement", Write(kCurators)},
      {"/techmatch.v1.AgreementService/StartAgreement", Write(kCurators)},
      {"/techmatch.v1.AgreementService/CompleteAgreement", Write(kCurators)},
      {"/techmatch.v1.AgreementService/TerminateAgreement", Write(kCurators)},
      {"/techmatch.v1.AgreementService/ExportAgreements", Read(kAgreementReaders)},

      {"/techmatch.v1.ReportService/SummarizeAgreements", Read(kOverseers)},
      {"/techmatch.v1.ReportService/GetEventSummary", Read(kOverseers)},
      {"/techmatch.v1.ReportService/GetProgrammeReport", Read(kOverseers)},

      {"/techmatch.v1.ProjectService/CreateProject", Write(kCurators)},
      {"/techmatch.v1.ProjectService/GetProject", Read(kLedgerReaders)},
      {"/techmatch.v1.ProjectService/ListProjects", Read(kLedgerReaders)},
      {"/techmatch.v1.ProjectService/UpdateProject", Write(kCurators)},
      {"/techmatch.v1.ProjectService/RecordFundArrival", Write(kCurators)},
      {"/techmatch.v1.ProjectService/ListFundArrivals", Read(kLedgerReaders)},
      {"/techmatch.v1.CommissionerService/CreateCommissioner", Write(kCurators)},
      {"/techmatch.v1.CommissionerService/GetCommissioner", Read(kOverseers)},
      {"/techmatch.v1.CommissionerService/ListCommissioners", Read(kOverseers)},
      {"/techmatch.v1.CommissionerService/UpdateCommissioner", Write(kCurators)},
      {"/techmatch.v1.FinancingService/CreateFinancing", Write(kCurators)},
      {"/techmatch.v1.FinancingService/GetFinancing", Read(kLedgerReaders)},
      {"/techmatch.v1.FinancingService/ListFinancings", Read(kLedgerReaders)},

      {"/techmatch.v1.AuditService/ListAuditEvents", Read(kAuditReaders)},

      {"/techmatch.v1.ThesaurusService/ListThesaurusEntries", Read(kEveryone)},
      {"/techmatch.v1.ThesaurusService/GetThesaurusEntry", Read(kEveryone)},
      {"/techmatch.v1.ThesaurusService/CreateThesaurusEntry", Write(kCurators)},
      {"/techmatch.v1.ThesaurusService/UpdateThesaurusEntry", Write(kCurators)},
      {"/techmatch.v1.ThesaurusService/DeleteThesaurusEntry", Write(kCurators)},

      // People. Who may touch which user or session beyond the role is decided by the use
      // cases (usecases/users.h, sessions.h) from the caller alone, before any look-up.
      {"/techmatch.v1.UserService/CreateInvitation", Write(kCurators)},
      {"/techmatch.v1.UserService/AcceptInvitation", Door()},
      {"/techmatch.v1.UserService/GetUser", Read(kEveryone)},
      {"/techmatch.v1.UserService/ListUsers", Read(kCurators)},
      {"/techmatch.v1.UserService/UpdateUser", Write(kEveryone)},
      {"/techmatch.v1.UserService/DisableUser", Write(kCurators)},

      {"/techmatch.v1.SessionService/CreateSession", Door()},
      {"/techmatch.v1.SessionService/DeleteSession", Write(kEveryone)},
      {"/techmatch.v1.SessionService/ListSessions", Read(kEveryone)},
      {"/techmatch.v1.SessionService/RevokeSession", Write(kEveryone)},

      {"/techmatch.v1.KeyService/CreateApiKey", Write(kAdmin)},
      {"/techmatch.v1.KeyService/ListApiKeys", Read(kAdmin)},
      {"/techmatch.v1.KeyService/RevokeApiKey", Write(kAdmin)},

      // The programme ledger: the catalogue is the administrators'; organizers record figures
      // and issue targets; officials read (within their region: usecases/indicators.h,
      // targets.h). Enterprises and institutes have no figures or targets of their own.
      {"/techmatch.v1.IndicatorService/CreateIndicator", Write(kAdmin)},
      {"/techmatch.v1.IndicatorService/ListIndicators", Read(kEveryone)},
      {"/techmatch.v1.IndicatorService/RecordObservation", Write(kCurators)},
      {"/techmatch.v1.IndicatorService/ListObservations", Read(kOverseers)},
      {"/techmatch.v1.TargetService/CreateTarget", Write(kCurators)},
      {"/techmatch.v1.TargetService/GetTarget", Read(kOverseers)},
      {"/techmatch.v1.TargetService/ListTargets", Read(kOverseers)},
      {"/techmatch.v1.TargetService/UpdateTarget", Write(kCurators)},

      {"/techmatch.v1.RegistrationService/SubmitApplication", Door()},
      {"/techmatch.v1.RegistrationService/GetApplication", Read(kCurators)},
      {"/techmatch.v1.RegistrationService/ListApplications", Read(kCurators)},
      {"/techmatch.v1.RegistrationService/ApproveApplication", Write(kCurators)},
      {"/techmatch.v1.RegistrationService/RejectApplication", Write(kCurators)},
  };
  return *kRules;
}

const MethodRule* FindMethodRule(absl::string_view method) {
  static const auto* const kByName = [] {
    auto* map = new absl::flat_hash_map<std::string, MethodRule>();
    for (const NamedRule& named : MethodRules()) map->emplace(named.method, named.rule);
    return map;
  }();
  auto it = kByName->find(method);
  return it == kByName->end() ? nullptr : &it->second;
}

absl::Status Authorize(const Principal& principal, absl::string_view method,
                       const MethodRule* rule) {
  if (rule == nullptr) {
    return absl::PermissionDeniedError(absl::StrCat(method, " has no access rule: denied"));
  }
  if (!rule->Allows(principal.role)) {
    return absl::PermissionDeniedError(
        absl::StrCat("role ", RoleName(principal.role), " may not call ", method));
  }
  return absl::OkStatus();
}

absl::Status CheckOwnership(const Principal& principal, absl::string_view organization_id,
                            absl::string_view what) {
  if (!RoleNeedsOrganization(principal.role) || organization_id == principal.organization_id) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("a ", RoleName(principal.role), " key of organizations/",
                   principal.organization_id, " may not write ", what, " of another organization"));
}

}  // namespace techmatch
