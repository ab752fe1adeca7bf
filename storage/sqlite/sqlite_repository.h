// The Repository on an embedded SQLite database file.
//
// Concurrency: one writer connection (SQLite allows one writer at a time anyway) whose
// transactions group the writes that queue up while one commits (storage/sqlite/group_commit.h),
// and a pool of reader connections that WAL lets run beside it and beside each other. No connection
// is ever used by two threads at once.
#ifndef TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_
#define TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/record_cache.h"
#include "storage/repository.h"
#include "storage/sqlite/sqlite_options.h"

namespace techmatch::storage {

namespace sqlite {
class Connection;
class ConnectionPool;
class GroupCommit;
}  // namespace sqlite

class SqliteRepository final : public Repository {
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

  // How the record caches have served so far (storage/record_cache.h).
  RecordCacheStats NeedCacheStats() { return need_cache_.Stats(); }
  RecordCacheStats OfferingCacheStats() { return offering_cache_.Stats(); }
  // Write transactions committed so far and the writes they held (storage/sqlite/group_commit.h).
  struct WriteStats {
    int64_t commits = 0;
    int64_t writes = 0;
  };
  WriteStats CommitStats();

  absl::StatusOr<std::string> PageTokenKey() override;

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
  absl::StatusOr<Need> GetNeed(absl::string_view id) override;
  absl::StatusOr<Page<Need>> ListNeeds(const ListQuery& query) override;
  absl::StatusOr<Need> ReplaceNeed(const Need& need, int64_t expected_revision) override;
  absl::StatusOr<std::vector<absl::StatusOr<Need>>> CreateNeeds(
      const std::vector<Need>& needs) override;

  absl::StatusOr<Offering> CreateOffering(const Offering& offering, RequestKey key) override;
  absl::StatusOr<Offering> GetOffering(absl::string_view id) override;
  absl::StatusOr<Page<Offering>> ListOfferings(const ListQuery& query) override;
  absl::StatusOr<Offering> ReplaceOffering(const Offering& offering,
                                           int64_t expected_revision) override;
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
  absl::Status ExportAgreements(const std::vector<FilterTerm>& filter,
                                absl::FunctionRef<absl::Status(const Agreement&)> sink) override;
  absl::StatusOr<AgreementReport> SummarizeAgreements(
      const std::vector<FilterTerm>& filter, const std::vector<GroupDimension>& group_by) override;
  absl::StatusOr<EventFigures> GetEventFigures(absl::string_view event_id) override;
  absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>> FindOrganizationFacts(
      absl::string_view id) override;
  absl::Status CreateApiKey(const ApiKey& key) override;
  absl::StatusOr<std::optional<ApiKey>> FindApiKey(absl::string_view key_id) override;
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys() override;
  absl::StatusOr<ApiKey> RevokeApiKey(absl::string_view key_id) override;
  absl::Status AppendAuditEvent(const AuditEvent& event) override;
  absl::StatusOr<Page<AuditEvent>> ListAuditEvents(const ListQuery& query) override;
  absl::StatusOr<int64_t> VerifyAuditTrail() override;
  absl::StatusOr<std::optional<std::string>> FindNeedEnterprise(absl::string_view id) override;
  absl::StatusOr<std::optional<std::string>> FindOfferingInstitute(absl::string_view id) override;

 private:
  // Runs `body` on a borrowed reader inside one read transaction (BEGIN ... COMMIT), so every
  // statement in it sees the same snapshot.
  absl::Status ReadSnapshot(absl::string_view action, absl::string_view collection,
                            absl::string_view id,
                            absl::FunctionRef<absl::Status(sqlite::Connection&)> body);

  SqliteRepository(std::unique_ptr<sqlite::Connection> writer,
                   std::unique_ptr<sqlite::ConnectionPool> readers, std::string page_token_key,
                   size_t record_cache_entries);

  // Runs `body` on the writer inside BEGIN IMMEDIATE ... COMMIT, possibly together with
  // other callers' writes, each in its own savepoint (storage/sqlite/group_commit.h); undoes it
  // when it fails or throws, and returns once it is committed or undone. `action`, `collection` and
  // `id` (may be empty) name the work in error messages
  // ("creating", "needs", "x"); the name is only assembled when something fails. Inside an
  // AuditScope, the scope's record is appended to the same transaction (resource defaulting to
  // `collection`/`id`) unless `audited` is false.
  absl::Status Write(absl::string_view action, absl::string_view collection, absl::string_view id,
                     absl::FunctionRef<absl::Status(sqlite::Connection&)> body,
                     bool audited = true);
  // Runs `body` on a borrowed reader, turning exceptions into a status.
  absl::Status Read(absl::string_view action, absl::string_view collection, absl::string_view id,
                    absl::FunctionRef<absl::Status(sqlite::Connection&)> body);

  // The shared shape of create, get, replace, list and batch create; `Rows` is one of the
  // *Rows classes.
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> CreateRecord(const typename Rows::Record& input,
                                                     RequestKey key);
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> GetRecord(absl::string_view id);
  // The cache of `Rows`' records, or null for kinds that are not cached.
  template <typename Rows>
  RecordCache<typename Rows::Record>* CacheOf();
  template <typename Rows>
  absl::StatusOr<typename Rows::Record> ReplaceRecord(const typename Rows::Record& input,
                                                      int64_t expected_revision);
  template <typename Rows>
  absl::StatusOr<Page<typename Rows::Record>> ListRecords(const ListQuery& query);
  template <typename Rows>
  absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>> CreateRecords(
      const std::vector<typename Rows::Record>& inputs);

  // The one writer connection; writes that queue up while one commits share the next commit.
  std::unique_ptr<sqlite::GroupCommit> writer_;
  std::unique_ptr<sqlite::ConnectionPool> readers_;
  const std::string page_token_key_;  // Read once at open: it never changes.
  // A replaced record is invalidated after its transaction ends (ReplaceRecord, the only path
  // that changes a stored need or offering; creates add records no cache can hold yet).
  RecordCache<Need> need_cache_;
  RecordCache<Offering> offering_cache_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_SQLITE_SQLITE_REPOSITORY_H_
