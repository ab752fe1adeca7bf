// The Repository on a PostgreSQL 15 database (storage/postgres/README.md: what is done, what is
// next).
//
// Concurrency: a bounded pool of connections (storage/postgres/connection_pool.h); each read
// borrows one and runs in its own transaction. Writes that arrive together share one
// transaction and one durable commit, each under its own savepoint
// (storage/postgres/group_commit.h). A transaction is run again after a serialization failure
// or deadlock (storage/postgres/transaction.h). Several servers may open one database:
// the first migrates it (storage/postgres/migrations.h).
//
// Audit: a write inside an AuditScope stages its record in the write's own transaction (the
// record exists if and only if the write committed, as on SQLite) and this repository's linker
// chains staged records in batches under the chain's lock (storage/postgres/audit_linker.h), so
// audited writes commit side by side, across servers too, and the trail stays one chain.
// Listing or verifying the trail first waits until every record committed before is chained.
//
// Several servers: each repository connects under a name of its own, so its change feed
// (change_feed()) tells the writes of other servers on the database from its own.
#ifndef TECHMATCH_STORAGE_POSTGRES_POSTGRES_REPOSITORY_H_
#define TECHMATCH_STORAGE_POSTGRES_POSTGRES_REPOSITORY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "storage/caching_repository.h"
#include "storage/known_references.h"
#include "storage/reachability.h"
#include "storage/repository.h"
#include "storage/table_rows.h"

namespace techmatch::storage {

namespace postgres {
class AuditLinker;
class Connection;
class ConnectionPool;
class GroupCommit;
class ReachabilityCheck;
}  // namespace postgres

struct PostgresOptions {
  // At most this many connections to the server (each is a server process).
  int max_connections = 8;
  // How long a call waits for a free connection before UNAVAILABLE.
  absl::Duration connection_wait = absl::Seconds(5);
  // How long opening one connection may take (whole seconds, at least 2: libpq's rule; zero:
  // the URI's connect_timeout, or none).
  absl::Duration connect_timeout = absl::ZeroDuration();
  // Needs and offerings kept in the record caches (0: off).
  int record_cache_entries = 4096;
  // Keys every audit record written (HMAC-SHA-256, core/auth/audit_event.h). Once the trail
  // holds keyed records, opening without a key is refused: an unkeyed record after them would
  // break the chain.
  std::optional<AuditKey> audit_key;
};

class PostgresRepository final : public CachingRepository, public Reachability, public TableStore {
 public:
  // Connects to `uri` (postgresql://...), applies pending migrations and creates the page-token
  // key on first open. INVALID_ARGUMENT for bad options or a malformed URI, UNAVAILABLE when
  // the server cannot be reached, FAILED_PRECONDITION for a database from a newer build.
  static absl::StatusOr<std::unique_ptr<PostgresRepository>> Open(const std::string& uri,
                                                                  PostgresOptions options = {});
  ~PostgresRepository() override;

  // The database's schema version (storage/postgres/migrations.h).
  absl::StatusOr<int> SchemaVersion();

  absl::StatusOr<std::string> PageTokenKey() override;
  // Follows the needs, offerings and thesaurus entries written by other servers on the
  // database (storage/postgres/change_feed.h).
  ChangeFeed* change_feed() override;
  // On a connection of its own (storage/postgres/reachability_check.h).
  absl::Status CheckReachable(absl::Duration timeout) override;

  // Copying whole tables (storage/table_copy.h): reads in one REPEATABLE READ read-only
  // transaction, writes in one transaction, unaudited (the copied trail is the record).
  absl::StatusOr<int> CopySchemaVersion() override;
  absl::Status ReadTables(absl::FunctionRef<absl::Status(TableReader&)> body) override;
  absl::Status WriteTables(absl::FunctionRef<absl::Status(TableWriter&)> body) override;

  absl::StatusOr<bool> IndustryExists(absl::string_view code) override;
  absl::StatusOr<bool> EventExists(absl::string_view id) override;
  absl::StatusOr<std::optional<OrganizationKind>> FindOrganizationKind(
      absl::string_view id) override;

  absl::StatusOr<Industry> CreateIndustry(const Industry& industry, RequestKey key) override;
  absl::StatusOr<Industry> GetIndustry(absl::string_view code) override;
  absl::StatusOr<Page<Industry>> ListIndustries(const ListQuery& query) override;

  absl::StatusOr<Organization> CreateOrganization(const Organization& org, RequestKey key) override;
  absl::StatusOr<Organization> GetOrganization(absl::string_view id) override;
  absl::StatusOr<Page<Organization>> ListOrganizations(const ListQuery& query) override;
  absl::StatusOr<Organization> ReplaceOrganization(const Organization& org,
                                                   int64_t expected_revision) override;

  absl::StatusOr<Event> CreateEvent(const Event& event, RequestKey key) override;
  absl::StatusOr<Event> GetEvent(absl::string_view id) override;
  absl::StatusOr<Page<Event>> ListEvents(const ListQuery& query) override;
  absl::StatusOr<Event> ReplaceEvent(const Event& event, int64_t expected_revision) override;
  using Repository::RegisterParticipant;
  absl::StatusOr<Participant> RegisterParticipant(absl::string_view event_id,
                                                  absl::string_view organization_id,
                                                  const RegistrationOptions& options) override;
  absl::StatusOr<std::optional<Participant>> FindParticipant(
      absl::string_view event_id, absl::string_view organization_id) override;
  absl::StatusOr<Page<Participant>> ListParticipants(absl::string_view event_id,
                                                     const ListQuery& query) override;

  absl::StatusOr<Need> CreateNeed(const Need& need, RequestKey key) override;
  absl::StatusOr<Page<Need>> ListNeeds(const ListQuery& query) override;
  absl::StatusOr<std::vector<absl::StatusOr<Need>>> CreateNeeds(
      const std::vector<Need>& needs) override;

  absl::StatusOr<Offering> CreateOffering(const Offering& offering, RequestKey key) override;
  absl::StatusOr<Page<Offering>> ListOfferings(const ListQuery& query) override;
  absl::StatusOr<std::vector<absl::StatusOr<Offering>>> CreateOfferings(
      const std::vector<Offering>& offerings) override;

  absl::StatusOr<MeetingPlan> GetMeetingPlan(absl::string_view event_id) override;
  absl::StatusOr<MeetingPlan> PutMeetingPlan(const MeetingPlan& plan,
                                             int64_t expected_revision) override;
  absl::StatusOr<MeetingRequest> CreateMeetingRequest(const MeetingRequest& request,
                                                      RequestKey key) override;
  absl::StatusOr<MeetingRequest> GetMeetingRequest(absl::string_view event_id,
                                                   absl::string_view id) override;
  absl::StatusOr<Page<MeetingRequest>> ListMeetingRequests(absl::string_view event_id,
                                                           const ListQuery& query) override;
  absl::StatusOr<MeetingRequest> ReplaceMeetingRequest(const MeetingRequest& request,
                                                       int64_t expected_revision) override;
  absl::StatusOr<Meeting> GetMeeting(absl::string_view event_id, absl::string_view id) override;
  absl::StatusOr<Meeting> ReplaceMeeting(const Meeting& meeting,
                                         int64_t expected_revision) override;
  absl::StatusOr<FairScheduleInput> ReadFairScheduleInput(absl::string_view event_id) override;
  absl::Status ReplaceSchedule(absl::string_view event_id, int64_t plan_revision,
                               const std::vector<Meeting>& meetings) override;
  absl::StatusOr<std::vector<MeetingDetails>> ListMeetings(
      absl::string_view event_id, absl::string_view organization_id) override;

  absl::StatusOr<Agreement> CreateAgreement(const Agreement& agreement, RequestKey key) override;
  absl::StatusOr<Agreement> GetAgreement(absl::string_view id) override;
  absl::StatusOr<Page<Agreement>> ListAgreements(const ListQuery& query) override;
  absl::StatusOr<Agreement> ReplaceAgreement(const Agreement& agreement, int64_t expected_revision,
                                             const std::vector<AmountChange>& changes) override;
  absl::StatusOr<std::vector<AmountChange>> GetAgreementHistory(absl::string_view id) override;
  absl::Status ExportAgreements(const std::vector<FilterTerm>& filter, const ReadScope& scope,
                                absl::FunctionRef<absl::Status(const Agreement&)> sink) override;
  absl::StatusOr<AgreementReport> SummarizeAgreements(const std::vector<FilterTerm>& filter,
                                                      const std::vector<GroupDimension>& group_by,
                                                      const SummaryOptions& options) override;
  absl::StatusOr<EventFigures> GetEventFigures(absl::string_view event_id) override;
  absl::StatusOr<LedgerYearTotals> AggregateLedgerYear(absl::string_view region, int year) override;
  absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>> FindOrganizationFacts(
      absl::string_view id) override;
  absl::StatusOr<ThesaurusRecord> CreateThesaurusEntry(const ThesaurusRecord& record,
                                                       RequestKey key) override;
  absl::StatusOr<ThesaurusRecord> GetThesaurusEntry(absl::string_view id) override;
  absl::StatusOr<Page<ThesaurusRecord>> ListThesaurusEntries(const ThesaurusFilter& filter,
                                                             const ListQuery& query) override;
  absl::StatusOr<std::vector<ThesaurusRecord>> AllThesaurusEntries() override;
  absl::StatusOr<ThesaurusRecord> ReplaceThesaurusEntry(const ThesaurusRecord& record,
                                                        int64_t expected_revision) override;
  absl::Status DeleteThesaurusEntry(absl::string_view id, int64_t expected_revision) override;

  absl::Status CreateApiKey(const ApiKey& key) override;
  absl::StatusOr<std::optional<ApiKey>> FindApiKey(absl::string_view key_id) override;
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys() override;
  absl::StatusOr<ApiKey> RevokeApiKey(absl::string_view key_id) override;
  absl::StatusOr<User> CreateUserFromInvitation(const User& user,
                                                absl::string_view invitation_id) override;
  absl::StatusOr<User> GetUser(absl::string_view id) override;
  absl::StatusOr<std::optional<User>> FindUserByEmail(absl::string_view email) override;
  absl::StatusOr<Page<User>> ListUsers(const ListQuery& query) override;
  absl::StatusOr<User> ReplaceUser(const User& user, int64_t expected_revision) override;
  absl::Status CreateSession(const Session& session) override;
  absl::StatusOr<std::optional<SessionAndUser>> FindSession(absl::string_view id) override;
  absl::StatusOr<Page<Session>> ListSessions(absl::string_view user_id,
                                             const ListQuery& query) override;
  absl::StatusOr<Session> RevokeSession(absl::string_view user_id, absl::string_view id) override;
  absl::Status TouchSession(absl::string_view id, absl::Time time) override;
  absl::Status CreateInvitation(const Invitation& invitation) override;
  absl::StatusOr<std::optional<Invitation>> FindInvitation(absl::string_view id) override;
  absl::StatusOr<Application> CreateApplication(const Application& application,
                                                RequestKey key) override;
  absl::StatusOr<Application> GetApplication(absl::string_view id) override;
  absl::StatusOr<Page<Application>> ListApplications(const ListQuery& query) override;
  absl::StatusOr<Application> ReviewApplication(
      const Application& application, int64_t expected_revision,
      const std::optional<Organization>& organization,
      const std::optional<Invitation>& invitation) override;
  absl::StatusOr<Project> CreateProject(const Project& project, RequestKey key) override;
  absl::StatusOr<Project> GetProject(absl::string_view id) override;
  absl::StatusOr<Page<Project>> ListProjects(const ListQuery& query) override;
  absl::StatusOr<Project> ReplaceProject(const Project& project,
                                         int64_t expected_revision) override;
  absl::StatusOr<FundArrival> RecordFundArrival(const FundArrival& arrival,
                                                RequestKey key) override;
  absl::StatusOr<Page<FundArrival>> ListFundArrivals(absl::string_view project_id,
                                                     const ListQuery& query) override;
  absl::StatusOr<Commissioner> CreateCommissioner(const Commissioner& commissioner,
                                                  RequestKey key) override;
  absl::StatusOr<Commissioner> GetCommissioner(absl::string_view id) override;
  absl::StatusOr<Page<Commissioner>> ListCommissioners(const ListQuery& query) override;
  absl::StatusOr<Commissioner> ReplaceCommissioner(const Commissioner& commissioner,
                                                   int64_t expected_revision) override;
  absl::StatusOr<Financing> CreateFinancing(const Financing& financing, RequestKey key) override;
  absl::StatusOr<Financing> GetFinancing(absl::string_view id) override;
  absl::StatusOr<Page<Financing>> ListFinancings(const ListQuery& query) override;
  absl::StatusOr<Indicator> CreateIndicator(const Indicator& indicator, RequestKey key) override;
  absl::StatusOr<Indicator> GetIndicator(absl::string_view code) override;
  absl::StatusOr<Page<Indicator>> ListIndicators(const ListQuery& query) override;
  absl::StatusOr<Observation> CreateObservation(const Observation& observation,
                                                RequestKey key) override;
  absl::StatusOr<Observation> GetObservation(absl::string_view id) override;
  absl::StatusOr<Observation> ReplaceObservation(const Observation& observation,
                                                 int64_t expected_revision) override;
  absl::StatusOr<Page<Observation>> ListObservations(const LedgerFilter& filter,
                                                     const ListQuery& query) override;
  absl::StatusOr<std::vector<Observation>> ObservationsInRegion(absl::string_view indicator_code,
                                                                absl::string_view region,
                                                                int year) override;
  absl::StatusOr<int64_t> SumRecordFigure(RecordFigure figure, absl::string_view region,
                                          int year) override;
  absl::StatusOr<std::vector<RegionFigure>> CountAgreementsByDemanderRegion(
      absl::string_view region, int year, const std::vector<AgreementKind>& kinds,
      const std::vector<AgreementState>& states) override;
  absl::StatusOr<Target> CreateTarget(const Target& target, RequestKey key) override;
  absl::StatusOr<Target> GetTarget(absl::string_view id) override;
  absl::StatusOr<Target> ReplaceTarget(const Target& target, int64_t expected_revision) override;
  absl::StatusOr<Page<Target>> ListTargets(const LedgerFilter& filter,
                                           const ListQuery& query) override;
  absl::Status AppendAuditEvent(const AuditEvent& event) override;
  absl::StatusOr<Page<AuditEvent>> ListAuditEvents(const ListQuery& query) override;
  absl::StatusOr<AuditVerification> VerifyAuditTrail(const std::vector<AuditKey>& keys) override;
  absl::StatusOr<std::optional<std::string>> FindNeedEnterprise(absl::string_view id) override;
  absl::StatusOr<std::optional<std::string>> FindOfferingInstitute(absl::string_view id) override;

 private:
  PostgresRepository(std::unique_ptr<postgres::ConnectionPool> pool,
                     std::unique_ptr<postgres::ReachabilityCheck> reachability,
                     std::string page_token_key, size_t record_cache_entries,
                     std::optional<AuditKey> audit_key, std::string uri,
                     absl::Duration connect_timeout, std::string origin);

  absl::StatusOr<Need> GetNeedUncached(absl::string_view id) override;
  absl::StatusOr<Offering> GetOfferingUncached(absl::string_view id) override;
  absl::StatusOr<Need> ReplaceNeedUncached(const Need& need, int64_t expected_revision) override;
  absl::StatusOr<Offering> ReplaceOfferingUncached(const Offering& offering,
                                                   int64_t expected_revision) override;

  // Runs `body` in a read-only transaction (one snapshot for all its statements) on a pooled
  // connection; a database error becomes the answer for `action` on `resource`.
  absl::Status Read(absl::string_view action, absl::string_view resource,
                    absl::FunctionRef<absl::Status(postgres::Connection&)> body);
  // Read for a `body` of exactly one statement: sent on its own, without BEGIN and COMMIT (one
  // statement for the server instead of three; postgres::RunSingleRead).
  absl::Status ReadOneStatement(absl::string_view action, absl::string_view resource,
                                absl::FunctionRef<absl::Status(postgres::Connection&)> body);
  // Runs `body` in a read-write transaction shared with the writes queued beside it (group
  // commit, storage/postgres/group_commit.h), run again on serialization failures. Inside an
  // AuditScope (when `audited`), the transaction ends by staging the scope's record (resource
  // defaulting to `resource`); the scope is marked recorded once it commits, and the linker is
  // woken.
  absl::Status Write(absl::string_view action, absl::string_view resource,
                     absl::FunctionRef<absl::Status(postgres::Connection&)> body,
                     bool audited = true);

  // Create (with request-id idempotency), get and optimistic replace of the kinds stored by one
  // *Rows class keyed by one id (Rows::kCollection), as SqliteRepository's.
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> CreateRecord(const typename Rows::Record& input,
                                                     RequestKey key);
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> GetRecord(absl::string_view id);
  // Creates the records in one transaction: all of them with one statement per table, or, when
  // that is refused, one at a time under a savepoint each. Each result is the record or why
  // that row alone was refused (CreateNeeds, CreateOfferings).
  template <typename Rows>
  absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>> CreateRecords(
      const std::vector<typename Rows::Record>& inputs);
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> ReplaceRecord(const typename Rows::Record& input,
                                                      int64_t expected_revision);

  std::unique_ptr<postgres::ConnectionPool> pool_;
  std::unique_ptr<postgres::ReachabilityCheck> reachability_;
  const std::string page_token_key_;  // Read once at open: it never changes.
  const std::optional<AuditKey> audit_key_;
  const std::unique_ptr<ChangeFeed> change_feed_;              // Reads through pool_.
  const std::unique_ptr<postgres::GroupCommit> group_commit_;  // Writes through pool_.
  KnownReferences known_;  // IndustryExists, EventExists, FindOrganizationKind.
  // Links through pool_ with audit_key_; stopped before they go.
  const std::unique_ptr<postgres::AuditLinker> audit_linker_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_POSTGRES_POSTGRES_REPOSITORY_H_
