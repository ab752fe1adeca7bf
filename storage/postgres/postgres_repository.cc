#include "storage/postgres/postgres_repository.h"

#include <sys/random.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "storage/audit_scope.h"
#include "storage/codec.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/industry_rows.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/request_id_rows.h"
#include "storage/postgres/thesaurus_rows.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage {

using postgres::Connection;
using postgres::ConnectionPool;
using postgres::IndustryRows;
using postgres::Isolation;
using postgres::Params;
using postgres::RequestIdRows;
using postgres::Result;
using postgres::StatusFor;
using postgres::ThesaurusRows;

namespace {

constexpr size_t kPageTokenKeyBytes = 32;
// PostgreSQL's default max_connections is 100, shared by every server on the database.
constexpr int kMaxConnections = 100;

std::string NameOf(absl::string_view collection, absl::string_view id) {
  return id.empty() ? std::string(collection) : ResourceName(collection, id);
}

absl::Status NotFound(absl::string_view collection, absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(NameOf(collection, id), " not found"));
}

// What a method whose table family is not stored here yet answers.
absl::Status NotYet(absl::string_view method) {
  return absl::UnimplementedError(
      absl::StrCat("PostgresRepository::", method, " is not implemented yet"));
}

// The page-token key, created with OS randomness by whichever server opens the database first.
absl::StatusOr<std::string> EnsurePageTokenKey(ConnectionPool& pool) {
  std::string fresh(kPageTokenKeyBytes, '\0');
  if (getrandom(fresh.data(), fresh.size(), 0) != static_cast<ssize_t>(fresh.size())) {
    return absl::InternalError("cannot read random bytes for the page-token key");
  }
  std::string key;
  TM_RETURN_IF_ERROR(postgres::RunTransaction(
      pool, Isolation::kReadCommitted, /*read_only=*/false, [&](Connection& c) -> absl::Status {
        // Two servers opening a new database at once both insert; the second finds the first's.
        TM_RETURN_IF_ERROR(c.Exec("INSERT INTO meta (key, value) VALUES ('page_token_key', $1) "
                                  "ON CONFLICT (key) DO NOTHING",
                                  Params().Bytes(fresh))
                               .status());
        TM_ASSIGN_OR_RETURN(Result stored,
                            c.Exec("SELECT value FROM meta WHERE key = 'page_token_key'"));
        key = stored.rows() == 1 ? stored.Text(0, 0) : std::string();
        return absl::OkStatus();
      }));
  if (key.size() != kPageTokenKeyBytes) {
    return absl::DataLossError("the stored page-token key has the wrong length");
  }
  return key;
}

}  // namespace

// --- Opening --------------------------------------------------------------------------------

absl::StatusOr<std::unique_ptr<PostgresRepository>> PostgresRepository::Open(
    const std::string& uri, PostgresOptions options) {
  if (options.max_connections < 1 || options.max_connections > kMaxConnections) {
    return absl::InvalidArgumentError(absl::StrCat("max_connections must be between 1 and ",
                                                   kMaxConnections, ", got ",
                                                   options.max_connections));
  }
  if (options.record_cache_entries < 0) {
    return absl::InvalidArgumentError("record_cache_entries must not be negative");
  }
  if (options.connection_wait < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("connection_wait must not be negative");
  }
  TM_ASSIGN_OR_RETURN(std::unique_ptr<ConnectionPool> pool,
                      ConnectionPool::Open(uri, options.max_connections, options.connection_wait));
  {
    TM_ASSIGN_OR_RETURN(ConnectionPool::Lease connection, pool->Borrow());
    absl::Status migrated = postgres::ApplyMigrations(*connection);
    if (!migrated.ok()) return StatusFor(migrated, "migrating", "the database");
  }
  absl::StatusOr<std::string> key = EnsurePageTokenKey(*pool);
  if (!key.ok()) return StatusFor(key.status(), "reading", "the page-token key");
  return std::unique_ptr<PostgresRepository>(new PostgresRepository(
      std::move(pool), *std::move(key), static_cast<size_t>(options.record_cache_entries)));
}

PostgresRepository::PostgresRepository(std::unique_ptr<ConnectionPool> pool,
                                       std::string page_token_key, size_t record_cache_entries)
    : CachingRepository(record_cache_entries),
      pool_(std::move(pool)),
      page_token_key_(std::move(page_token_key)) {}

PostgresRepository::~PostgresRepository() = default;

absl::StatusOr<int> PostgresRepository::SchemaVersion() {
  int version = 0;
  TM_RETURN_IF_ERROR(Read("reading", "the schema version", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(version, postgres::SchemaVersion(c));
    return absl::OkStatus();
  }));
  return version;
}

// --- The read and write paths ---------------------------------------------------------------

absl::Status PostgresRepository::Read(absl::string_view action, absl::string_view resource,
                                      absl::FunctionRef<absl::Status(Connection&)> body) {
  // Read-only transactions in REPEATABLE READ never fail to serialize; one snapshot serves
  // every statement of the call.
  return StatusFor(
      postgres::RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/true, body),
      action, resource);
}

absl::Status PostgresRepository::Write(absl::string_view action, absl::string_view resource,
                                       absl::FunctionRef<absl::Status(Connection&)> body) {
  if (AuditScope::Current() != nullptr) {
    // The audit record must ride in the write's transaction; until audit_events is stored
    // here, an audited write is refused rather than made without its record.
    return NotYet("audited writes");
  }
  return StatusFor(
      postgres::RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/false, body),
      action, resource);
}

// --- Page tokens and reference data ---------------------------------------------------------

absl::StatusOr<std::string> PostgresRepository::PageTokenKey() { return page_token_key_; }

absl::StatusOr<bool> PostgresRepository::IndustryExists(absl::string_view code) {
  bool exists = false;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kIndustries, code), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(exists, IndustryRows::Exists(c, code));
        return absl::OkStatus();
      }));
  return exists;
}

// --- Records keyed by one id ---------------------------------------------------------------------

template <typename Rows>
absl::StatusOr<typename Rows::Record> PostgresRepository::CreateRecord(
    const typename Rows::Record& input, RequestKey key) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  Record record = input;
  record.meta.create_time = now;
  record.meta.update_time = now;
  record.meta.revision = 1;
  std::optional<Record> first;  // What an earlier call with the same request id created.
  TM_RETURN_IF_ERROR(Write(
      "creating", NameOf(Rows::kCollection, record.meta.id), [&](Connection& c) -> absl::Status {
        first.reset();  // A retried transaction starts over.
        if (!key.request_id.empty()) {
          // The request's hash comes with its AuditScope, which is not stored here yet.
          TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                              RequestIdRows::Find(c, key, /*request_hash=*/""));
          if (earlier) {
            // A retry: answer with what the first call created, create nothing.
            TM_ASSIGN_OR_RETURN(first, Rows::Find(c, *earlier));
            if (!first) return NotFound(Rows::kCollection, *earlier);
            return absl::OkStatus();
          }
        }
        TM_RETURN_IF_ERROR(Rows::Insert(c, record));
        if (!key.request_id.empty()) {
          TM_RETURN_IF_ERROR(RequestIdRows::Insert(c, key, "", record.meta.id, now_nanos));
        }
        return absl::OkStatus();
      }));
  if (first) return *std::move(first);
  return record;
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> PostgresRepository::GetRecord(absl::string_view id) {
  std::optional<typename Rows::Record> found;
  TM_RETURN_IF_ERROR(
      Read("reading", NameOf(Rows::kCollection, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(found, Rows::Find(c, id));
        return absl::OkStatus();
      }));
  if (!found) return NotFound(Rows::kCollection, id);
  return *std::move(found);
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> PostgresRepository::ReplaceRecord(
    const typename Rows::Record& input, int64_t expected_revision) {
  using Record = typename Rows::Record;
  const absl::string_view id = input.meta.id;
  const std::string name = NameOf(Rows::kCollection, id);
  Record record = input;
  record.meta.update_time = absl::Now();
  record.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write("replacing", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                        Rows::Update(c, record, expected_revision));
    if (!create_time) {
      TM_ASSIGN_OR_RETURN(const bool exists, Rows::Exists(c, id));
      if (!exists) return NotFound(Rows::kCollection, id);
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    record.meta.create_time = *create_time;
    return absl::OkStatus();
  }));
  return record;
}

// --- Industries ----------------------------------------------------------------------------------

absl::StatusOr<Industry> PostgresRepository::CreateIndustry(const Industry& industry,
                                                            RequestKey key) {
  return CreateRecord<IndustryRows>(industry, key);
}

absl::StatusOr<Industry> PostgresRepository::GetIndustry(absl::string_view code) {
  return GetRecord<IndustryRows>(code);
}

absl::StatusOr<Page<Industry>> PostgresRepository::ListIndustries(const ListQuery& query) {
  Page<Industry> page;
  TM_RETURN_IF_ERROR(Read("listing", kIndustries, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, IndustryRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

// --- Thesaurus entries ---------------------------------------------------------------------------

absl::StatusOr<ThesaurusRecord> PostgresRepository::CreateThesaurusEntry(
    const ThesaurusRecord& record, RequestKey key) {
  return CreateRecord<ThesaurusRows>(record, key);
}

absl::StatusOr<ThesaurusRecord> PostgresRepository::GetThesaurusEntry(absl::string_view id) {
  return GetRecord<ThesaurusRows>(id);
}

absl::StatusOr<Page<ThesaurusRecord>> PostgresRepository::ListThesaurusEntries(
    const ThesaurusFilter& filter, const ListQuery& query) {
  Page<ThesaurusRecord> page;
  TM_RETURN_IF_ERROR(Read("listing", kThesaurusEntries, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, ThesaurusRows::List(c, filter, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<ThesaurusRecord>> PostgresRepository::AllThesaurusEntries() {
  std::vector<ThesaurusRecord> all;
  TM_RETURN_IF_ERROR(Read("listing", kThesaurusEntries, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(all, ThesaurusRows::All(c));
    return absl::OkStatus();
  }));
  return all;
}

absl::StatusOr<ThesaurusRecord> PostgresRepository::ReplaceThesaurusEntry(
    const ThesaurusRecord& record, int64_t expected_revision) {
  return ReplaceRecord<ThesaurusRows>(record, expected_revision);
}

absl::Status PostgresRepository::DeleteThesaurusEntry(absl::string_view id,
                                                      int64_t expected_revision) {
  const std::string name = NameOf(kThesaurusEntries, id);
  return Write("deleting", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(const bool deleted, ThesaurusRows::Delete(c, id, expected_revision));
    if (deleted) return absl::OkStatus();
    TM_ASSIGN_OR_RETURN(const bool exists, ThesaurusRows::Exists(c, id));
    if (!exists) return NotFound(kThesaurusEntries, id);
    return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
  });
}

// --- Not stored here yet -------------------------------------------------------------------------

absl::StatusOr<Need> PostgresRepository::GetNeedUncached(absl::string_view /*id*/) {
  return NotYet("GetNeed");
}

absl::StatusOr<Offering> PostgresRepository::GetOfferingUncached(absl::string_view /*id*/) {
  return NotYet("GetOffering");
}

absl::StatusOr<Need> PostgresRepository::ReplaceNeedUncached(const Need& /*need*/,
                                                             int64_t /*expected_revision*/) {
  return NotYet("ReplaceNeed");
}

absl::StatusOr<Offering> PostgresRepository::ReplaceOfferingUncached(
    const Offering& /*offering*/, int64_t /*expected_revision*/) {
  return NotYet("ReplaceOffering");
}

absl::StatusOr<bool> PostgresRepository::EventExists(absl::string_view /*id*/) {
  return NotYet("EventExists");
}

absl::StatusOr<std::optional<OrganizationKind>> PostgresRepository::FindOrganizationKind(
    absl::string_view /*id*/) {
  return NotYet("FindOrganizationKind");
}

absl::StatusOr<Organization> PostgresRepository::CreateOrganization(const Organization& /*org*/,
                                                                    RequestKey /*key*/) {
  return NotYet("CreateOrganization");
}

absl::StatusOr<Organization> PostgresRepository::GetOrganization(absl::string_view /*id*/) {
  return NotYet("GetOrganization");
}

absl::StatusOr<Page<Organization>> PostgresRepository::ListOrganizations(
    const ListQuery& /*query*/) {
  return NotYet("ListOrganizations");
}

absl::StatusOr<Organization> PostgresRepository::ReplaceOrganization(
    const Organization& /*org*/, int64_t /*expected_revision*/) {
  return NotYet("ReplaceOrganization");
}

absl::StatusOr<Event> PostgresRepository::CreateEvent(const Event& /*event*/, RequestKey /*key*/) {
  return NotYet("CreateEvent");
}

absl::StatusOr<Event> PostgresRepository::GetEvent(absl::string_view /*id*/) {
  return NotYet("GetEvent");
}

absl::StatusOr<Page<Event>> PostgresRepository::ListEvents(const ListQuery& /*query*/) {
  return NotYet("ListEvents");
}

absl::StatusOr<Event> PostgresRepository::ReplaceEvent(const Event& /*event*/,
                                                       int64_t /*expected_revision*/) {
  return NotYet("ReplaceEvent");
}

absl::StatusOr<Participant> PostgresRepository::RegisterParticipant(
    absl::string_view /*event_id*/, absl::string_view /*organization_id*/,
    const RegistrationOptions& /*options*/) {
  return NotYet("RegisterParticipant");
}

absl::StatusOr<std::optional<Participant>> PostgresRepository::FindParticipant(
    absl::string_view /*event_id*/, absl::string_view /*organization_id*/) {
  return NotYet("FindParticipant");
}

absl::StatusOr<Page<Participant>> PostgresRepository::ListParticipants(
    absl::string_view /*event_id*/, const ListQuery& /*query*/) {
  return NotYet("ListParticipants");
}

absl::StatusOr<Need> PostgresRepository::CreateNeed(const Need& /*need*/, RequestKey /*key*/) {
  return NotYet("CreateNeed");
}

absl::StatusOr<Page<Need>> PostgresRepository::ListNeeds(const ListQuery& /*query*/) {
  return NotYet("ListNeeds");
}

absl::StatusOr<std::vector<absl::StatusOr<Need>>> PostgresRepository::CreateNeeds(
    const std::vector<Need>& /*needs*/) {
  return NotYet("CreateNeeds");
}

absl::StatusOr<Offering> PostgresRepository::CreateOffering(const Offering& /*offering*/,
                                                            RequestKey /*key*/) {
  return NotYet("CreateOffering");
}

absl::StatusOr<Page<Offering>> PostgresRepository::ListOfferings(const ListQuery& /*query*/) {
  return NotYet("ListOfferings");
}

absl::StatusOr<std::vector<absl::StatusOr<Offering>>> PostgresRepository::CreateOfferings(
    const std::vector<Offering>& /*offerings*/) {
  return NotYet("CreateOfferings");
}

absl::StatusOr<MeetingPlan> PostgresRepository::GetMeetingPlan(absl::string_view /*event_id*/) {
  return NotYet("GetMeetingPlan");
}

absl::StatusOr<MeetingPlan> PostgresRepository::PutMeetingPlan(const MeetingPlan& /*plan*/,
                                                               int64_t /*expected_revision*/) {
  return NotYet("PutMeetingPlan");
}

absl::StatusOr<MeetingRequest> PostgresRepository::CreateMeetingRequest(
    const MeetingRequest& /*request*/, RequestKey /*key*/) {
  return NotYet("CreateMeetingRequest");
}

absl::StatusOr<MeetingRequest> PostgresRepository::GetMeetingRequest(absl::string_view /*event_id*/,
                                                                     absl::string_view /*id*/) {
  return NotYet("GetMeetingRequest");
}

absl::StatusOr<Page<MeetingRequest>> PostgresRepository::ListMeetingRequests(
    absl::string_view /*event_id*/, const ListQuery& /*query*/) {
  return NotYet("ListMeetingRequests");
}

absl::StatusOr<MeetingRequest> PostgresRepository::ReplaceMeetingRequest(
    const MeetingRequest& /*request*/, int64_t /*expected_revision*/) {
  return NotYet("ReplaceMeetingRequest");
}

absl::StatusOr<Meeting> PostgresRepository::GetMeeting(absl::string_view /*event_id*/,
                                                       absl::string_view /*id*/) {
  return NotYet("GetMeeting");
}

absl::StatusOr<Meeting> PostgresRepository::ReplaceMeeting(const Meeting& /*meeting*/,
                                                           int64_t /*expected_revision*/) {
  return NotYet("ReplaceMeeting");
}

absl::StatusOr<FairScheduleInput> PostgresRepository::ReadFairScheduleInput(
    absl::string_view /*event_id*/) {
  return NotYet("ReadFairScheduleInput");
}

absl::Status PostgresRepository::ReplaceSchedule(absl::string_view /*event_id*/,
                                                 int64_t /*plan_revision*/,
                                                 const std::vector<Meeting>& /*meetings*/) {
  return NotYet("ReplaceSchedule");
}

absl::StatusOr<std::vector<MeetingDetails>> PostgresRepository::ListMeetings(
    absl::string_view /*event_id*/, absl::string_view /*organization_id*/) {
  return NotYet("ListMeetings");
}

absl::StatusOr<Agreement> PostgresRepository::CreateAgreement(const Agreement& /*agreement*/,
                                                              RequestKey /*key*/) {
  return NotYet("CreateAgreement");
}

absl::StatusOr<Agreement> PostgresRepository::GetAgreement(absl::string_view /*id*/) {
  return NotYet("GetAgreement");
}

absl::StatusOr<Page<Agreement>> PostgresRepository::ListAgreements(const ListQuery& /*query*/) {
  return NotYet("ListAgreements");
}

absl::StatusOr<Agreement> PostgresRepository::ReplaceAgreement(
    const Agreement& /*agreement*/, int64_t /*expected_revision*/,
    const std::vector<AmountChange>& /*changes*/) {
  return NotYet("ReplaceAgreement");
}

absl::StatusOr<std::vector<AmountChange>> PostgresRepository::GetAgreementHistory(
    absl::string_view /*id*/) {
  return NotYet("GetAgreementHistory");
}

absl::Status PostgresRepository::ExportAgreements(
    const std::vector<FilterTerm>& /*filter*/, const ReadScope& /*scope*/,
    absl::FunctionRef<absl::Status(const Agreement&)> /*sink*/) {
  return NotYet("ExportAgreements");
}

absl::StatusOr<AgreementReport> PostgresRepository::SummarizeAgreements(
    const std::vector<FilterTerm>& /*filter*/, const std::vector<GroupDimension>& /*group_by*/,
    const SummaryOptions& /*options*/) {
  return NotYet("SummarizeAgreements");
}

absl::StatusOr<EventFigures> PostgresRepository::GetEventFigures(absl::string_view /*event_id*/) {
  return NotYet("GetEventFigures");
}

absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>>
PostgresRepository::FindOrganizationFacts(absl::string_view /*id*/) {
  return NotYet("FindOrganizationFacts");
}

absl::Status PostgresRepository::CreateApiKey(const ApiKey& /*key*/) {
  return NotYet("CreateApiKey");
}

absl::StatusOr<std::optional<ApiKey>> PostgresRepository::FindApiKey(absl::string_view /*key_id*/) {
  return NotYet("FindApiKey");
}

absl::StatusOr<std::vector<ApiKey>> PostgresRepository::ListApiKeys() {
  return NotYet("ListApiKeys");
}

absl::StatusOr<ApiKey> PostgresRepository::RevokeApiKey(absl::string_view /*key_id*/) {
  return NotYet("RevokeApiKey");
}

absl::StatusOr<User> PostgresRepository::CreateUserFromInvitation(
    const User& /*user*/, absl::string_view /*invitation_id*/) {
  return NotYet("CreateUserFromInvitation");
}

absl::StatusOr<User> PostgresRepository::GetUser(absl::string_view /*id*/) {
  return NotYet("GetUser");
}

absl::StatusOr<std::optional<User>> PostgresRepository::FindUserByEmail(
    absl::string_view /*email*/) {
  return NotYet("FindUserByEmail");
}

absl::StatusOr<Page<User>> PostgresRepository::ListUsers(const ListQuery& /*query*/) {
  return NotYet("ListUsers");
}

absl::StatusOr<User> PostgresRepository::ReplaceUser(const User& /*user*/,
                                                     int64_t /*expected_revision*/) {
  return NotYet("ReplaceUser");
}

absl::Status PostgresRepository::CreateSession(const Session& /*session*/) {
  return NotYet("CreateSession");
}

absl::StatusOr<std::optional<Repository::SessionAndUser>> PostgresRepository::FindSession(
    absl::string_view /*id*/) {
  return NotYet("FindSession");
}

absl::StatusOr<Page<Session>> PostgresRepository::ListSessions(absl::string_view /*user_id*/,
                                                               const ListQuery& /*query*/) {
  return NotYet("ListSessions");
}

absl::StatusOr<Session> PostgresRepository::RevokeSession(absl::string_view /*user_id*/,
                                                          absl::string_view /*id*/) {
  return NotYet("RevokeSession");
}

absl::Status PostgresRepository::TouchSession(absl::string_view /*id*/, absl::Time /*time*/) {
  return NotYet("TouchSession");
}

absl::Status PostgresRepository::CreateInvitation(const Invitation& /*invitation*/) {
  return NotYet("CreateInvitation");
}

absl::StatusOr<std::optional<Invitation>> PostgresRepository::FindInvitation(
    absl::string_view /*id*/) {
  return NotYet("FindInvitation");
}

absl::StatusOr<Application> PostgresRepository::CreateApplication(
    const Application& /*application*/, RequestKey /*key*/) {
  return NotYet("CreateApplication");
}

absl::StatusOr<Application> PostgresRepository::GetApplication(absl::string_view /*id*/) {
  return NotYet("GetApplication");
}

absl::StatusOr<Page<Application>> PostgresRepository::ListApplications(const ListQuery& /*query*/) {
  return NotYet("ListApplications");
}

absl::StatusOr<Application> PostgresRepository::ReviewApplication(
    const Application& /*application*/, int64_t /*expected_revision*/,
    const std::optional<Organization>& /*organization*/,
    const std::optional<Invitation>& /*invitation*/) {
  return NotYet("ReviewApplication");
}

absl::Status PostgresRepository::AppendAuditEvent(const AuditEvent& /*event*/) {
  return NotYet("AppendAuditEvent");
}

absl::StatusOr<Page<AuditEvent>> PostgresRepository::ListAuditEvents(const ListQuery& /*query*/) {
  return NotYet("ListAuditEvents");
}

absl::StatusOr<AuditVerification> PostgresRepository::VerifyAuditTrail(
    const std::vector<AuditKey>& /*keys*/) {
  return NotYet("VerifyAuditTrail");
}

absl::StatusOr<std::optional<std::string>> PostgresRepository::FindNeedEnterprise(
    absl::string_view /*id*/) {
  return NotYet("FindNeedEnterprise");
}

absl::StatusOr<std::optional<std::string>> PostgresRepository::FindOfferingInstitute(
    absl::string_view /*id*/) {
  return NotYet("FindOfferingInstitute");
}
}  // namespace techmatch::storage
