#include "storage/postgres/postgres_repository.h"

#include <sys/random.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "storage/audit_scope.h"
#include "storage/codec.h"
#include "storage/postgres/audit_rows.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/event_rows.h"
#include "storage/postgres/industry_rows.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/need_rows.h"
#include "storage/postgres/offering_rows.h"
#include "storage/postgres/organization_rows.h"
#include "storage/postgres/participant_rows.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/request_id_rows.h"
#include "storage/postgres/thesaurus_rows.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage {

using postgres::AuditRows;
using postgres::Connection;
using postgres::ConnectionPool;
using postgres::EventRows;
using postgres::IndustryRows;
using postgres::Isolation;
using postgres::IsRetryableSqlState;
using postgres::NeedRows;
using postgres::OfferingRows;
using postgres::OrganizationRows;
using postgres::Params;
using postgres::ParticipantRows;
using postgres::RequestIdRows;
using postgres::Result;
using postgres::SqlStateOf;
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

// The hash of the call's request (PendingAudit::request_hash): compared with the one stored
// with its request_id, so that an id reused for a different request is refused.
std::string CurrentRequestHash() {
  const PendingAudit* audit = AuditScope::Current();
  return audit != nullptr ? audit->request_hash : std::string();
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
    if (!options.audit_key) {
      absl::StatusOr<std::string> last_key_id = AuditRows::LastKeyId(*connection);
      if (!last_key_id.ok()) return StatusFor(last_key_id.status(), "reading", kAuditEvents);
      if (!last_key_id->empty()) {
        return absl::FailedPreconditionError(
            "the audit trail of the database is keyed: give the audit key's file with "
            "--audit_key_file (an unkeyed record after keyed ones would break the chain)");
      }
    }
  }
  absl::StatusOr<std::string> key = EnsurePageTokenKey(*pool);
  if (!key.ok()) return StatusFor(key.status(), "reading", "the page-token key");
  return std::unique_ptr<PostgresRepository>(new PostgresRepository(
      std::move(pool), *std::move(key), static_cast<size_t>(options.record_cache_entries),
      std::move(options.audit_key)));
}

PostgresRepository::PostgresRepository(std::unique_ptr<ConnectionPool> pool,
                                       std::string page_token_key, size_t record_cache_entries,
                                       std::optional<AuditKey> audit_key)
    : CachingRepository(record_cache_entries),
      pool_(std::move(pool)),
      page_token_key_(std::move(page_token_key)),
      audit_key_(std::move(audit_key)) {}

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
                                       absl::FunctionRef<absl::Status(Connection&)> body,
                                       bool audited) {
  PendingAudit* const audit = audited ? AuditScope::Current() : nullptr;
  const auto change = [&](Connection& c) -> absl::Status {
    if (audit == nullptr) return body(c);
    // First, before any statement takes the transaction's snapshot (AuditRows::LockChain).
    TM_RETURN_IF_ERROR(AuditRows::LockChain(c));
    TM_RETURN_IF_ERROR(body(c));
    AuditEvent event = audit->event;
    event.event_time = absl::Now();
    event.outcome = "OK";
    if (event.resource.empty()) event.resource = std::string(resource);
    return AuditRows::Append(c, std::move(event), audit_key_ ? &*audit_key_ : nullptr);
  };
  TM_RETURN_IF_ERROR(StatusFor(
      postgres::RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/false, change),
      action, resource));
  if (audit != nullptr) audit->recorded = true;
  return absl::OkStatus();
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
  const std::string request_hash = CurrentRequestHash();
  TM_RETURN_IF_ERROR(Write(
      "creating", NameOf(Rows::kCollection, record.meta.id), [&](Connection& c) -> absl::Status {
        first.reset();  // A retried transaction starts over.
        if (!key.request_id.empty()) {
          TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                              RequestIdRows::Find(c, key, request_hash));
          if (earlier) {
            // A retry: answer with what the first call created, create nothing.
            TM_ASSIGN_OR_RETURN(first, Rows::Find(c, *earlier));
            if (!first) return NotFound(Rows::kCollection, *earlier);
            return absl::OkStatus();
          }
        }
        TM_RETURN_IF_ERROR(Rows::Insert(c, record));
        if (!key.request_id.empty()) {
          TM_RETURN_IF_ERROR(
              RequestIdRows::Insert(c, key, request_hash, record.meta.id, now_nanos));
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

// --- Organizations -------------------------------------------------------------------------------

absl::StatusOr<Organization> PostgresRepository::CreateOrganization(const Organization& org,
                                                                    RequestKey key) {
  return CreateRecord<OrganizationRows>(org, key);
}

absl::StatusOr<Organization> PostgresRepository::GetOrganization(absl::string_view id) {
  return GetRecord<OrganizationRows>(id);
}

absl::StatusOr<Page<Organization>> PostgresRepository::ListOrganizations(const ListQuery& query) {
  Page<Organization> page;
  TM_RETURN_IF_ERROR(Read("listing", kOrganizations, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, OrganizationRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Organization> PostgresRepository::ReplaceOrganization(const Organization& org,
                                                                     int64_t expected_revision) {
  return ReplaceRecord<OrganizationRows>(org, expected_revision);
}

absl::StatusOr<std::optional<OrganizationKind>> PostgresRepository::FindOrganizationKind(
    absl::string_view id) {
  std::optional<OrganizationKind> kind;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kOrganizations, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(kind, OrganizationRows::FindKind(c, id));
        return absl::OkStatus();
      }));
  return kind;
}

absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>>
PostgresRepository::FindOrganizationFacts(absl::string_view id) {
  std::optional<AgreementLookup::OrganizationFacts> facts;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kOrganizations, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(facts, OrganizationRows::FindFacts(c, id));
        return absl::OkStatus();
      }));
  return facts;
}

// --- Events and participants ---------------------------------------------------------------------

absl::StatusOr<bool> PostgresRepository::EventExists(absl::string_view id) {
  bool exists = false;
  TM_RETURN_IF_ERROR(Read("looking up", NameOf(kEvents, id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(exists, EventRows::Exists(c, id));
    return absl::OkStatus();
  }));
  return exists;
}

absl::StatusOr<Event> PostgresRepository::CreateEvent(const Event& event, RequestKey key) {
  return CreateRecord<EventRows>(event, key);
}

absl::StatusOr<Event> PostgresRepository::GetEvent(absl::string_view id) {
  return GetRecord<EventRows>(id);
}

absl::StatusOr<Page<Event>> PostgresRepository::ListEvents(const ListQuery& query) {
  Page<Event> page;
  TM_RETURN_IF_ERROR(Read("listing", kEvents, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, EventRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Event> PostgresRepository::ReplaceEvent(const Event& event,
                                                       int64_t expected_revision) {
  return ReplaceRecord<EventRows>(event, expected_revision);
}

absl::StatusOr<Participant> PostgresRepository::RegisterParticipant(
    absl::string_view event_id, absl::string_view organization_id,
    const RegistrationOptions& options) {
  Participant participant;
  const std::string name =
      absl::StrCat(ResourceName(kEvents, event_id), "/", kParticipants, "/", organization_id);
  TM_RETURN_IF_ERROR(Write("registering", name, [&](Connection& c) -> absl::Status {
    // A retried transaction starts over.
    participant = Participant();
    participant.event_id = std::string(event_id);
    participant.organization_id = std::string(organization_id);
    participant.create_time = absl::Now();
    participant.delegate_count = options.delegate_count.value_or(1);
    participant.late_registration = options.late_registration;
    TM_ASSIGN_OR_RETURN(const bool event_exists, EventRows::Exists(c, event_id));
    if (!event_exists) return NotFound(kEvents, event_id);
    TM_ASSIGN_OR_RETURN(const bool organization_exists,
                        OrganizationRows::Exists(c, organization_id));
    if (!organization_exists) return NotFound(kOrganizations, organization_id);
    // Registering twice answers with the first registration, with the delegates updated.
    TM_ASSIGN_OR_RETURN(std::optional<Participant> existing,
                        ParticipantRows::Find(c, event_id, organization_id));
    if (existing) {
      participant = *std::move(existing);
      if (options.delegate_count && *options.delegate_count != participant.delegate_count) {
        TM_RETURN_IF_ERROR(
            ParticipantRows::SetDelegates(c, event_id, organization_id, *options.delegate_count));
        participant.delegate_count = *options.delegate_count;
      }
      return absl::OkStatus();
    }
    return ParticipantRows::Insert(c, participant);
  }));
  return participant;
}

absl::StatusOr<std::optional<Participant>> PostgresRepository::FindParticipant(
    absl::string_view event_id, absl::string_view organization_id) {
  std::optional<Participant> found;
  TM_RETURN_IF_ERROR(Read(
      "looking up participants of", NameOf(kEvents, event_id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(found, ParticipantRows::Find(c, event_id, organization_id));
        return absl::OkStatus();
      }));
  return found;
}

absl::StatusOr<Page<Participant>> PostgresRepository::ListParticipants(absl::string_view event_id,
                                                                       const ListQuery& query) {
  Page<Participant> page;
  TM_RETURN_IF_ERROR(Read("listing participants of", NameOf(kEvents, event_id),
                          [&](Connection& c) -> absl::Status {
                            TM_ASSIGN_OR_RETURN(const bool exists, EventRows::Exists(c, event_id));
                            if (!exists) return NotFound(kEvents, event_id);
                            TM_ASSIGN_OR_RETURN(page, ParticipantRows::List(c, event_id, query));
                            return absl::OkStatus();
                          }));
  return page;
}

// --- Needs and offerings
// --------------------------------------------------------------------------

template <typename Rows>
absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>>
PostgresRepository::CreateRecords(const std::vector<typename Rows::Record>& inputs) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  std::vector<absl::StatusOr<Record>> results;
  TM_RETURN_IF_ERROR(Write("importing", Rows::kCollection, [&](Connection& c) -> absl::Status {
    results.clear();  // A retried transaction starts over.
    results.reserve(inputs.size());
    for (const Record& input : inputs) {
      Record record = input;
      record.meta.create_time = now;
      record.meta.update_time = now;
      record.meta.revision = 1;
      // A savepoint per row: a failing row is undone alone and the batch goes on.
      TM_RETURN_IF_ERROR(c.Script("SAVEPOINT batch_row"));
      const absl::Status row_status = Rows::Insert(c, record);
      if (row_status.ok()) {
        TM_RETURN_IF_ERROR(c.Script("RELEASE SAVEPOINT batch_row"));
        results.push_back(std::move(record));
        continue;
      }
      // A failure of the transaction rather than of the row (a serialization failure, a lost
      // connection) fails the batch, and a retryable one runs it again.
      const std::optional<std::string> state = SqlStateOf(row_status);
      if (state && IsRetryableSqlState(*state)) return row_status;
      TM_RETURN_IF_ERROR(c.Script("ROLLBACK TO SAVEPOINT batch_row"));
      results.push_back(
          StatusFor(row_status, "creating", NameOf(Rows::kCollection, record.meta.id)));
    }
    return absl::OkStatus();
  }));
  return results;
}

absl::StatusOr<Need> PostgresRepository::CreateNeed(const Need& need, RequestKey key) {
  return CreateRecord<NeedRows>(need, key);
}

absl::StatusOr<Need> PostgresRepository::GetNeedUncached(absl::string_view id) {
  return GetRecord<NeedRows>(id);
}

absl::StatusOr<Page<Need>> PostgresRepository::ListNeeds(const ListQuery& query) {
  Page<Need> page;
  TM_RETURN_IF_ERROR(Read("listing", kNeeds, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, NeedRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Need> PostgresRepository::ReplaceNeedUncached(const Need& need,
                                                             int64_t expected_revision) {
  return ReplaceRecord<NeedRows>(need, expected_revision);
}

absl::StatusOr<std::vector<absl::StatusOr<Need>>> PostgresRepository::CreateNeeds(
    const std::vector<Need>& needs) {
  return CreateRecords<NeedRows>(needs);
}

absl::StatusOr<std::optional<std::string>> PostgresRepository::FindNeedEnterprise(
    absl::string_view id) {
  std::optional<std::string> enterprise;
  TM_RETURN_IF_ERROR(Read("looking up", NameOf(kNeeds, id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(enterprise, NeedRows::FindEnterprise(c, id));
    return absl::OkStatus();
  }));
  return enterprise;
}

absl::StatusOr<Offering> PostgresRepository::CreateOffering(const Offering& offering,
                                                            RequestKey key) {
  return CreateRecord<OfferingRows>(offering, key);
}

absl::StatusOr<Offering> PostgresRepository::GetOfferingUncached(absl::string_view id) {
  return GetRecord<OfferingRows>(id);
}

absl::StatusOr<Page<Offering>> PostgresRepository::ListOfferings(const ListQuery& query) {
  Page<Offering> page;
  TM_RETURN_IF_ERROR(Read("listing", kOfferings, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, OfferingRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Offering> PostgresRepository::ReplaceOfferingUncached(const Offering& offering,
                                                                     int64_t expected_revision) {
  return ReplaceRecord<OfferingRows>(offering, expected_revision);
}

absl::StatusOr<std::vector<absl::StatusOr<Offering>>> PostgresRepository::CreateOfferings(
    const std::vector<Offering>& offerings) {
  return CreateRecords<OfferingRows>(offerings);
}

absl::StatusOr<std::optional<std::string>> PostgresRepository::FindOfferingInstitute(
    absl::string_view id) {
  std::optional<std::string> institute;
  TM_RETURN_IF_ERROR(Read("looking up", NameOf(kOfferings, id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(institute, OfferingRows::FindInstitute(c, id));
    return absl::OkStatus();
  }));
  return institute;
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

absl::StatusOr<Project> PostgresRepository::CreateProject(const Project& /*project*/,
                                                          RequestKey /*key*/) {
  return NotYet("CreateProject");
}

absl::StatusOr<Project> PostgresRepository::GetProject(absl::string_view /*id*/) {
  return NotYet("GetProject");
}

absl::StatusOr<Page<Project>> PostgresRepository::ListProjects(const ListQuery& /*query*/) {
  return NotYet("ListProjects");
}

absl::StatusOr<Project> PostgresRepository::ReplaceProject(const Project& /*project*/,
                                                           int64_t /*expected_revision*/) {
  return NotYet("ReplaceProject");
}

absl::StatusOr<FundArrival> PostgresRepository::RecordFundArrival(const FundArrival& /*arrival*/,
                                                                  RequestKey /*key*/) {
  return NotYet("RecordFundArrival");
}

absl::StatusOr<Page<FundArrival>> PostgresRepository::ListFundArrivals(
    absl::string_view /*project_id*/, const ListQuery& /*query*/) {
  return NotYet("ListFundArrivals");
}

absl::StatusOr<Commissioner> PostgresRepository::CreateCommissioner(
    const Commissioner& /*commissioner*/, RequestKey /*key*/) {
  return NotYet("CreateCommissioner");
}

absl::StatusOr<Commissioner> PostgresRepository::GetCommissioner(absl::string_view /*id*/) {
  return NotYet("GetCommissioner");
}

absl::StatusOr<Page<Commissioner>> PostgresRepository::ListCommissioners(
    const ListQuery& /*query*/) {
  return NotYet("ListCommissioners");
}

absl::StatusOr<Commissioner> PostgresRepository::ReplaceCommissioner(
    const Commissioner& /*commissioner*/, int64_t /*expected_revision*/) {
  return NotYet("ReplaceCommissioner");
}

absl::StatusOr<Financing> PostgresRepository::CreateFinancing(const Financing& /*financing*/,
                                                              RequestKey /*key*/) {
  return NotYet("CreateFinancing");
}

absl::StatusOr<Financing> PostgresRepository::GetFinancing(absl::string_view /*id*/) {
  return NotYet("GetFinancing");
}

absl::StatusOr<Page<Financing>> PostgresRepository::ListFinancings(const ListQuery& /*query*/) {
  return NotYet("ListFinancings");
}

absl::StatusOr<Indicator> PostgresRepository::CreateIndicator(const Indicator& /*indicator*/,
                                                              RequestKey /*key*/) {
  return NotYet("CreateIndicator");
}

absl::StatusOr<Indicator> PostgresRepository::GetIndicator(absl::string_view /*code*/) {
  return NotYet("GetIndicator");
}

absl::StatusOr<Page<Indicator>> PostgresRepository::ListIndicators(const ListQuery& /*query*/) {
  return NotYet("ListIndicators");
}

absl::StatusOr<Observation> PostgresRepository::CreateObservation(
    const Observation& /*observation*/, RequestKey /*key*/) {
  return NotYet("CreateObservation");
}

absl::StatusOr<Observation> PostgresRepository::GetObservation(absl::string_view /*id*/) {
  return NotYet("GetObservation");
}

absl::StatusOr<Observation> PostgresRepository::ReplaceObservation(
    const Observation& /*observation*/, int64_t /*expected_revision*/) {
  return NotYet("ReplaceObservation");
}

absl::StatusOr<Page<Observation>> PostgresRepository::ListObservations(
    const LedgerFilter& /*filter*/, const ListQuery& /*query*/) {
  return NotYet("ListObservations");
}

absl::StatusOr<std::vector<Observation>> PostgresRepository::ObservationsInRegion(
    absl::string_view /*indicator_code*/, absl::string_view /*region*/, int /*year*/) {
  return NotYet("ObservationsInRegion");
}

absl::StatusOr<Target> PostgresRepository::CreateTarget(const Target& /*target*/,
                                                        RequestKey /*key*/) {
  return NotYet("CreateTarget");
}

absl::StatusOr<Target> PostgresRepository::GetTarget(absl::string_view /*id*/) {
  return NotYet("GetTarget");
}

absl::StatusOr<Target> PostgresRepository::ReplaceTarget(const Target& /*target*/,
                                                         int64_t /*expected_revision*/) {
  return NotYet("ReplaceTarget");
}

absl::StatusOr<Page<Target>> PostgresRepository::ListTargets(const LedgerFilter& /*filter*/,
                                                             const ListQuery& /*query*/) {
  return NotYet("ListTargets");
}

// --- The audit trail
// ------------------------------------------------------------------------------

absl::Status PostgresRepository::AppendAuditEvent(const AuditEvent& event) {
  return Write(
      "recording", kAuditEvents,
      [&](Connection& c) -> absl::Status {
        TM_RETURN_IF_ERROR(AuditRows::LockChain(c));
        return AuditRows::Append(c, event, audit_key_ ? &*audit_key_ : nullptr);
      },
      /*audited=*/false);
}

absl::StatusOr<Page<AuditEvent>> PostgresRepository::ListAuditEvents(const ListQuery& query) {
  Page<AuditEvent> page;
  TM_RETURN_IF_ERROR(Read("listing", kAuditEvents, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, AuditRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<AuditVerification> PostgresRepository::VerifyAuditTrail(
    const std::vector<AuditKey>& keys) {
  // One snapshot (Read): records appended meanwhile are not half-seen.
  AuditVerification verification;
  TM_RETURN_IF_ERROR(Read("verifying", kAuditEvents, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(verification, AuditRows::Verify(c, keys));
    return absl::OkStatus();
  }));
  return verification;
}

}  // namespace techmatch::storage
