// The Repository on an embedded SQLite database file.
//
// Concurrency: one writer connection (SQLite allows one writer at a time anyway) whose
// transactions group the writes that queue up while one commits (storage/sqlite/group_commit.h),
// and a pool of reader connections that WAL lets run beside it and beside each other. No
// connection is ever used by two threads at once.
#ifndef TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_
#define TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_

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
#include "storage/repository.h"
#include "storage/sqlite/sqlite_options.h"
#include "storage/table_rows.h"

namespace techmatch::storage {

namespace sqlite {
class Connection;
class ConnectionPool;
class GroupCommit;
class SummaryIndex;
}  // namespace sqlite

class SqliteRepository final : public CachingRepository, public TableStore {
 public:
  // Opens (creating when missing) the database at `path`, applies pending migrations and
  // creates the page-token key on first open. FAILED_PRECONDITION for a file from a newer
  // build, INVALID_ARGUMENT for bad options, UNAVAILABLE/INTERNAL when the file cannot be
  // opened.
  static absl::StatusOr<std::unique_ptr<SqliteRepository>> Open(const std::string& path,
                                                                SqliteOptions options = {});
  ~SqliteRepository() override;

  // The schema version the file is at (PRAGMA user_version).
  absl::StatusOr<int> SchemaVersion();

  // Write transactions committed so far and the writes they held (storage/sqlite/group_commit.h).
  struct WriteStats {
    int64_t commits = 0;
    int64_t writes = 0;
  };
  WriteStats CommitStats();

  absl::StatusOr<std::string> PageTokenKey() override;

  // Copying whole tables (storage/table_copy.h): reads in one snapshot of a reader connection,
  // writes in one transaction of the writer, unaudited (the copied trail is the record).
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
  // What a call works on, for its error messages ("reading needs/x"): `collection`/`id`, or
  // `collection` alone when `id` is empty (it may then be a whole name, such as a meeting
  // request's). Views: the caller keeps the strings alive and unchanged for the call.
  struct Subject {
    absl::string_view action;
    absl::string_view collection;
    absl::string_view id = {};
    std::string Name() const;
  };
  // Which reads of a call see the same database: each statement its own latest state, or all
  // of them one snapshot (one read transaction).
  enum class View { kStatement, kSnapshot };

  SqliteRepository(std::unique_ptr<sqlite::Connection> writer,
                   std::unique_ptr<sqlite::ConnectionPool> readers, std::string page_token_key,
                   size_t record_cache_entries, std::optional<AuditKey> audit_key,
                   bool summary_index);

  absl::StatusOr<Need> GetNeedUncached(absl::string_view id) override;
  absl::StatusOr<Offering> GetOfferingUncached(absl::string_view id) override;
  absl::StatusOr<Need> ReplaceNeedUncached(const Need& need, int64_t expected_revision) override;
  absl::StatusOr<Offering> ReplaceOfferingUncached(const Offering& offering,
                                                   int64_t expected_revision) override;

  // The one read path. Runs `read(Connection&)` on a borrowed reader connection, in `view`, and
  // returns what it returns: a value, a StatusOr, or a Status. An exception becomes a status
  // naming `subject` (details logged).
  template <typename Fn>
  auto Read(const Subject& subject, View view, Fn&& read);
  // Read for one record: `find` returns a std::optional, and nullopt is NOT_FOUND naming
  // `subject`.
  template <typename Fn>
  auto Find(const Subject& subject, View view, Fn&& find);
  // Read's untyped core.
  absl::Status OnReader(const Subject& subject, View view,
                        absl::FunctionRef<absl::Status(sqlite::Connection&)> body);

  // The one write path. Runs `body` on the writer inside BEGIN IMMEDIATE ... COMMIT, possibly
  // together with other callers' writes, each in its own savepoint
  // (storage/sqlite/group_commit.h); undoes it when it fails or throws, and returns once it is
  // committed or undone. Inside an AuditScope, the scope's record is appended to the same
  // transaction (resource defaulting to the subject's name) unless `audited` is false.
  absl::Status Write(const Subject& subject,
                     absl::FunctionRef<absl::Status(sqlite::Connection&)> body,
                     bool audited = true);

  // The optimistic replace every Replace* shares: stores `input` with the time now and
  // `expected_revision` + 1 through `update`, which changes the row only while its revision is
  // still `expected_revision` and returns the stored create_time (nullopt when no row
  // matched); then runs `also` in the same transaction (agreement history, a declined
  // request's meeting). When no row matched: NOT_FOUND if `exists` finds none, else ABORTED
  // (it changed since it was read).
  template <typename Record>
  absl::StatusOr<Record> Replace(
      const Subject& subject, const Record& input, int64_t expected_revision,
      absl::FunctionRef<absl::StatusOr<std::optional<absl::Time>>(sqlite::Connection&,
                                                                  const Record&)>
          update,
      absl::FunctionRef<bool(sqlite::Connection&)> exists,
      absl::FunctionRef<absl::Status(sqlite::Connection&, const Record&)> also);

  // Create, get, list, replace and batch create of the kinds stored by one *Rows class keyed
  // by one id (Rows::kCollection).
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> CreateRecord(const typename Rows::Record& input,
                                                     RequestKey key);
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> GetRecord(absl::string_view id);
  template <typename Rows>
  absl::StatusOr<Page<typename Rows::Record>> ListRecords(const ListQuery& query);
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> ReplaceRecord(const typename Rows::Record& input,
                                                      int64_t expected_revision);
  template <typename Rows>
  absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>> CreateRecords(
      const std::vector<typename Rows::Record>& inputs);

  // The one writer connection; writes that queue up while one commits share the next commit.
  std::unique_ptr<sqlite::GroupCommit> writer_;
  std::unique_ptr<sqlite::ConnectionPool> readers_;
  const std::string page_token_key_;  // Read once at open: it never changes.
  const std::optional<AuditKey> audit_key_;
  // Agreement summaries' in-memory copy (storage/sqlite/summary_index.h); null when off.
  const std::unique_ptr<sqlite::SummaryIndex> summary_index_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_
