#include "storage/postgres/postgres_repository.h"

#include <sys/random.h>

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "storage/audit_scope.h"
#include "storage/codec.h"
#include "storage/postgres/agreement_rows.h"
#include "storage/postgres/api_key_rows.h"
#include "storage/postgres/application_rows.h"
#include "storage/postgres/audit_linker.h"
#include "storage/postgres/audit_rows.h"
#include "storage/postgres/change_feed.h"
#include "storage/postgres/commissioner_rows.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/event_rows.h"
#include "storage/postgres/financing_rows.h"
#include "storage/postgres/group_commit.h"
#include "storage/postgres/indicator_rows.h"
#include "storage/postgres/industry_rows.h"
#include "storage/postgres/invitation_rows.h"
#include "storage/postgres/meeting_rows.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/need_rows.h"
#include "storage/postgres/observation_rows.h"
#include "storage/postgres/offering_rows.h"
#include "storage/postgres/organization_rows.h"
#include "storage/postgres/participant_rows.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/programme_report_rows.h"
#include "storage/postgres/project_rows.h"
#include "storage/postgres/reachability_check.h"
#include "storage/postgres/record_figure_rows.h"
#include "storage/postgres/request_id_rows.h"
#include "storage/postgres/session_rows.h"
#include "storage/postgres/table_io.h"
#include "storage/postgres/target_rows.h"
#include "storage/postgres/thesaurus_rows.h"
#include "storage/postgres/transaction.h"
#include "storage/postgres/user_rows.h"

namespace techmatch::storage {

using postgres::AgreementRows;
using postgres::ApiKeyRows;
using postgres::ApplicationRows;
using postgres::AuditRows;
using postgres::CommissionerRows;
using postgres::Connection;
using postgres::ConnectionPool;
using postgres::CountAgreementsByDemanderRegionRows;
using postgres::EventRows;
using postgres::FinancingRows;
using postgres::IndicatorRows;
using postgres::IndustryRows;
using postgres::InvitationRows;
using postgres::Isolation;
using postgres::IsRetryableSqlState;
using postgres::MeetingPlanRows;
using postgres::MeetingRequestRows;
using postgres::MeetingRows;
using postgres::NeedRows;
using postgres::ObservationRows;
using postgres::OfferingRows;
using postgres::OrganizationRows;
using postgres::Params;
using postgres::ParticipantRows;
using postgres::ProgrammeReportRows;
using postgres::ProjectRows;
using postgres::RequestIdRows;
using postgres::Result;
using postgres::SessionRows;
using postgres::SqlStateOf;
using postgres::StatusFor;
using postgres::SumRecordFigureRows;
using postgres::TargetRows;
using postgres::ThesaurusRows;
using postgres::UserRows;

namespace {

constexpr size_t kPageTokenKeyBytes = 32;
// API keys are named keys/{key_id} in messages, as on SQLite.
constexpr absl::string_view kKeys = "keys";
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

// The counter of EventFigures that participants of `kind` add to.
int64_t& ParticipantsOfKind(OrganizationKind kind, EventFigures& figures) {
  switch (kind) {
    case OrganizationKind::kEnterprise:
      return figures.enterprise_count;
    case OrganizationKind::kUniversity:
      return figures.university_count;
    case OrganizationKind::kResearchInstitute:
      return figures.research_institute_count;
    case OrganizationKind::kGovernment:
      return figures.government_count;
    case OrganizationKind::kIntermediary:
    case OrganizationKind::kFinancialInstitution:
      break;
  }
  return figures.other_count;
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
  if (options.connect_timeout < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("connect_timeout must not be negative");
  }
  // Named uniquely so the change feed can tell this process's writes from other servers'.
  std::string origin = postgres::UniqueApplicationName();
  TM_ASSIGN_OR_RETURN(std::unique_ptr<ConnectionPool> pool,
                      ConnectionPool::Open(uri, options.max_connections, options.connection_wait,
                                           options.connect_timeout, origin));
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
      std::move(pool), std::make_unique<postgres::ReachabilityCheck>(uri), *std::move(key),
      static_cast<size_t>(options.record_cache_entries), std::move(options.audit_key), uri,
      options.connect_timeout, std::move(origin)));
}

PostgresRepository::PostgresRepository(std::unique_ptr<ConnectionPool> pool,
                                       std::unique_ptr<postgres::ReachabilityCheck> reachability,
                                       std::string page_token_key, size_t record_cache_entries,
                                       std::optional<AuditKey> audit_key, std::string uri,
                                       absl::Duration connect_timeout, std::string origin)
    : CachingRepository(record_cache_entries),
      pool_(std::move(pool)),
      reachability_(std::move(reachability)),
      page_token_key_(std::move(page_token_key)),
      audit_key_(std::move(audit_key)),
      change_feed_(std::make_unique<postgres::PostgresChangeFeed>(
          *pool_, std::move(uri), connect_timeout, std::move(origin),
          [this](const RecordChange& change) {
            if (change.own) return;  // This process dropped it when it wrote it.
            if (change.kind == ChangeKind::kNeed) ForgetNeed(change.id);
            if (change.kind == ChangeKind::kOffering) ForgetOffering(change.id);
          })),
      group_commit_(std::make_unique<postgres::GroupCommit>(*pool_)),
      audit_linker_(
          std::make_unique<postgres::AuditLinker>(*pool_, audit_key_ ? &*audit_key_ : nullptr)) {}

ChangeFeed* PostgresRepository::change_feed() { return change_feed_.get(); }

PostgresRepository::~PostgresRepository() = default;

absl::StatusOr<int> PostgresRepository::SchemaVersion() {
  int version = 0;
  TM_RETURN_IF_ERROR(Read("reading", "the schema version", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(version, postgres::SchemaVersion(c));
    return absl::OkStatus();
  }));
  return version;
}

absl::StatusOr<int> PostgresRepository::CopySchemaVersion() {
  TM_ASSIGN_OR_RETURN(const int version, SchemaVersion());
  const int sqlite_version = postgres::SqliteSchemaOf(version);
  if (sqlite_version < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("PostgreSQL schema version ", version, " is unknown to this build"));
  }
  return sqlite_version;
}

absl::Status PostgresRepository::ReadTables(absl::FunctionRef<absl::Status(TableReader&)> body) {
  // Staged audit records are not copied: chained first, they are in audit_events.
  TM_RETURN_IF_ERROR(StatusFor(audit_linker_->LinkCommitted(), "linking", kAuditEvents));
  return Read("copying", "the database", [&](Connection& c) {
    postgres::TableIo tables(c);
    return body(tables);
  });
}

absl::Status PostgresRepository::WriteTables(absl::FunctionRef<absl::Status(TableWriter&)> body) {
  return Write(
      "copying into", "the database",
      [&](Connection& c) {
        postgres::TableIo tables(c);
        return body(tables);
      },
      /*audited=*/false);
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

absl::Status PostgresRepository::ReadOneStatement(
    absl::string_view action, absl::string_view resource,
    absl::FunctionRef<absl::Status(Connection&)> body) {
  return StatusFor(postgres::RunSingleRead(*pool_, body), action, resource);
}

absl::Status PostgresRepository::Write(absl::string_view action, absl::string_view resource,
                                       absl::FunctionRef<absl::Status(Connection&)> body,
                                       bool audited) {
  PendingAudit* const audit = audited ? AuditScope::Current() : nullptr;
  const auto change = [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(body(c));
    if (audit == nullptr) return absl::OkStatus();
    // Staged after the body: a body that locks a table first (LockSchedules) must run its LOCK
    // before any other statement takes the transaction's snapshot.
    AuditEvent event = audit->event;
    event.event_time = absl::Now();
    event.outcome = "OK";
    if (event.resource.empty()) event.resource = std::string(resource);
    return AuditRows::Stage(c, event);
  };
  TM_RETURN_IF_ERROR(StatusFor(group_commit_->Run(change), action, resource));
  if (audit != nullptr) {
    audit->recorded = true;
    audit_linker_->Wake();
  }
  return absl::OkStatus();
}

// --- Page tokens and reference data ---------------------------------------------------------

absl::StatusOr<std::string> PostgresRepository::PageTokenKey() { return page_token_key_; }

absl::Status PostgresRepository::CheckReachable(absl::Duration timeout) {
  return reachability_->Check(timeout);
}

absl::StatusOr<bool> PostgresRepository::IndustryExists(absl::string_view code) {
  if (known_.IndustryKnown(code)) return true;
  bool exists = false;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kIndustries, code), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(exists, IndustryRows::Exists(c, code));
        return absl::OkStatus();
      }));
  if (exists) known_.AddIndustry(code);
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
  // Every Rows::Find is one SELECT.
  TM_RETURN_IF_ERROR(ReadOneStatement("reading", NameOf(Rows::kCollection, id),
                                      [&](Connection& c) -> absl::Status {
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
  std::optional<OrganizationKind> kind = known_.OrganizationKindOf(id);
  if (kind) return kind;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kOrganizations, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(kind, OrganizationRows::FindKind(c, id));
        return absl::OkStatus();
      }));
  if (kind) known_.AddOrganization(id, *kind);
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
  if (known_.EventKnown(id)) return true;
  bool exists = false;
  TM_RETURN_IF_ERROR(Read("looking up", NameOf(kEvents, id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(exists, EventRows::Exists(c, id));
    return absl::OkStatus();
  }));
  if (exists) known_.AddEvent(id);
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

// --- Needs and offerings ------------------------------------------------------------------------

template <typename Rows>
absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>>
PostgresRepository::CreateRecords(const std::vector<typename Rows::Record>& inputs) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  std::vector<absl::StatusOr<Record>> results;
  TM_RETURN_IF_ERROR(Write("importing", Rows::kCollection, [&](Connection& c) -> absl::Status {
    results.clear();  // A retried transaction starts over.
    results.reserve(inputs.size());
    std::vector<Record> records = inputs;
    for (Record& record : records) {
      record.meta.create_time = now;
      record.meta.update_time = now;
      record.meta.revision = 1;
    }
    // Every row in one statement per table first: a round trip per table instead of several
    // per row. When that is refused, the rows are inserted again one at a time to find which.
    if (!records.empty()) {
      // Savepoints travel with the next statement (Connection::SendWithNext).
      c.SendWithNext("SAVEPOINT batch_rows");
      const absl::Status all = Rows::InsertAll(c, records);
      if (all.ok()) {
        c.SendWithNext("RELEASE SAVEPOINT batch_rows");
        for (Record& record : records) results.push_back(std::move(record));
        return absl::OkStatus();
      }
      const std::optional<std::string> state = SqlStateOf(all);
      if (state && IsRetryableSqlState(*state)) return all;
      TM_RETURN_IF_ERROR(c.Script("ROLLBACK TO SAVEPOINT batch_rows"));
    }
    for (Record& record : records) {
      // A savepoint per row: a failing row is undone alone and the batch goes on.
      c.SendWithNext("SAVEPOINT batch_row");
      const absl::Status row_status = Rows::Insert(c, record);
      if (row_status.ok()) {
        c.SendWithNext("RELEASE SAVEPOINT batch_row");
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

// --- Meetings ------------------------------------------------------------------------------------
//
// Every write to an event's plan, requests or meetings first takes LockSchedules (as its first
// statement; an audited write stages its record after the body): these writes commit
// one at a time, as on SQLite's single writer, and each checks what the previous one committed.

absl::StatusOr<MeetingPlan> PostgresRepository::GetMeetingPlan(absl::string_view event_id) {
  const std::string name = MeetingPlanName(event_id);
  std::optional<MeetingPlan> plan;
  TM_RETURN_IF_ERROR(Read("reading", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(plan, MeetingPlanRows::Find(c, event_id));
    return absl::OkStatus();
  }));
  if (!plan) return NotFound(name, "");
  return *std::move(plan);
}

absl::StatusOr<MeetingPlan> PostgresRepository::PutMeetingPlan(const MeetingPlan& input,
                                                               int64_t expected_revision) {
  MeetingPlan plan = input;
  const absl::Time now = absl::Now();
  plan.meta.update_time = now;
  const std::string name = MeetingPlanName(plan.meta.id);
  TM_RETURN_IF_ERROR(Write("storing", name, [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(postgres::LockSchedules(c));
    TM_ASSIGN_OR_RETURN(const bool event_exists, EventRows::Exists(c, plan.meta.id));
    if (!event_exists) return NotFound(kEvents, plan.meta.id);
    TM_ASSIGN_OR_RETURN(std::optional<MeetingPlan> stored, MeetingPlanRows::Find(c, plan.meta.id));
    // 0 takes whatever is stored (or nothing).
    if (expected_revision != 0 && (!stored || stored->meta.revision != expected_revision)) {
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    TM_ASSIGN_OR_RETURN(
        std::optional<Meeting> outside,
        MeetingRows::LockedOutside(c, plan.meta.id, static_cast<int>(plan.slots.size()),
                                   plan.table_count));
    if (outside) {
      return absl::FailedPreconditionError(
          absl::StrCat("locked meeting ", MeetingName(plan.meta.id, outside->meta.id),
                       " is at slot ", outside->slot + 1, ", table ", outside->table + 1,
                       ", which the new plan does not have; unlock or cancel it first"));
    }
    plan.meta.create_time = stored ? stored->meta.create_time : now;
    plan.meta.revision = stored ? stored->meta.revision + 1 : 1;
    TM_RETURN_IF_ERROR(MeetingRows::DeleteUnlocked(c, plan.meta.id));
    return MeetingPlanRows::Put(c, plan, stored.has_value());
  }));
  return plan;
}

absl::StatusOr<MeetingRequest> PostgresRepository::CreateMeetingRequest(const MeetingRequest& input,
                                                                        RequestKey key) {
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  const std::string name = MeetingRequestName(input.event_id, input.meta.id);
  const std::string request_hash = CurrentRequestHash();
  MeetingRequest request;
  TM_RETURN_IF_ERROR(Write("creating", name, [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(postgres::LockSchedules(c));
    // A retried transaction starts over.
    request = input;
    request.meta.create_time = now;
    request.meta.update_time = now;
    request.meta.revision = 1;
    if (!key.request_id.empty()) {
      TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                          RequestIdRows::Find(c, key, request_hash));
      if (earlier) {
        // A retry: answer with what the first call created or merged into.
        TM_ASSIGN_OR_RETURN(std::optional<MeetingRequest> first,
                            MeetingRequestRows::Find(c, request.event_id, *earlier));
        if (!first) return NotFound(MeetingRequestName(request.event_id, *earlier), "");
        request = *std::move(first);
        return absl::OkStatus();
      }
    }
    TM_ASSIGN_OR_RETURN(
        std::optional<MeetingRequest> existing,
        MeetingRequestRows::FindPair(c, request.event_id, request.need_id, request.offering_id));
    if (existing) {
      MeetingRequest merged = *existing;
      TM_ASSIGN_OR_RETURN(bool changed, MergeDuplicateMeetingRequest(merged, input.requested_by));
      if (changed) {
        merged.meta.update_time = now;
        TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                            MeetingRequestRows::Update(c, merged, existing->meta.revision));
        if (!stored) {
          return absl::AbortedError(absl::StrCat(
              MeetingRequestName(merged.event_id, merged.meta.id), " changed; try again"));
        }
        merged.meta.revision = existing->meta.revision + 1;
      }
      request = std::move(merged);
    } else {
      TM_ASSIGN_OR_RETURN(std::optional<MeetingRequest> same_id,
                          MeetingRequestRows::Find(c, request.event_id, request.meta.id));
      if (same_id) return absl::AlreadyExistsError(absl::StrCat(name, " already exists"));
      TM_RETURN_IF_ERROR(MeetingRequestRows::Insert(c, request));
    }
    if (!key.request_id.empty()) {
      TM_RETURN_IF_ERROR(RequestIdRows::Insert(c, key, request_hash, request.meta.id, now_nanos));
    }
    return absl::OkStatus();
  }));
  return request;
}

absl::StatusOr<MeetingRequest> PostgresRepository::GetMeetingRequest(absl::string_view event_id,
                                                                     absl::string_view id) {
  const std::string name = MeetingRequestName(event_id, id);
  std::optional<MeetingRequest> found;
  TM_RETURN_IF_ERROR(Read("reading", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(found, MeetingRequestRows::Find(c, event_id, id));
    return absl::OkStatus();
  }));
  if (!found) return NotFound(name, "");
  return *std::move(found);
}

absl::StatusOr<Page<MeetingRequest>> PostgresRepository::ListMeetingRequests(
    absl::string_view event_id, const ListQuery& query) {
  Page<MeetingRequest> page;
  TM_RETURN_IF_ERROR(Read("listing meeting requests of", NameOf(kEvents, event_id),
                          [&](Connection& c) -> absl::Status {
                            TM_ASSIGN_OR_RETURN(const bool exists, EventRows::Exists(c, event_id));
                            if (!exists) return NotFound(kEvents, event_id);
                            TM_ASSIGN_OR_RETURN(page, MeetingRequestRows::List(c, event_id, query));
                            return absl::OkStatus();
                          }));
  return page;
}

absl::StatusOr<MeetingRequest> PostgresRepository::ReplaceMeetingRequest(
    const MeetingRequest& input, int64_t expected_revision) {
  const std::string name = MeetingRequestName(input.event_id, input.meta.id);
  MeetingRequest request = input;
  request.meta.update_time = absl::Now();
  request.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write("replacing", name, [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(postgres::LockSchedules(c));
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                        MeetingRequestRows::Update(c, request, expected_revision));
    if (!create_time) {
      TM_ASSIGN_OR_RETURN(std::optional<MeetingRequest> stored,
                          MeetingRequestRows::Find(c, input.event_id, input.meta.id));
      if (!stored) return NotFound(name, "");
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    request.meta.create_time = *create_time;
    // A declined or cancelled request loses its meeting.
    if (request.state == MeetingRequestState::kDeclined ||
        request.state == MeetingRequestState::kCancelled) {
      return MeetingRows::Delete(c, request.event_id, request.meta.id);
    }
    return absl::OkStatus();
  }));
  return request;
}

absl::StatusOr<Meeting> PostgresRepository::GetMeeting(absl::string_view event_id,
                                                       absl::string_view id) {
  const std::string name = MeetingName(event_id, id);
  std::optional<Meeting> found;
  TM_RETURN_IF_ERROR(Read("reading", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(found, MeetingRows::Find(c, event_id, id));
    return absl::OkStatus();
  }));
  if (!found) return NotFound(name, "");
  return *std::move(found);
}

absl::StatusOr<Meeting> PostgresRepository::ReplaceMeeting(const Meeting& input,
                                                           int64_t expected_revision) {
  const std::string name = MeetingName(input.event_id, input.meta.id);
  Meeting meeting = input;
  meeting.meta.update_time = absl::Now();
  meeting.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write("replacing", name, [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(postgres::LockSchedules(c));
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                        MeetingRows::Update(c, meeting, expected_revision));
    if (!create_time) {
      TM_ASSIGN_OR_RETURN(std::optional<Meeting> stored,
                          MeetingRows::Find(c, input.event_id, input.meta.id));
      if (!stored) return NotFound(name, "");
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    meeting.meta.create_time = *create_time;
    return absl::OkStatus();
  }));
  return meeting;
}

absl::StatusOr<FairScheduleInput> PostgresRepository::ReadFairScheduleInput(
    absl::string_view event_id) {
  FairScheduleInput input;
  // One snapshot (Read): the plan, requests and meetings as one writer left them.
  TM_RETURN_IF_ERROR(Read(
      "reading the schedule of", NameOf(kEvents, event_id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(const bool exists, EventRows::Exists(c, event_id));
        if (!exists) return NotFound(kEvents, event_id);
        TM_ASSIGN_OR_RETURN(std::optional<MeetingPlan> plan, MeetingPlanRows::Find(c, event_id));
        if (!plan) {
          return absl::FailedPreconditionError(
              absl::StrCat(ResourceName(kEvents, event_id),
                           " has no meeting plan; set one with "
                           "UpdateMeetingPlan (techmatch meeting plan) before scheduling"));
        }
        input = FairScheduleInput();
        input.event_id = std::string(event_id);
        input.plan = *std::move(plan);
        TM_ASSIGN_OR_RETURN(input.delegates, ParticipantRows::Delegates(c, event_id));
        TM_ASSIGN_OR_RETURN(input.requests, MeetingRequestRows::Schedulable(c, event_id));
        TM_ASSIGN_OR_RETURN(input.meetings, MeetingRows::OfEvent(c, event_id));
        TM_ASSIGN_OR_RETURN(input.inactive, MeetingRequestRows::Inactive(c, event_id));
        return absl::OkStatus();
      }));
  return input;
}

absl::Status PostgresRepository::ReplaceSchedule(absl::string_view event_id, int64_t plan_revision,
                                                 const std::vector<Meeting>& meetings) {
  const absl::Time now = absl::Now();
  return Write("scheduling", NameOf(kEvents, event_id), [&](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(postgres::LockSchedules(c));
    TM_ASSIGN_OR_RETURN(std::optional<MeetingPlan> plan, MeetingPlanRows::Find(c, event_id));
    if (!plan || plan->meta.revision != plan_revision) {
      return absl::AbortedError(
          absl::StrCat(MeetingPlanName(event_id), " changed while scheduling; schedule again"));
    }
    // Locked meetings must be as the scheduler saw them.
    absl::flat_hash_map<std::string, const Meeting*> planned;
    for (const Meeting& meeting : meetings) planned[meeting.meta.id] = &meeting;
    TM_ASSIGN_OR_RETURN(std::vector<Meeting> stored_meetings, MeetingRows::OfEvent(c, event_id));
    for (const Meeting& stored : stored_meetings) {
      if (!stored.locked) continue;
      auto it = planned.find(stored.meta.id);
      if (it == planned.end() || !it->second->locked || it->second->slot != stored.slot ||
          it->second->table != stored.table) {
        return absl::AbortedError("locked meetings changed while scheduling; schedule again");
      }
    }
    TM_RETURN_IF_ERROR(MeetingRows::DeleteUnlocked(c, event_id));
    for (const Meeting& input : meetings) {
      if (input.locked) continue;
      TM_ASSIGN_OR_RETURN(std::optional<MeetingRequest> request,
                          MeetingRequestRows::Find(c, event_id, input.meta.id));
      if (!request || request->state != MeetingRequestState::kAccepted) continue;
      Meeting meeting = input;
      meeting.event_id = std::string(event_id);
      if (meeting.meta.revision == 0) meeting.meta.create_time = now;
      meeting.meta.update_time = now;
      meeting.meta.revision += 1;
      TM_RETURN_IF_ERROR(MeetingRows::Insert(c, meeting));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<MeetingDetails>> PostgresRepository::ListMeetings(
    absl::string_view event_id, absl::string_view organization_id) {
  std::vector<MeetingDetails> details;
  TM_RETURN_IF_ERROR(
      Read("listing meetings of", NameOf(kEvents, event_id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(const bool exists, EventRows::Exists(c, event_id));
        if (!exists) return NotFound(kEvents, event_id);
        TM_ASSIGN_OR_RETURN(details, MeetingRows::Details(c, event_id, organization_id));
        return absl::OkStatus();
      }));
  return details;
}

// --- Agreements ----------------------------------------------------------------------------------

absl::StatusOr<Agreement> PostgresRepository::CreateAgreement(const Agreement& agreement,
                                                              RequestKey key) {
  return CreateRecord<AgreementRows>(agreement, key);
}

absl::StatusOr<Agreement> PostgresRepository::GetAgreement(absl::string_view id) {
  return GetRecord<AgreementRows>(id);
}

absl::StatusOr<Page<Agreement>> PostgresRepository::ListAgreements(const ListQuery& query) {
  Page<Agreement> page;
  TM_RETURN_IF_ERROR(Read("listing", kAgreements, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, AgreementRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Agreement> PostgresRepository::ReplaceAgreement(
    const Agreement& input, int64_t expected_revision, const std::vector<AmountChange>& changes) {
  const absl::string_view id = input.meta.id;
  const std::string name = NameOf(kAgreements, id);
  Agreement agreement = input;
  agreement.meta.update_time = absl::Now();
  agreement.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write("replacing", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                        AgreementRows::Update(c, agreement, expected_revision));
    if (!create_time) {
      TM_ASSIGN_OR_RETURN(const bool exists, AgreementRows::Exists(c, id));
      if (!exists) return NotFound(kAgreements, id);
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    agreement.meta.create_time = *create_time;
    // The money figures' history, in the same transaction as the change.
    return AgreementRows::InsertHistory(c, id, agreement.meta.revision, changes);
  }));
  return agreement;
}

absl::StatusOr<std::vector<AmountChange>> PostgresRepository::GetAgreementHistory(
    absl::string_view id) {
  std::vector<AmountChange> history;
  TM_RETURN_IF_ERROR(
      Read("reading history of", NameOf(kAgreements, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(const bool exists, AgreementRows::Exists(c, id));
        if (!exists) return NotFound(kAgreements, id);
        TM_ASSIGN_OR_RETURN(history, AgreementRows::History(c, id));
        return absl::OkStatus();
      }));
  return history;
}

absl::Status PostgresRepository::ExportAgreements(
    const std::vector<FilterTerm>& filter, const ReadScope& scope,
    absl::FunctionRef<absl::Status(const Agreement&)> sink) {
  // One snapshot (Read): agreements written meanwhile are not half-exported. A sink's failure
  // (the client went away) ends the export; the read is not run again for it.
  return Read("exporting", kAgreements, [&](Connection& c) -> absl::Status {
    return AgreementRows::Export(c, filter, scope, sink);
  });
}

absl::StatusOr<AgreementReport> PostgresRepository::SummarizeAgreements(
    const std::vector<FilterTerm>& filter, const std::vector<GroupDimension>& group_by,
    const SummaryOptions& options) {
  AgreementReport report;
  // One snapshot: the groups and the total agree.
  TM_RETURN_IF_ERROR(Read("summarizing", kAgreements, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(report, AgreementRows::Summarize(c, filter, group_by, options));
    return absl::OkStatus();
  }));
  return report;
}

absl::StatusOr<EventFigures> PostgresRepository::GetEventFigures(absl::string_view event_id) {
  EventFigures figures;
  TM_RETURN_IF_ERROR(
      Read("summarizing", NameOf(kEvents, event_id), [&](Connection& c) -> absl::Status {
        figures = EventFigures();  // A retried transaction starts over.
        TM_ASSIGN_OR_RETURN(std::optional<std::string> name,
                            EventRows::FindDisplayName(c, event_id));
        if (!name) return NotFound(kEvents, event_id);
        figures.event_display_name = *std::move(name);
        TM_ASSIGN_OR_RETURN(figures.needs_count, NeedRows::CountAtEvent(c, event_id));
        TM_ASSIGN_OR_RETURN(figures.offerings_count, OfferingRows::CountAtEvent(c, event_id));
        TM_ASSIGN_OR_RETURN(auto by_kind, ParticipantRows::CountByKind(c, event_id));
        for (const auto& [kind, count] : by_kind) ParticipantsOfKind(kind, figures) += count;
        return AgreementRows::SummarizeEvent(c, event_id, figures);
      }));
  return figures;
}

absl::StatusOr<LedgerYearTotals> PostgresRepository::AggregateLedgerYear(absl::string_view region,
                                                                         int year) {
  LedgerYearTotals totals;
  // One snapshot: the sections and the events agree.
  TM_RETURN_IF_ERROR(
      Read("summarizing", NameOf("regions", region), [&](Connection& c) -> absl::Status {
        totals = LedgerYearTotals();  // A retried transaction starts over.
        totals.region.region_code = std::string(region);
        TM_RETURN_IF_ERROR(ProgrammeReportRows::Aggregate(c, year, totals));
        TM_ASSIGN_OR_RETURN(totals.event_ids, ProgrammeReportRows::EventsOrganizedIn(
                                                  c, region, PeriodEnd(year - 1, kWholeYear),
                                                  PeriodEnd(year, kWholeYear)));
        return absl::OkStatus();
      }));
  return totals;
}

// --- API keys ------------------------------------------------------------------------------------

absl::Status PostgresRepository::CreateApiKey(const ApiKey& key) {
  if (RoleNeedsOrganization(key.role) == key.organization_id.empty()) {
    return absl::InvalidArgumentError(
        "INSTITUTE and ENTERPRISE keys name their organization; other roles name none");
  }
  return Write("creating", NameOf(kKeys, key.key_id), [&](Connection& c) -> absl::Status {
    if (!key.organization_id.empty()) {
      TM_ASSIGN_OR_RETURN(const bool exists, OrganizationRows::Exists(c, key.organization_id));
      if (!exists) return NotFound(kOrganizations, key.organization_id);
    }
    TM_ASSIGN_OR_RETURN(std::optional<ApiKey> same_id, ApiKeyRows::Find(c, key.key_id));
    if (same_id) {
      return absl::AlreadyExistsError(absl::StrCat(NameOf(kKeys, key.key_id), " already exists"));
    }
    return ApiKeyRows::Insert(c, key);
  });
}

absl::StatusOr<std::optional<ApiKey>> PostgresRepository::FindApiKey(absl::string_view key_id) {
  std::optional<ApiKey> key;
  TM_RETURN_IF_ERROR(
      ReadOneStatement("looking up", NameOf(kKeys, key_id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(key, ApiKeyRows::Find(c, key_id));
        return absl::OkStatus();
      }));
  return key;
}

absl::StatusOr<std::vector<ApiKey>> PostgresRepository::ListApiKeys() {
  std::vector<ApiKey> keys;
  TM_RETURN_IF_ERROR(Read("listing", kKeys, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(keys, ApiKeyRows::List(c));
    return absl::OkStatus();
  }));
  return keys;
}

absl::StatusOr<ApiKey> PostgresRepository::RevokeApiKey(absl::string_view key_id) {
  std::optional<ApiKey> key;
  TM_RETURN_IF_ERROR(Write("revoking", NameOf(kKeys, key_id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(const bool revoked, ApiKeyRows::Revoke(c, key_id, absl::Now()));
    if (!revoked) return NotFound(kKeys, key_id);
    TM_ASSIGN_OR_RETURN(key, ApiKeyRows::Find(c, key_id));
    return absl::OkStatus();
  }));
  if (!key) return NotFound(kKeys, key_id);
  return *std::move(key);
}

// --- People: users, sessions, invitations, applications ------------------------------------------

absl::StatusOr<User> PostgresRepository::CreateUserFromInvitation(const User& input,
                                                                  absl::string_view invitation_id) {
  User user = input;
  const absl::Time now = absl::Now();
  user.meta.create_time = now;
  user.meta.update_time = now;
  user.meta.revision = 1;
  TM_RETURN_IF_ERROR(
      Write("creating", NameOf(kUsers, user.meta.id), [&](Connection& c) -> absl::Status {
        if (!user.organization_id.empty()) {
          TM_ASSIGN_OR_RETURN(const bool exists, OrganizationRows::Exists(c, user.organization_id));
          if (!exists) return NotFound(kOrganizations, user.organization_id);
        }
        TM_ASSIGN_OR_RETURN(std::optional<User> same_id, UserRows::Find(c, user.meta.id));
        if (same_id) {
          return absl::AlreadyExistsError(
              absl::StrCat(NameOf(kUsers, user.meta.id), " already exists"));
        }
        TM_ASSIGN_OR_RETURN(std::optional<User> same_email, UserRows::FindByEmail(c, user.email));
        if (same_email) return absl::AlreadyExistsError("a user with this email already exists");
        TM_RETURN_IF_ERROR(UserRows::Insert(c, user));
        // A concurrent acceptance of the same invitation updates the same row: one of the two
        // transactions fails to serialize, runs again and finds it accepted.
        TM_ASSIGN_OR_RETURN(const bool marked,
                            InvitationRows::MarkAccepted(c, invitation_id, user.meta.id));
        if (!marked) return absl::FailedPreconditionError("the invitation was accepted already");
        return absl::OkStatus();
      }));
  return user;
}

absl::StatusOr<User> PostgresRepository::GetUser(absl::string_view id) {
  std::optional<User> user;
  TM_RETURN_IF_ERROR(Read("reading", NameOf(kUsers, id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(user, UserRows::Find(c, id));
    return absl::OkStatus();
  }));
  if (!user) return NotFound(kUsers, id);
  return *std::move(user);
}

absl::StatusOr<std::optional<User>> PostgresRepository::FindUserByEmail(absl::string_view email) {
  std::optional<User> user;
  TM_RETURN_IF_ERROR(Read("looking up", kUsers, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(user, UserRows::FindByEmail(c, email));
    return absl::OkStatus();
  }));
  return user;
}

absl::StatusOr<Page<User>> PostgresRepository::ListUsers(const ListQuery& query) {
  Page<User> page;
  TM_RETURN_IF_ERROR(Read("listing", kUsers, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, UserRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<User> PostgresRepository::ReplaceUser(const User& input, int64_t expected_revision) {
  User user = input;
  const absl::Time now = absl::Now();
  user.meta.update_time = now;
  user.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(
      Write("updating", NameOf(kUsers, user.meta.id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::optional<User> other, UserRows::FindByEmail(c, user.email));
        if (other && other->meta.id != user.meta.id) {
          return absl::AlreadyExistsError("a user with this email already exists");
        }
        TM_ASSIGN_OR_RETURN(std::optional<User> stored, UserRows::Find(c, user.meta.id));
        if (!stored) return NotFound(kUsers, user.meta.id);
        user.meta.create_time = stored->meta.create_time;
        TM_ASSIGN_OR_RETURN(const bool updated, UserRows::Update(c, user, expected_revision));
        if (!updated) {
          return absl::AbortedError(absl::StrCat(NameOf(kUsers, user.meta.id),
                                                 " changed since it was read; read it again"));
        }
        // A disabled user is signed out everywhere, in the same transaction.
        if (user.state == UserState::kDisabled) {
          TM_RETURN_IF_ERROR(SessionRows::RevokeAll(c, user.meta.id, now));
        }
        return absl::OkStatus();
      }));
  return user;
}

absl::Status PostgresRepository::CreateSession(const Session& session) {
  return Write("creating", NameOf("sessions", session.id), [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<User> user, UserRows::Find(c, session.user_id));
    if (!user) return NotFound(kUsers, session.user_id);
    return SessionRows::Insert(c, session);
  });
}

absl::StatusOr<std::optional<Repository::SessionAndUser>> PostgresRepository::FindSession(
    absl::string_view id) {
  std::optional<SessionAndUser> found;
  // One snapshot: the session and its user as of one moment.
  TM_RETURN_IF_ERROR(Read("looking up", NameOf("sessions", id), [&](Connection& c) -> absl::Status {
    found.reset();
    TM_ASSIGN_OR_RETURN(std::optional<Session> session, SessionRows::Find(c, id));
    if (!session) return absl::OkStatus();
    TM_ASSIGN_OR_RETURN(std::optional<User> user, UserRows::Find(c, session->user_id));
    if (!user) return absl::OkStatus();
    found = SessionAndUser{*std::move(session), *std::move(user)};
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<Page<Session>> PostgresRepository::ListSessions(absl::string_view user_id,
                                                               const ListQuery& query) {
  Page<Session> page;
  TM_RETURN_IF_ERROR(
      Read("listing sessions of", NameOf(kUsers, user_id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::optional<User> user, UserRows::Find(c, user_id));
        if (!user) return NotFound(kUsers, user_id);
        TM_ASSIGN_OR_RETURN(page, SessionRows::ListOpen(c, user_id, query));
        return absl::OkStatus();
      }));
  return page;
}

absl::StatusOr<Session> PostgresRepository::RevokeSession(absl::string_view user_id,
                                                          absl::string_view id) {
  std::optional<Session> session;
  const std::string name = absl::StrCat(NameOf(kUsers, user_id), "/sessions/", id);
  TM_RETURN_IF_ERROR(Write("revoking", name, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(const bool revoked, SessionRows::Revoke(c, user_id, id, absl::Now()));
    if (!revoked) return absl::NotFoundError(absl::StrCat(name, " not found"));
    TM_ASSIGN_OR_RETURN(session, SessionRows::Find(c, id));
    return absl::OkStatus();
  }));
  if (!session) return absl::NotFoundError(absl::StrCat(name, " not found"));
  return *std::move(session);
}

absl::Status PostgresRepository::TouchSession(absl::string_view id, absl::Time time) {
  return Write(
      "touching", NameOf("sessions", id),
      [&](Connection& c) { return SessionRows::Touch(c, id, time); },
      /*audited=*/false);
}

absl::Status PostgresRepository::CreateInvitation(const Invitation& invitation) {
  return Write("creating", NameOf(kInvitations, invitation.id), [&](Connection& c) -> absl::Status {
    if (!invitation.organization_id.empty()) {
      TM_ASSIGN_OR_RETURN(const bool exists,
                          OrganizationRows::Exists(c, invitation.organization_id));
      if (!exists) return NotFound(kOrganizations, invitation.organization_id);
    }
    return InvitationRows::Insert(c, invitation);
  });
}

absl::StatusOr<std::optional<Invitation>> PostgresRepository::FindInvitation(absl::string_view id) {
  std::optional<Invitation> invitation;
  TM_RETURN_IF_ERROR(
      Read("looking up", NameOf(kInvitations, id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(invitation, InvitationRows::Find(c, id));
        return absl::OkStatus();
      }));
  return invitation;
}

absl::StatusOr<Application> PostgresRepository::CreateApplication(const Application& input,
                                                                  RequestKey key) {
  return CreateRecord<ApplicationRows>(input, key);
}

absl::StatusOr<Application> PostgresRepository::GetApplication(absl::string_view id) {
  return GetRecord<ApplicationRows>(id);
}

absl::StatusOr<Page<Application>> PostgresRepository::ListApplications(const ListQuery& query) {
  Page<Application> page;
  TM_RETURN_IF_ERROR(Read("listing", kApplications, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, ApplicationRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Application> PostgresRepository::ReviewApplication(
    const Application& input, int64_t expected_revision,
    const std::optional<Organization>& organization, const std::optional<Invitation>& invitation) {
  Application application = input;
  const absl::Time now = absl::Now();
  application.meta.update_time = now;
  application.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write(
      "reviewing", NameOf(kApplications, application.meta.id), [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::optional<Application> stored,
                            ApplicationRows::Find(c, application.meta.id));
        if (!stored) return NotFound(kApplications, application.meta.id);
        application.meta.create_time = stored->meta.create_time;
        if (organization) {
          TM_ASSIGN_OR_RETURN(const bool exists,
                              OrganizationRows::Exists(c, organization->meta.id));
          if (exists) {
            return absl::AlreadyExistsError(
                absl::StrCat(NameOf(kOrganizations, organization->meta.id), " already exists"));
          }
          Organization created = *organization;
          created.meta.create_time = now;
          created.meta.update_time = now;
          created.meta.revision = 1;
          TM_RETURN_IF_ERROR(OrganizationRows::Insert(c, created));
        }
        TM_ASSIGN_OR_RETURN(const bool updated,
                            ApplicationRows::UpdateReview(c, application, expected_revision));
        if (!updated) {
          return absl::AbortedError(absl::StrCat(NameOf(kApplications, application.meta.id),
                                                 " changed since it was read; read it again"));
        }
        if (invitation) TM_RETURN_IF_ERROR(InvitationRows::Insert(c, *invitation));
        return absl::OkStatus();
      }));
  return application;
}

// --- The programme ledger: indicators, observations, targets ----------------------------------

absl::StatusOr<Indicator> PostgresRepository::CreateIndicator(const Indicator& indicator,
                                                              RequestKey key) {
  return CreateRecord<IndicatorRows>(indicator, key);
}

absl::StatusOr<Indicator> PostgresRepository::GetIndicator(absl::string_view code) {
  return GetRecord<IndicatorRows>(code);
}

absl::StatusOr<Page<Indicator>> PostgresRepository::ListIndicators(const ListQuery& query) {
  Page<Indicator> page;
  TM_RETURN_IF_ERROR(Read("listing", kIndicators, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, IndicatorRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Observation> PostgresRepository::CreateObservation(const Observation& observation,
                                                                  RequestKey key) {
  return CreateRecord<ObservationRows>(observation, key);
}

absl::StatusOr<Observation> PostgresRepository::GetObservation(absl::string_view id) {
  return GetRecord<ObservationRows>(id);
}

absl::StatusOr<Observation> PostgresRepository::ReplaceObservation(const Observation& observation,
                                                                   int64_t expected_revision) {
  return ReplaceRecord<ObservationRows>(observation, expected_revision);
}

absl::StatusOr<Page<Observation>> PostgresRepository::ListObservations(const LedgerFilter& filter,
                                                                       const ListQuery& query) {
  Page<Observation> page;
  TM_RETURN_IF_ERROR(Read("listing", kObservations, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, ObservationRows::List(c, filter, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<Observation>> PostgresRepository::ObservationsInRegion(
    absl::string_view indicator_code, absl::string_view region, int year) {
  std::vector<Observation> observations;
  TM_RETURN_IF_ERROR(Read("listing", kObservations, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(observations, ObservationRows::InRegion(c, indicator_code, region, year));
    return absl::OkStatus();
  }));
  return observations;
}

absl::StatusOr<int64_t> PostgresRepository::SumRecordFigure(RecordFigure figure,
                                                            absl::string_view region, int year) {
  int64_t sum = 0;
  TM_RETURN_IF_ERROR(Read("summing", "ledger records", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(sum, SumRecordFigureRows(c, figure, region, year));
    return absl::OkStatus();
  }));
  return sum;
}

absl::StatusOr<std::vector<RegionFigure>> PostgresRepository::CountAgreementsByDemanderRegion(
    absl::string_view region, int year, const std::vector<AgreementKind>& kinds,
    const std::vector<AgreementState>& states) {
  std::vector<RegionFigure> figures;
  TM_RETURN_IF_ERROR(Read("counting", "agreements", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(figures,
                        CountAgreementsByDemanderRegionRows(c, region, year, kinds, states));
    return absl::OkStatus();
  }));
  return figures;
}

absl::StatusOr<Target> PostgresRepository::CreateTarget(const Target& target, RequestKey key) {
  return CreateRecord<TargetRows>(target, key);
}

absl::StatusOr<Target> PostgresRepository::GetTarget(absl::string_view id) {
  return GetRecord<TargetRows>(id);
}

absl::StatusOr<Target> PostgresRepository::ReplaceTarget(const Target& target,
                                                         int64_t expected_revision) {
  return ReplaceRecord<TargetRows>(target, expected_revision);
}

absl::StatusOr<Page<Target>> PostgresRepository::ListTargets(const LedgerFilter& filter,
                                                             const ListQuery& query) {
  Page<Target> page;
  TM_RETURN_IF_ERROR(Read("listing", kTargets, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, TargetRows::List(c, filter, query));
    return absl::OkStatus();
  }));
  return page;
}

// --- The programme ledger: projects, fund arrivals, commissioners, financings --------------------

absl::StatusOr<Project> PostgresRepository::CreateProject(const Project& project, RequestKey key) {
  return CreateRecord<ProjectRows>(project, key);
}

absl::StatusOr<Project> PostgresRepository::GetProject(absl::string_view id) {
  return GetRecord<ProjectRows>(id);
}

absl::StatusOr<Page<Project>> PostgresRepository::ListProjects(const ListQuery& query) {
  Page<Project> page;
  TM_RETURN_IF_ERROR(Read("listing", kProjects, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, ProjectRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Project> PostgresRepository::ReplaceProject(const Project& project,
                                                           int64_t expected_revision) {
  return ReplaceRecord<ProjectRows>(project, expected_revision);
}

absl::StatusOr<FundArrival> PostgresRepository::RecordFundArrival(const FundArrival& input,
                                                                  RequestKey key) {
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  FundArrival arrival;
  std::optional<FundArrival> first;  // What an earlier call with the same request id recorded.
  const std::string request_hash = CurrentRequestHash();
  TM_RETURN_IF_ERROR(Write(
      "recording a fund arrival of", NameOf(kProjects, input.project_id),
      [&](Connection& c) -> absl::Status {
        // A retried transaction starts over.
        arrival = input;
        arrival.create_time = now;
        first.reset();
        if (!key.request_id.empty()) {
          TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                              RequestIdRows::Find(c, key, request_hash));
          if (earlier) {
            // Recorded as "project/arrival".
            const size_t slash = earlier->find('/');
            if (slash != std::string::npos) {
              TM_ASSIGN_OR_RETURN(first, ProjectRows::FindArrival(c, earlier->substr(0, slash),
                                                                  earlier->substr(slash + 1)));
            }
            if (!first) return NotFound(kProjects, *earlier);
            return absl::OkStatus();
          }
        }
        TM_ASSIGN_OR_RETURN(std::optional<Project> project,
                            ProjectRows::Find(c, arrival.project_id));
        if (!project) return NotFound(kProjects, arrival.project_id);
        const int64_t revision = project->meta.revision;
        TM_RETURN_IF_ERROR(CountFundArrival(arrival, *project));
        arrival.id = FundArrivalId(project->arrival_count);
        project->meta.update_time = now;
        // A concurrent arrival that committed after this transaction's snapshot makes this
        // UPDATE fail to serialize (run again from the top), never match no row.
        TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                            ProjectRows::Update(c, *project, revision));
        if (!stored) return absl::InternalError("the project changed inside its transaction");
        TM_RETURN_IF_ERROR(ProjectRows::InsertArrival(c, arrival));
        if (!key.request_id.empty()) {
          TM_RETURN_IF_ERROR(RequestIdRows::Insert(
              c, key, request_hash, absl::StrCat(arrival.project_id, "/", arrival.id), now_nanos));
        }
        return absl::OkStatus();
      }));
  if (first) return *std::move(first);
  return arrival;
}

absl::StatusOr<Page<FundArrival>> PostgresRepository::ListFundArrivals(absl::string_view project_id,
                                                                       const ListQuery& query) {
  Page<FundArrival> page;
  TM_RETURN_IF_ERROR(
      Read("listing fund arrivals of", NameOf(kProjects, project_id),
           [&](Connection& c) -> absl::Status {
             TM_ASSIGN_OR_RETURN(const bool exists, ProjectRows::Exists(c, project_id));
             if (!exists) return NotFound(kProjects, project_id);
             TM_ASSIGN_OR_RETURN(page, ProjectRows::ListArrivals(c, project_id, query));
             return absl::OkStatus();
           }));
  return page;
}

absl::StatusOr<Commissioner> PostgresRepository::CreateCommissioner(
    const Commissioner& commissioner, RequestKey key) {
  return CreateRecord<CommissionerRows>(commissioner, key);
}

absl::StatusOr<Commissioner> PostgresRepository::GetCommissioner(absl::string_view id) {
  return GetRecord<CommissionerRows>(id);
}

absl::StatusOr<Page<Commissioner>> PostgresRepository::ListCommissioners(const ListQuery& query) {
  Page<Commissioner> page;
  TM_RETURN_IF_ERROR(Read("listing", kCommissioners, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, CommissionerRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Commissioner> PostgresRepository::ReplaceCommissioner(
    const Commissioner& commissioner, int64_t expected_revision) {
  return ReplaceRecord<CommissionerRows>(commissioner, expected_revision);
}

absl::StatusOr<Financing> PostgresRepository::CreateFinancing(const Financing& financing,
                                                              RequestKey key) {
  return CreateRecord<FinancingRows>(financing, key);
}

absl::StatusOr<Financing> PostgresRepository::GetFinancing(absl::string_view id) {
  return GetRecord<FinancingRows>(id);
}

absl::StatusOr<Page<Financing>> PostgresRepository::ListFinancings(const ListQuery& query) {
  Page<Financing> page;
  TM_RETURN_IF_ERROR(Read("listing", kFinancings, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, FinancingRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

// --- The audit trail ----------------------------------------------------------------------------

absl::Status PostgresRepository::AppendAuditEvent(const AuditEvent& event) {
  TM_RETURN_IF_ERROR(Write(
      "recording", kAuditEvents, [&](Connection& c) { return AuditRows::Stage(c, event); },
      /*audited=*/false));
  audit_linker_->Wake();
  return absl::OkStatus();
}

absl::StatusOr<Page<AuditEvent>> PostgresRepository::ListAuditEvents(const ListQuery& query) {
  TM_RETURN_IF_ERROR(StatusFor(audit_linker_->LinkCommitted(), "linking", kAuditEvents));
  Page<AuditEvent> page;
  TM_RETURN_IF_ERROR(Read("listing", kAuditEvents, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(page, AuditRows::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<AuditVerification> PostgresRepository::VerifyAuditTrail(
    const std::vector<AuditKey>& keys) {
  TM_RETURN_IF_ERROR(StatusFor(audit_linker_->LinkCommitted(), "linking", kAuditEvents));
  // One snapshot (Read): records appended meanwhile are not half-seen.
  AuditVerification verification;
  TM_RETURN_IF_ERROR(Read("verifying", kAuditEvents, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(verification, AuditRows::Verify(c, keys));
    return absl::OkStatus();
  }));
  return verification;
}

}  // namespace techmatch::storage
