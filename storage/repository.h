// The storage interface the server talks to.
//
// Every method is safe to call from many threads at once. Methods never throw: failures come
// back as absl::Status (NOT_FOUND, ALREADY_EXISTS, ABORTED for a stale revision, INTERNAL for a
// storage fault whose details are logged, never returned).
//
// Layout. storage/ holds what every backend shares: this interface with ListQuery, RequestKey
// and each List's filter fields; the record cache and CachingRepository, which applies its
// coherence rule; the ambient audit record (audit_scope.h); the row codec (codec.h); the SQL
// backends' one shared piece of SQL, filter fields and the walk over a filter (sql_filter.h,
// filter_columns.h). storage/sqlite/ is SqliteRepository: connections, statements,
// transactions, pragmas, migrations, group commit, backup, the filter's SQLite rendering and
// one *_rows file of SQL per table family (namespace storage::sqlite). storage/postgres/ is
// PostgresRepository, the same for PostgreSQL, with the change feed that lets several servers
// share one database (storage/postgres/README.md); both derive from CachingRepository.
#ifndef TECHMATCH_STORAGE_REPOSITORY_H_
#define TECHMATCH_STORAGE_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/agreements/agreement.h"
#include "core/auth/api_key.h"
#include "core/auth/audit_event.h"
#include "core/auth/invitation.h"
#include "core/auth/session.h"
#include "core/auth/user.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/events/event.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "core/ledger/commissioner.h"
#include "core/ledger/financing.h"
#include "core/ledger/indicator.h"
#include "core/ledger/observation.h"
#include "core/ledger/project.h"
#include "core/ledger/target.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/reference/application.h"
#include "core/reference/industry.h"
#include "core/reference/organization.h"
#include "core/reference/reference_lookup.h"
#include "core/reference/region_code.h"
#include "core/reports/agreement_report.h"
#include "core/reports/programme_report.h"
#include "core/text/thesaurus_record.h"
#include "storage/change_feed.h"

namespace techmatch::storage {

// What a caller may read, applied by storage on top of the filter (usecases decide it from the
// caller; an empty scope limits nothing).
struct ReadScope {
  // Needs and offerings: when set, records not yet published (core/listings/review.h) are left
  // out, except those owned by this organization id ("" for none).
  std::optional<std::string> unpublished_owner;
  // Agreements: when set, only those this organization, or one whose parent it is (a college
  // of a university), is party to.
  std::optional<std::string> party;
  // When set (a GB/T 2260 code): only records of organizations in this region or under it —
  // organizations themselves, needs and offerings by their owner, agreements by any party.
  std::string region;
};

// How SummarizeAgreements reads.
struct SummaryOptions {
  ReadScope scope;
  // The level of the REGION group: at kCity a county's agreements count under its city.
  RegionLevel region_level = RegionLevel::kCounty;
  // Count a college (a university or institute whose parent is one) as its parent in the
  // supplier and demander counts, as event summaries do.
  bool colleges_as_parents = false;
};

// A List call: filter terms already parsed against the resource's allowed fields, a
// normalized page size, and the id to continue after (empty for the first page).
// What a verified audit trail holds.
struct AuditVerification {
  int64_t records = 0;
  int64_t unkeyed = 0;               // the first records, written before an audit key was in use
  std::vector<std::string> key_ids;  // the keys of the keyed records, in order of first use
};

struct ListQuery {
  std::vector<FilterTerm> filter;
  int page_size = kDefaultPageSize;
  std::string after_id;
  // When set, only records with these ids: a free-text search ranks first, then the filter
  // narrows its hits (at most kMaxPageSize ids per call).
  std::optional<std::vector<std::string>> only_ids;
  ReadScope scope;
};

// ListThesaurusEntries' narrowing: one kind, and/or entries with `term` inside one of their
// terms (empty: any).
struct ThesaurusFilter {
  std::optional<ThesaurusKind> kind;
  std::string term;
};

// The programme ledger's narrowing of observations and targets: one indicator (code), one
// region and every region under it (a GB/T 2260 code), one year; empty or 0: any.
struct LedgerFilter {
  std::string indicator_code;
  std::string region;
  int year = 0;
};

// A whole-year figure the programme ledger's records give (usecases/derived_figures.h).
enum class RecordFigure {
  kProjectsApproved,     // projects whose year is the year
  kProjectFundsArrived,  // fund arrivals whose arrive_time falls in the year, summed
  kCommissionersSent,    // commissioners whose year is the year
  kFinancingArranged,    // financing of every kind granted in the year, summed
  kLoansArranged,        // LOAN financing granted in the year, summed
};

// Identifies a create call for idempotency (AIP-155): a repeated (method, request_id) returns
// the resource the first call created. An empty request_id disables the check.
struct RequestKey {
  absl::string_view method;
  absl::string_view request_id;
};

class Repository : public ReferenceLookup, public AgreementLookup {
 public:
  ~Repository() override = default;

  // Both lookup interfaces ask these; one implementation answers both.
  absl::StatusOr<bool> IndustryExists(absl::string_view code) override = 0;
  absl::StatusOr<bool> EventExists(absl::string_view id) override = 0;

  // Filter fields each List method accepts (README filter grammar).
  static std::vector<FilterField> OrganizationFilterFields();
  static std::vector<FilterField> EventFilterFields();
  static std::vector<FilterField> ParticipantFilterFields();
  static std::vector<FilterField> NeedFilterFields();
  static std::vector<FilterField> MeetingRequestFilterFields();
  static std::vector<FilterField> OfferingFilterFields();
  // Agreements; money fields take amounts with `minor_digits` decimals (the base currency's).
  static std::vector<FilterField> AgreementFilterFields(int minor_digits = 2);
  static std::vector<FilterField> AuditEventFilterFields();
  static std::vector<FilterField> UserFilterFields();
  static std::vector<FilterField> ApplicationFilterFields();
  // Projects; money fields take amounts with `minor_digits` decimals (the base currency's).
  static std::vector<FilterField> ProjectFilterFields(int minor_digits = 2);
  static std::vector<FilterField> CommissionerFilterFields();
  static std::vector<FilterField> FinancingFilterFields(int minor_digits = 2);

  // A random secret created with the database; keys page-token signatures.
  virtual absl::StatusOr<std::string> PageTokenKey() = 0;

  // The other servers' writes, when several servers may share the database (change_feed.h);
  // null for a backend one server owns (SQLite). Owned by the repository.
  virtual ChangeFeed* change_feed() { return nullptr; }

  // Industries. `industry.meta.id` is the code.
  virtual absl::StatusOr<Industry> CreateIndustry(const Industry& industry, RequestKey key) = 0;
  virtual absl::StatusOr<Industry> GetIndustry(absl::string_view code) = 0;
  virtual absl::StatusOr<Page<Industry>> ListIndustries(const ListQuery& query) = 0;

  // Organizations.
  virtual absl::StatusOr<Organization> CreateOrganization(const Organization& org,
                                                          RequestKey key) = 0;
  virtual absl::StatusOr<Organization> GetOrganization(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Organization>> ListOrganizations(const ListQuery& query) = 0;
  // Stores `org` if the stored revision is still `expected_revision` (else ABORTED).
  virtual absl::StatusOr<Organization> ReplaceOrganization(const Organization& org,
                                                           int64_t expected_revision) = 0;

  // Events and participants.
  virtual absl::StatusOr<Event> CreateEvent(const Event& event, RequestKey key) = 0;
  virtual absl::StatusOr<Event> GetEvent(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Event>> ListEvents(const ListQuery& query) = 0;
  virtual absl::StatusOr<Event> ReplaceEvent(const Event& event, int64_t expected_revision) = 0;
  // Idempotent: registering again returns the existing participant (with its delegate count
  // changed when `options` gives one). NOT_FOUND for an unknown event or organization.
  virtual absl::StatusOr<Participant> RegisterParticipant(absl::string_view event_id,
                                                          absl::string_view organization_id,
                                                          const RegistrationOptions& options) = 0;
  absl::StatusOr<Participant> RegisterParticipant(absl::string_view event_id,
                                                  absl::string_view organization_id) {
    return RegisterParticipant(event_id, organization_id, RegistrationOptions{});
  }
  // The participant, or nullopt when the organization is not registered for the event.
  virtual absl::StatusOr<std::optional<Participant>> FindParticipant(
      absl::string_view event_id, absl::string_view organization_id) = 0;
  // Participants of `event_id` in organization-id order; NOT_FOUND for an unknown event.
  virtual absl::StatusOr<Page<Participant>> ListParticipants(absl::string_view event_id,
                                                             const ListQuery& query) = 0;

  // Needs.
  virtual absl::StatusOr<Need> CreateNeed(const Need& need, RequestKey key) = 0;
  virtual absl::StatusOr<Need> GetNeed(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Need>> ListNeeds(const ListQuery& query) = 0;
  virtual absl::StatusOr<Need> ReplaceNeed(const Need& need, int64_t expected_revision) = 0;
  // Stores many needs in one durable transaction; one status per input, in order. A row that
  // fails (e.g. ALREADY_EXISTS) is rolled back alone; the others are kept. The returned
  // StatusOr fails only when the whole batch could not be stored.
  virtual absl::StatusOr<std::vector<absl::StatusOr<Need>>> CreateNeeds(
      const std::vector<Need>& needs) = 0;

  // Offerings.
  virtual absl::StatusOr<Offering> CreateOffering(const Offering& offering, RequestKey key) = 0;
  virtual absl::StatusOr<Offering> GetOffering(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Offering>> ListOfferings(const ListQuery& query) = 0;
  virtual absl::StatusOr<Offering> ReplaceOffering(const Offering& offering,
                                                   int64_t expected_revision) = 0;
  virtual absl::StatusOr<std::vector<absl::StatusOr<Offering>>> CreateOfferings(
      const std::vector<Offering>& offerings) = 0;

  // Meeting plans, meeting requests and meetings; NOT_FOUND names the resource.
  virtual absl::StatusOr<MeetingPlan> GetMeetingPlan(absl::string_view event_id) = 0;
  // Creates the event's plan or replaces it if its revision is still `expected_revision`
  // (0: whatever is stored; else ABORTED). A new plan drops the unlocked meetings (their slots
  // changed meaning); FAILED_PRECONDITION when a locked meeting would fall outside it.
  virtual absl::StatusOr<MeetingPlan> PutMeetingPlan(const MeetingPlan& plan,
                                                     int64_t expected_revision) = 0;
  // Stores a new request, or, when the (event, need, offering) pair has one already, merges
  // into it (MergeDuplicateMeetingRequest) and returns it. request_id idempotency as usual.
  virtual absl::StatusOr<MeetingRequest> CreateMeetingRequest(const MeetingRequest& request,
                                                              RequestKey key) = 0;
  virtual absl::StatusOr<MeetingRequest> GetMeetingRequest(absl::string_view event_id,
                                                           absl::string_view id) = 0;
  // The event's requests in id order; NOT_FOUND for an unknown event.
  virtual absl::StatusOr<Page<MeetingRequest>> ListMeetingRequests(absl::string_view event_id,
                                                                   const ListQuery& query) = 0;
  // Stores a state change if the revision is still `expected_revision` (else ABORTED); a
  // DECLINED or CANCELLED request loses its meeting in the same transaction.
  virtual absl::StatusOr<MeetingRequest> ReplaceMeetingRequest(const MeetingRequest& request,
                                                               int64_t expected_revision) = 0;
  virtual absl::StatusOr<Meeting> GetMeeting(absl::string_view event_id, absl::string_view id) = 0;
  // Stores a lock change if the revision is still `expected_revision` (else ABORTED).
  virtual absl::StatusOr<Meeting> ReplaceMeeting(const Meeting& meeting,
                                                 int64_t expected_revision) = 0;
  // Everything ScheduleFair needs, read in one snapshot. NOT_FOUND for an unknown event,
  // FAILED_PRECONDITION when the event has no meeting plan.
  virtual absl::StatusOr<FairScheduleInput> ReadFairScheduleInput(absl::string_view event_id) = 0;
  // Replaces the event's unlocked meetings by the unlocked ones of `meetings` if the plan is
  // still at `plan_revision` and no locked meeting changed (else ABORTED: schedule again).
  // Meetings whose request is no longer ACCEPTED are left out.
  virtual absl::Status ReplaceSchedule(absl::string_view event_id, int64_t plan_revision,
                                       const std::vector<Meeting>& meetings) = 0;
  // The event's meetings, or one organization's, by slot and table, with their requests,
  // titles and names. NOT_FOUND for an unknown event.
  virtual absl::StatusOr<std::vector<MeetingDetails>> ListMeetings(
      absl::string_view event_id, absl::string_view organization_id) = 0;

  // Agreements.
  virtual absl::StatusOr<Agreement> CreateAgreement(const Agreement& agreement, RequestKey key) = 0;
  virtual absl::StatusOr<Agreement> GetAgreement(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Agreement>> ListAgreements(const ListQuery& query) = 0;
  // Stores `agreement` if the stored revision is still `expected_revision` (else ABORTED) and
  // appends `changes` to its history in the same transaction.
  virtual absl::StatusOr<Agreement> ReplaceAgreement(const Agreement& agreement,
                                                     int64_t expected_revision,
                                                     const std::vector<AmountChange>& changes) = 0;
  // The agreement's money-figure changes, oldest first; NOT_FOUND for an unknown agreement.
  virtual absl::StatusOr<std::vector<AmountChange>> GetAgreementHistory(absl::string_view id) = 0;
  // Calls `sink` with every agreement matching `filter`, in id order, all read in one read
  // transaction: the stream is a snapshot as of its start even while writes go on. Stops at
  // and returns the first error `sink` returns.
  virtual absl::Status ExportAgreements(const std::vector<FilterTerm>& filter,
                                        const ReadScope& scope,
                                        absl::FunctionRef<absl::Status(const Agreement&)> sink) = 0;
  // Counts and sums of the agreements matching `filter` per group of `group_by` (done by the
  // database) and in total. OUT_OF_RANGE when a sum would overflow 64-bit minor units.
  virtual absl::StatusOr<AgreementReport> SummarizeAgreements(
      const std::vector<FilterTerm>& filter, const std::vector<GroupDimension>& group_by,
      const SummaryOptions& options) = 0;
  // The event's display name, needs registered for it and offerings presented there (withdrawn
  // ones excluded), participants by organization kind, and the display names of the SUPPLIER
  // parties of its framework agreements in first-signed order. Agreement figures are left
  // for SummarizeAgreements. NOT_FOUND for an unknown event.
  virtual absl::StatusOr<EventFigures> GetEventFigures(absl::string_view event_id) = 0;
  // The programme report's ledger aggregates of `region` (a valid GB/T 2260 code) for `year`,
  // read in one snapshot and summed by the database (core/reports/programme_report.h): the
  // projects approved in the year and the year before by level, the year's commissioners and
  // financing by kind (grant year), for the region and each direct subordinate region with
  // records; the year's projects whose arrivals exceed their approved funds; the events
  // starting in the year (China Standard Time) with an organizer in the region. OUT_OF_RANGE
  // when a sum would overflow 64-bit minor units.
  virtual absl::StatusOr<LedgerYearTotals> AggregateLedgerYear(absl::string_view region,
                                                               int year) = 0;

  // Projects of the programme ledger. ReadScope: `party` (the lead or a partner, or a college
  // of one) and `region` (the project's region_code).
  virtual absl::StatusOr<Project> CreateProject(const Project& project, RequestKey key) = 0;
  virtual absl::StatusOr<Project> GetProject(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Project>> ListProjects(const ListQuery& query) = 0;
  // Stores `project` if the stored revision is still `expected_revision` (else ABORTED); its
  // arrived funds and count as read (an arrival since changed the revision).
  virtual absl::StatusOr<Project> ReplaceProject(const Project& project,
                                                 int64_t expected_revision) = 0;
  // Appends `arrival` (its id and create_time are assigned here) to its project and counts it
  // in the project (CountFundArrival), which gets a new revision, in one transaction. NOT_FOUND
  // for an unknown project, OUT_OF_RANGE when the sum would overflow. A repeated request_id
  // returns the arrival the first call recorded.
  virtual absl::StatusOr<FundArrival> RecordFundArrival(const FundArrival& arrival,
                                                        RequestKey key) = 0;
  // The project's arrivals in recording order; NOT_FOUND for an unknown project.
  virtual absl::StatusOr<Page<FundArrival>> ListFundArrivals(absl::string_view project_id,
                                                             const ListQuery& query) = 0;

  // Technology commissioners of the programme ledger. ReadScope: `party` (the home
  // organization, or a college of it) and `region` (the region served).
  virtual absl::StatusOr<Commissioner> CreateCommissioner(const Commissioner& commissioner,
                                                          RequestKey key) = 0;
  virtual absl::StatusOr<Commissioner> GetCommissioner(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Commissioner>> ListCommissioners(const ListQuery& query) = 0;
  // Stores `commissioner` if the stored revision is still `expected_revision` (else ABORTED).
  virtual absl::StatusOr<Commissioner> ReplaceCommissioner(const Commissioner& commissioner,
                                                           int64_t expected_revision) = 0;

  // Science–finance records of the programme ledger. ReadScope: `party` (the provider or the
  // recipient, or a college of one) and `region` (the financing's region_code).
  virtual absl::StatusOr<Financing> CreateFinancing(const Financing& financing, RequestKey key) = 0;
  virtual absl::StatusOr<Financing> GetFinancing(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Financing>> ListFinancings(const ListQuery& query) = 0;

  // Thesaurus entries organizers keep (core/text/thesaurus_record.h), in id order.
  virtual absl::StatusOr<ThesaurusRecord> CreateThesaurusEntry(const ThesaurusRecord& record,
                                                               RequestKey key) = 0;
  virtual absl::StatusOr<ThesaurusRecord> GetThesaurusEntry(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<ThesaurusRecord>> ListThesaurusEntries(const ThesaurusFilter& filter,
                                                                     const ListQuery& query) = 0;
  // Every stored entry, for building the matching thesaurus.
  virtual absl::StatusOr<std::vector<ThesaurusRecord>> AllThesaurusEntries() = 0;
  // Stores `record` if the stored revision is still `expected_revision` (else ABORTED).
  virtual absl::StatusOr<ThesaurusRecord> ReplaceThesaurusEntry(const ThesaurusRecord& record,
                                                                int64_t expected_revision) = 0;
  // Deletes the entry if its revision is still `expected_revision` (0: any; else ABORTED).
  virtual absl::Status DeleteThesaurusEntry(absl::string_view id, int64_t expected_revision) = 0;

  // API keys: only the token's hash is stored (core/auth/api_key.h). NOT_FOUND when an
  // INSTITUTE or ENTERPRISE key names an unknown organization; ALREADY_EXISTS for a key id in use.
  virtual absl::Status CreateApiKey(const ApiKey& key) = 0;
  // The key (revoked or not), or nullopt for an unknown id.
  virtual absl::StatusOr<std::optional<ApiKey>> FindApiKey(absl::string_view key_id) = 0;
  // Every key, oldest first.
  virtual absl::StatusOr<std::vector<ApiKey>> ListApiKeys() = 0;
  // Revokes the key for good (again is harmless); NOT_FOUND for an unknown id.
  virtual absl::StatusOr<ApiKey> RevokeApiKey(absl::string_view key_id) = 0;

  // Users. Emails are stored normalized (core/auth/user.h) and unique.
  // Creates the user who accepts `invitation_id` and marks the invitation accepted, together:
  // FAILED_PRECONDITION when it was accepted already, ALREADY_EXISTS for a user id or email in
  // use, NOT_FOUND for an unknown organization.
  virtual absl::StatusOr<User> CreateUserFromInvitation(const User& user,
                                                        absl::string_view invitation_id) = 0;
  virtual absl::StatusOr<User> GetUser(absl::string_view id) = 0;
  // The user with this normalized email, or nullopt.
  virtual absl::StatusOr<std::optional<User>> FindUserByEmail(absl::string_view email) = 0;
  virtual absl::StatusOr<Page<User>> ListUsers(const ListQuery& query) = 0;
  // Stores `user` if the stored revision is still `expected_revision` (else ABORTED); a user
  // stored DISABLED has all its sessions revoked in the same transaction. ALREADY_EXISTS for an
  // email in use by another user.
  virtual absl::StatusOr<User> ReplaceUser(const User& user, int64_t expected_revision) = 0;

  // Sessions: only the token's hash is stored. NOT_FOUND for an unknown user.
  virtual absl::Status CreateSession(const Session& session) = 0;
  // The session (ended or not) and its user, or nullopt for an unknown id: one read, for the
  // guard's recheck.
  struct SessionAndUser {
    Session session;
    User user;
  };
  virtual absl::StatusOr<std::optional<SessionAndUser>> FindSession(absl::string_view id) = 0;
  // The user's sessions that were not revoked, newest first (the caller drops expired ones).
  virtual absl::StatusOr<Page<Session>> ListSessions(absl::string_view user_id,
                                                     const ListQuery& query) = 0;
  // Ends the user's session for good (again is harmless); NOT_FOUND when the user has no
  // session `id`.
  virtual absl::StatusOr<Session> RevokeSession(absl::string_view user_id,
                                                absl::string_view id) = 0;
  // Records that the session was used at `time` (not audited).
  virtual absl::Status TouchSession(absl::string_view id, absl::Time time) = 0;

  // Invitations: only the code's hash is stored. NOT_FOUND for an unknown organization.
  virtual absl::Status CreateInvitation(const Invitation& invitation) = 0;
  // The invitation (accepted or not), or nullopt for an unknown id.
  virtual absl::StatusOr<std::optional<Invitation>> FindInvitation(absl::string_view id) = 0;

  // Applications to join.
  virtual absl::StatusOr<Application> CreateApplication(const Application& application,
                                                        RequestKey key) = 0;
  virtual absl::StatusOr<Application> GetApplication(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<Application>> ListApplications(const ListQuery& query) = 0;
  // Stores a review of the application if its revision is still `expected_revision` (else
  // ABORTED). An approval also creates `organization` and `invitation` in the same transaction
  // (ALREADY_EXISTS for an organization id in use).
  virtual absl::StatusOr<Application> ReviewApplication(
      const Application& application, int64_t expected_revision,
      const std::optional<Organization>& organization,
      const std::optional<Invitation>& invitation) = 0;

  // The programme ledger. Indicators: `meta.id` is the code. Observations and targets: the id
  // is derived from the key (core/ledger/), so a second one of a key is ALREADY_EXISTS; only
  // the value (and an observation's note) changes on replace. Lists narrow by `filter` and
  // by `query.scope.region` (the region code of the record).
  virtual absl::StatusOr<Indicator> CreateIndicator(const Indicator& indicator, RequestKey key) = 0;
  virtual absl::StatusOr<Indicator> GetIndicator(absl::string_view code) = 0;
  virtual absl::StatusOr<Page<Indicator>> ListIndicators(const ListQuery& query) = 0;
  virtual absl::StatusOr<Observation> CreateObservation(const Observation& observation,
                                                        RequestKey key) = 0;
  virtual absl::StatusOr<Observation> GetObservation(absl::string_view id) = 0;
  virtual absl::StatusOr<Observation> ReplaceObservation(const Observation& observation,
                                                         int64_t expected_revision) = 0;
  virtual absl::StatusOr<Page<Observation>> ListObservations(const LedgerFilter& filter,
                                                             const ListQuery& query) = 0;
  // Every observation of `indicator_code` for `year` in `region` or under it, in id order.
  virtual absl::StatusOr<std::vector<Observation>> ObservationsInRegion(
      absl::string_view indicator_code, absl::string_view region, int year) = 0;
  // `figure` of `year` (a time's year in China Standard Time) over the records whose region
  // (a fund arrival's: its project's) is `region` or under it, aggregated by the database;
  // OUT_OF_RANGE when a sum overflows 64 bits.
  virtual absl::StatusOr<int64_t> SumRecordFigure(RecordFigure figure, absl::string_view region,
                                                  int year) = 0;
  // The agreements of one of `kinds` in one of `states` signed in `year` (China Standard Time),
  // each counted once under the region of its first DEMANDER party (in party order) whose
  // organization lies in `region` or under it; none for an agreement without one. Counted by
  // the database; one figure per region with any, in code order.
  virtual absl::StatusOr<std::vector<RegionFigure>> CountAgreementsByDemanderRegion(
      absl::string_view region, int year, const std::vector<AgreementKind>& kinds,
      const std::vector<AgreementState>& states) = 0;
  virtual absl::StatusOr<Target> CreateTarget(const Target& target, RequestKey key) = 0;
  virtual absl::StatusOr<Target> GetTarget(absl::string_view id) = 0;
  virtual absl::StatusOr<Target> ReplaceTarget(const Target& target, int64_t expected_revision) = 0;
  virtual absl::StatusOr<Page<Target>> ListTargets(const LedgerFilter& filter,
                                                   const ListQuery& query) = 0;

  // The audit trail. A mutating call's record normally rides in the call's own transaction
  // (storage/audit_scope.h); this appends one alone, for a call that changed nothing (denied or
  // failed). seq and hash are assigned here.
  virtual absl::Status AppendAuditEvent(const AuditEvent& event) = 0;
  virtual absl::StatusOr<Page<AuditEvent>> ListAuditEvents(const ListQuery& query) = 0;
  // Recomputes the chain (keyed records with their key among `keys`): what it holds, or
  // DATA_LOSS naming the first record that was altered, removed or reordered (an unkeyed record
  // after a keyed one is such a record), or FAILED_PRECONDITION when a record's key is not in
  // `keys`.
  virtual absl::StatusOr<AuditVerification> VerifyAuditTrail(const std::vector<AuditKey>& keys) = 0;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_REPOSITORY_H_
