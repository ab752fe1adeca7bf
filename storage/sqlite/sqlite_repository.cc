#include "storage/sqlite/sqlite_repository.h"

#include <sqlite3.h>
#include <sys/random.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "SQLiteCpp/Exception.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "spdlog/spdlog.h"
#include "storage/audit_scope.h"
#include "storage/codec.h"
#include "storage/sqlite/agreement_rows.h"
#include "storage/sqlite/api_key_rows.h"
#include "storage/sqlite/audit_rows.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/event_rows.h"
#include "storage/sqlite/group_commit.h"
#include "storage/sqlite/industry_rows.h"
#include "storage/sqlite/meeting_rows.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/need_rows.h"
#include "storage/sqlite/offering_rows.h"
#include "storage/sqlite/organization_rows.h"
#include "storage/sqlite/participant_rows.h"
#include "storage/sqlite/request_id_rows.h"
#include "storage/sqlite/settings_check.h"
#include "storage/sqlite/sqlite_status.h"
#include "storage/sqlite/transaction.h"

namespace techmatch::storage {

using sqlite::AgreementRows;
using sqlite::ApiKeyRows;
using sqlite::ApplyMigrations;
using sqlite::AuditRows;
using sqlite::CheckStorageSettings;
using sqlite::Connection;
using sqlite::ConnectionOptions;
using sqlite::ConnectionPool;
using sqlite::EventRows;
using sqlite::FindRequest;
using sqlite::GroupCommit;
using sqlite::IndustryRows;
using sqlite::MeetingPlanRows;
using sqlite::MeetingRequestRows;
using sqlite::MeetingRows;
using sqlite::NeedRows;
using sqlite::OfferingRows;
using sqlite::OrganizationRows;
using sqlite::ParticipantRows;
using sqlite::RecordRequest;
using sqlite::ScopedStatement;
using sqlite::StatusFromException;
using sqlite::StatusFromUnknownException;
using sqlite::Transaction;
using sqlite::TransactionMode;

namespace {

// PRAGMA mmap_size of the reader connections.
constexpr int64_t kReaderMmapBytes = int64_t{256} << 20;

constexpr int kMaxReaderConnections = 64;
constexpr size_t kPageTokenKeyBytes = 32;

std::string NameOf(absl::string_view collection, absl::string_view id) {
  return id.empty() ? std::string(collection) : ResourceName(collection, id);
}

absl::Status NotFound(absl::string_view collection, absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(ResourceName(collection, id), " not found"));
}

// Sets the journal mode, which belongs to the file: readers opened later inherit it.
absl::Status EnableWal(Connection& connection, const std::string& path) {
  ScopedStatement pragma = connection.Prepare("PRAGMA journal_mode = WAL");
  if (!pragma.Step() || pragma.Row().Text(0) != "wal") {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot use write-ahead logging on database '", path, "'"));
  }
  return absl::OkStatus();
}

// The page-token key, created with OS randomness the first time the file is opened.
absl::StatusOr<std::string> EnsurePageTokenKey(Connection& connection) {
  Transaction transaction(connection, TransactionMode::kImmediate);
  std::string key;
  {
    ScopedStatement find =
        connection.Prepare("SELECT value FROM meta WHERE key = 'page_token_key'");
    if (find.Step()) key = find.Row().Blob(0);
  }
  if (key.size() != kPageTokenKeyBytes) {
    key.assign(kPageTokenKeyBytes, '\0');
    if (getrandom(key.data(), key.size(), 0) != static_cast<ssize_t>(key.size())) {
      return absl::InternalError("cannot read random bytes for the page-token key");
    }
    ScopedStatement insert = connection.Prepare(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('page_token_key', ?1)");
    insert.BindBlob(1, key);
    insert.Run();
  }
  transaction.Commit();
  return key;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteRepository>> SqliteRepository::Open(const std::string& path,
                                                                         SqliteOptions options) {
  if (options.reader_connections < 1 || options.reader_connections > kMaxReaderConnections) {
    return absl::InvalidArgumentError(absl::StrCat("reader_connections must be between 1 and ",
                                                   kMaxReaderConnections, ", got ",
                                                   options.reader_connections));
  }
  if (options.busy_timeout_ms < 0) {
    return absl::InvalidArgumentError("busy_timeout_ms must not be negative");
  }
  if (options.record_cache_entries < 0) {
    return absl::InvalidArgumentError("record_cache_entries must not be negative");
  }
  try {
    ConnectionOptions writer_options;
    writer_options.create = true;
    writer_options.busy_timeout_ms = options.busy_timeout_ms;
    writer_options.synchronous = options.synchronous;
    auto writer = std::make_unique<Connection>(path, writer_options);
    TM_RETURN_IF_ERROR(EnableWal(*writer, path));
    TM_RETURN_IF_ERROR(CheckStorageSettings(*writer, path));
    TM_RETURN_IF_ERROR(ApplyMigrations(*writer));
    TM_ASSIGN_OR_RETURN(std::string key, EnsurePageTokenKey(*writer));

    ConnectionOptions reader_options = writer_options;
    reader_options.create = false;
    reader_options.read_only = true;
    // A point read then copies no page: a GetNeed's pread was 4% of its server CPU
    // (bench/README.md, load section). The map is shared by the readers (the OS page cache),
    // so it adds no resident memory of its own beyond the pages touched.
    reader_options.mmap_size = kReaderMmapBytes;
    std::vector<std::unique_ptr<Connection>> readers;
    for (int i = 0; i < options.reader_connections; ++i) {
      readers.push_back(std::make_unique<Connection>(path, reader_options));
      TM_RETURN_IF_ERROR(CheckStorageSettings(*readers.back(), path));
    }
    return std::unique_ptr<SqliteRepository>(new SqliteRepository(
        std::move(writer), std::make_unique<ConnectionPool>(std::move(readers)), std::move(key),
        static_cast<size_t>(options.record_cache_entries)));
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code == SQLITE_CANTOPEN || code == SQLITE_NOTADB || code == SQLITE_PERM ||
        code == SQLITE_READONLY) {
      spdlog::error("storage: cannot open '{}': {}", path, e.what());
      return absl::FailedPreconditionError(absl::StrCat(
          "cannot open database '", path, "': not a readable and writable SQLite file"));
    }
    return StatusFromException(e, "opening", path);
  } catch (const std::exception& e) {
    return StatusFromException(e, "opening", path);
  }
}

SqliteRepository::SqliteRepository(std::unique_ptr<Connection> writer,
                                   std::unique_ptr<ConnectionPool> readers,
                                   std::string page_token_key, size_t record_cache_entries)
    : writer_(std::make_unique<GroupCommit>(std::move(writer))),
      readers_(std::move(readers)),
      page_token_key_(std::move(page_token_key)),
      need_cache_(record_cache_entries),
      offering_cache_(record_cache_entries) {}

SqliteRepository::~SqliteRepository() = default;

SqliteRepository::WriteStats SqliteRepository::CommitStats() {
  const GroupCommit::Stats stats = writer_->stats();
  return WriteStats{stats.commits, stats.writes};
}

absl::Status SqliteRepository::Write(absl::string_view action, absl::string_view collection,
                                     absl::string_view id,
                                     absl::FunctionRef<absl::Status(Connection&)> body,
                                     bool audited) {
  // Read on the calling thread: the write may run on another caller's
  // (storage/sqlite/group_commit.h).
  PendingAudit* const audit = audited ? AuditScope::Current() : nullptr;
  const auto change = [&](Connection& connection) -> absl::Status {
    TM_RETURN_IF_ERROR(body(connection));
    if (audit == nullptr) return absl::OkStatus();
    AuditEvent event = audit->event;
    event.event_time = absl::Now();
    event.outcome = "OK";
    if (event.resource.empty()) event.resource = NameOf(collection, id);
    return AuditRows::Append(connection, std::move(event));
  };
  const auto failure = [&](const std::exception* e) {
    return e != nullptr ? StatusFromException(*e, action, NameOf(collection, id))
                        : StatusFromUnknownException(action, NameOf(collection, id));
  };
  const auto committed = [&] {
    if (audit != nullptr) audit->recorded = true;
  };
  return writer_->Run(GroupCommit::Write{change, failure, committed});
}

absl::Status SqliteRepository::Read(absl::string_view action, absl::string_view collection,
                                    absl::string_view id,
                                    absl::FunctionRef<absl::Status(Connection&)> body) {
  try {
    ConnectionPool::Lease connection = readers_->Borrow();
    return body(*connection);
  } catch (const std::exception& e) {
    return StatusFromException(e, action, NameOf(collection, id));
  } catch (...) {
    return StatusFromUnknownException(action, NameOf(collection, id));
  }
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> SqliteRepository::CreateRecord(
    const typename Rows::Record& input, RequestKey key) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  Record record = input;
  record.meta.create_time = now;
  record.meta.update_time = now;
  record.meta.revision = 1;
  std::optional<Record> result;
  TM_RETURN_IF_ERROR(
      Write("creating", Rows::kCollection, record.meta.id, [&](Connection& c) -> absl::Status {
        if (!key.request_id.empty()) {
          if (std::optional<std::string> earlier = FindRequest(c, key)) {
            // A retry: answer with what the first call created, create nothing.
            result = Rows::Find(c, *earlier);
            if (!result) return NotFound(Rows::kCollection, *earlier);
            return absl::OkStatus();
          }
        }
        TM_RETURN_IF_ERROR(Rows::Insert(c, record));
        if (!key.request_id.empty()) RecordRequest(c, key, record.meta.id, now_nanos);
        return absl::OkStatus();
      }));
  // Nothing to invalidate: a record that did not exist was never cached.
  if (result) return *std::move(result);
  return record;
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> SqliteRepository::GetRecord(absl::string_view id) {
  using Record = typename Rows::Record;
  RecordCache<Record>* const cache = CacheOf<Rows>();
  typename RecordCache<Record>::Found cached;
  if (cache != nullptr) {
    cached = cache->Lookup(id);
    if (cached.record) return *cached.record;
  }
  std::optional<Record> result;
  TM_RETURN_IF_ERROR(Read("reading", Rows::kCollection, id, [&](Connection& c) {
    result = Rows::Find(c, id);
    return absl::OkStatus();
  }));
  if (!result) return NotFound(Rows::kCollection, id);
  if (cache == nullptr || !cache->enabled()) return *std::move(result);
  auto shared = std::make_shared<const Record>(*std::move(result));
  cache->Insert(cached.ticket, id, shared);
  return *shared;
}

template <typename Rows>
RecordCache<typename Rows::Record>* SqliteRepository::CacheOf() {
  if constexpr (std::is_same_v<Rows, NeedRows>) {
    return &need_cache_;
  } else if constexpr (std::is_same_v<Rows, OfferingRows>) {
    return &offering_cache_;
  } else {
    return nullptr;
  }
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> SqliteRepository::ReplaceRecord(
    const typename Rows::Record& input, int64_t expected_revision) {
  using Record = typename Rows::Record;
  Record record = input;
  record.meta.update_time = absl::Now();
  record.meta.revision = expected_revision + 1;
  const absl::Status written =
      Write("replacing", Rows::kCollection, record.meta.id, [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                            Rows::Update(c, record, expected_revision));
        if (!create_time) {
          if (!Rows::Exists(c, record.meta.id)) return NotFound(Rows::kCollection, record.meta.id);
          return absl::AbortedError(absl::StrCat(ResourceName(Rows::kCollection, record.meta.id),
                                                 " changed since it was read; read it again"));
        }
        record.meta.create_time = *create_time;
        return absl::OkStatus();
      });
  if (RecordCache<Record>* cache = CacheOf<Rows>()) cache->Invalidate(record.meta.id);
  TM_RETURN_IF_ERROR(written);
  return record;
}

template <typename Rows>
absl::StatusOr<Page<typename Rows::Record>> SqliteRepository::ListRecords(const ListQuery& query) {
  absl::StatusOr<Page<typename Rows::Record>> page;
  TM_RETURN_IF_ERROR(Read("listing", Rows::kCollection, "", [&](Connection& c) {
    page = Rows::List(c, query);
    return absl::OkStatus();
  }));
  return page;
}

template <typename Rows>
absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>> SqliteRepository::CreateRecords(
    const std::vector<typename Rows::Record>& inputs) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  std::vector<absl::StatusOr<Record>> results;
  // Nothing to invalidate, as in CreateRecord: only new records are inserted.
  TM_RETURN_IF_ERROR(Write("importing", Rows::kCollection, "", [&](Connection& c) {
    results.clear();
    results.reserve(inputs.size());
    for (const Record& input : inputs) {
      Record record = input;
      record.meta.create_time = now;
      record.meta.update_time = now;
      record.meta.revision = 1;
      // A savepoint per row: a failing row is undone alone and the batch goes on. A fault that
      // breaks the whole transaction makes RollBack throw, which fails the batch.
      sqlite::Savepoint row(c);
      absl::Status row_status;
      try {
        row_status = Rows::Insert(c, record);
      } catch (const std::exception& e) {
        row_status =
            StatusFromException(e, "creating", ResourceName(Rows::kCollection, record.meta.id));
      }
      if (row_status.ok()) {
        row.Release();
        results.push_back(std::move(record));
      } else {
        row.RollBack();
        results.push_back(std::move(row_status));
      }
    }
    return absl::OkStatus();
  }));
  return results;
}

absl::Status SqliteRepository::CreateApiKey(const ApiKey& key) {
  if (RoleNeedsOrganization(key.role) == key.organization_id.empty()) {
    return absl::InvalidArgumentError(
        "INSTITUTE and ENTERPRISE keys name their organization; other roles name none");
  }
  return Write("creating", "keys", key.key_id, [&](Connection& c) -> absl::Status {
    if (!key.organization_id.empty() && !OrganizationRows::Exists(c, key.organization_id)) {
      return NotFound(kOrganizations, key.organization_id);
    }
    if (ApiKeyRows::Find(c, key.key_id)) {
      return absl::AlreadyExistsError(absl::StrCat("keys/", key.key_id, " already exists"));
    }
    return ApiKeyRows::Insert(c, key);
  });
}

absl::StatusOr<std::optional<ApiKey>> SqliteRepository::FindApiKey(absl::string_view key_id) {
  std::optional<ApiKey> key;
  TM_RETURN_IF_ERROR(Read("looking up", "keys", key_id, [&](Connection& c) {
    key = ApiKeyRows::Find(c, key_id);
    return absl::OkStatus();
  }));
  return key;
}

absl::StatusOr<std::vector<ApiKey>> SqliteRepository::ListApiKeys() {
  std::vector<ApiKey> keys;
  TM_RETURN_IF_ERROR(Read("listing", "keys", "", [&](Connection& c) {
    keys = ApiKeyRows::List(c);
    return absl::OkStatus();
  }));
  return keys;
}

absl::StatusOr<ApiKey> SqliteRepository::RevokeApiKey(absl::string_view key_id) {
  std::optional<ApiKey> key;
  TM_RETURN_IF_ERROR(Write("revoking", "keys", key_id, [&](Connection& c) -> absl::Status {
    if (!ApiKeyRows::Revoke(c, key_id, absl::Now())) {
      return absl::NotFoundError(absl::StrCat("keys/", key_id, " not found"));
    }
    key = ApiKeyRows::Find(c, key_id);
    return absl::OkStatus();
  }));
  return *std::move(key);
}

absl::Status SqliteRepository::AppendAuditEvent(const AuditEvent& event) {
  return Write(
      "recording", "auditEvents", "", [&](Connection& c) { return AuditRows::Append(c, event); },
      /*audited=*/false);
}

absl::StatusOr<Page<AuditEvent>> SqliteRepository::ListAuditEvents(const ListQuery& query) {
  absl::StatusOr<Page<AuditEvent>> page;
  TM_RETURN_IF_ERROR(Read("listing", "auditEvents", "", [&](Connection& c) {
    page = AuditRows::List(c, query);
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<int64_t> SqliteRepository::VerifyAuditTrail() {
  absl::StatusOr<int64_t> count;
  // One snapshot: records appended meanwhile by the server are not half-seen.
  TM_RETURN_IF_ERROR(ReadSnapshot("verifying", "auditEvents", "", [&](Connection& c) {
    count = AuditRows::Verify(c);
    return absl::OkStatus();
  }));
  return count;
}

absl::StatusOr<int> SqliteRepository::SchemaVersion() {
  int version = 0;
  TM_RETURN_IF_ERROR(Read("reading", "schema version", "", [&](Connection& c) {
    version = sqlite::SchemaVersion(c);
    return absl::OkStatus();
  }));
  return version;
}

absl::StatusOr<std::string> SqliteRepository::PageTokenKey() { return page_token_key_; }

absl::StatusOr<bool> SqliteRepository::IndustryExists(absl::string_view code) {
  bool exists = false;
  TM_RETURN_IF_ERROR(Read("looking up", kIndustries, code, [&](Connection& c) {
    exists = IndustryRows::Exists(c, code);
    return absl::OkStatus();
  }));
  return exists;
}

absl::StatusOr<bool> SqliteRepository::EventExists(absl::string_view id) {
  bool exists = false;
  TM_RETURN_IF_ERROR(Read("looking up", kEvents, id, [&](Connection& c) {
    exists = EventRows::Exists(c, id);
    return absl::OkStatus();
  }));
  return exists;
}

absl::StatusOr<std::optional<OrganizationKind>> SqliteRepository::FindOrganizationKind(
    absl::string_view id) {
  std::optional<OrganizationKind> kind;
  TM_RETURN_IF_ERROR(Read("looking up", kOrganizations, id, [&](Connection& c) {
    kind = OrganizationRows::FindKind(c, id);
    return absl::OkStatus();
  }));
  return kind;
}

absl::StatusOr<Industry> SqliteRepository::CreateIndustry(const Industry& industry,
                                                          RequestKey key) {
  return CreateRecord<IndustryRows>(industry, key);
}
absl::StatusOr<Industry> SqliteRepository::GetIndustry(absl::string_view code) {
  return GetRecord<IndustryRows>(code);
}
absl::StatusOr<Page<Industry>> SqliteRepository::ListIndustries(const ListQuery& query) {
  return ListRecords<IndustryRows>(query);
}

absl::StatusOr<Organization> SqliteRepository::CreateOrganization(const Organization& org,
                                                                  RequestKey key) {
  return CreateRecord<OrganizationRows>(org, key);
}
absl::StatusOr<Organization> SqliteRepository::GetOrganization(absl::string_view id) {
  return GetRecord<OrganizationRows>(id);
}
absl::StatusOr<Page<Organization>> SqliteRepository::ListOrganizations(const ListQuery& query) {
  return ListRecords<OrganizationRows>(query);
}
absl::StatusOr<Organization> SqliteRepository::ReplaceOrganization(const Organization& org,
                                                                   int64_t expected_revision) {
  return ReplaceRecord<OrganizationRows>(org, expected_revision);
}

absl::StatusOr<Event> SqliteRepository::CreateEvent(const Event& event, RequestKey key) {
  return CreateRecord<EventRows>(event, key);
}
absl::StatusOr<Event> SqliteRepository::GetEvent(absl::string_view id) {
  return GetRecord<EventRows>(id);
}
absl::StatusOr<Page<Event>> SqliteRepository::ListEvents(const ListQuery& query) {
  return ListRecords<EventRows>(query);
}
absl::StatusOr<Event> SqliteRepository::ReplaceEvent(const Event& event,
                                                     int64_t expected_revision) {
  return ReplaceRecord<EventRows>(event, expected_revision);
}

absl::StatusOr<Participant> SqliteRepository::RegisterParticipant(
    absl::string_view event_id, absl::string_view organization_id,
    const RegistrationOptions& options) {
  Participant participant;
  participant.event_id = std::string(event_id);
  participant.organization_id = std::string(organization_id);
  participant.create_time = absl::Now();
  participant.delegate_count = options.delegate_count.value_or(1);
  participant.late_registration = options.late_registration;
  const std::string name =
      absl::StrCat(ResourceName(kEvents, event_id), "/", kParticipants, "/", organization_id);
  TM_RETURN_IF_ERROR(Write("registering", name, "", [&](Connection& c) -> absl::Status {
    if (!EventRows::Exists(c, event_id)) return NotFound(kEvents, event_id);
    if (!OrganizationRows::Exists(c, organization_id)) {
      return NotFound(kOrganizations, organization_id);
    }
    // Registering twice answers with the first registration, with the delegates updated.
    if (std::optional<Participant> existing = ParticipantRows::Find(c, event_id, organization_id)) {
      participant = *std::move(existing);
      if (options.delegate_count && *options.delegate_count != participant.delegate_count) {
        ParticipantRows::SetDelegates(c, event_id, organization_id, *options.delegate_count);
        participant.delegate_count = *options.delegate_count;
      }
      return absl::OkStatus();
    }
    return ParticipantRows::Insert(c, participant);
  }));
  return participant;
}

absl::StatusOr<std::optional<Participant>> SqliteRepository::FindParticipant(
    absl::string_view event_id, absl::string_view organization_id) {
  std::optional<Participant> participant;
  TM_RETURN_IF_ERROR(Read("looking up participants of", kEvents, event_id, [&](Connection& c) {
    participant = ParticipantRows::Find(c, event_id, organization_id);
    return absl::OkStatus();
  }));
  return participant;
}

absl::StatusOr<Page<Participant>> SqliteRepository::ListParticipants(absl::string_view event_id,
                                                                     const ListQuery& query) {
  absl::StatusOr<Page<Participant>> page;
  TM_RETURN_IF_ERROR(Read("listing participants of", kEvents, event_id, [&](Connection& c) {
    if (!EventRows::Exists(c, event_id)) {
      page = NotFound(kEvents, event_id);
    } else {
      page = ParticipantRows::List(c, event_id, query);
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<Need> SqliteRepository::CreateNeed(const Need& need, RequestKey key) {
  return CreateRecord<NeedRows>(need, key);
}
absl::StatusOr<Need> SqliteRepository::GetNeed(absl::string_view id) {
  return GetRecord<NeedRows>(id);
}
absl::StatusOr<Page<Need>> SqliteRepository::ListNeeds(const ListQuery& query) {
  return ListRecords<NeedRows>(query);
}
absl::StatusOr<Need> SqliteRepository::ReplaceNeed(const Need& need, int64_t expected_revision) {
  return ReplaceRecord<NeedRows>(need, expected_revision);
}
absl::StatusOr<std::vector<absl::StatusOr<Need>>> SqliteRepository::CreateNeeds(
    const std::vector<Need>& needs) {
  return CreateRecords<NeedRows>(needs);
}

absl::StatusOr<Offering> SqliteRepository::CreateOffering(const Offering& offering,
                                                          RequestKey key) {
  return CreateRecord<OfferingRows>(offering, key);
}
absl::StatusOr<Offering> SqliteRepository::GetOffering(absl::string_view id) {
  return GetRecord<OfferingRows>(id);
}
absl::StatusOr<Page<Offering>> SqliteRepository::ListOfferings(const ListQuery& query) {
  return ListRecords<OfferingRows>(query);
}
absl::StatusOr<Offering> SqliteRepository::ReplaceOffering(const Offering& offering,
                                                           int64_t expected_revision) {
  return ReplaceRecord<OfferingRows>(offering, expected_revision);
}
absl::StatusOr<std::vector<absl::StatusOr<Offering>>> SqliteRepository::CreateOfferings(
    const std::vector<Offering>& offerings) {
  return CreateRecords<OfferingRows>(offerings);
}

absl::Status SqliteRepository::ReadSnapshot(absl::string_view action, absl::string_view collection,
                                            absl::string_view id,
                                            absl::FunctionRef<absl::Status(Connection&)> body) {
  return Read(action, collection, id, [&](Connection& c) -> absl::Status {
    Transaction snapshot(c, TransactionMode::kDeferred);
    const absl::Status status = body(c);
    // A read transaction has nothing to keep: ending it either way releases the snapshot.
    snapshot.Commit();
    return status;
  });
}

absl::StatusOr<MeetingPlan> SqliteRepository::GetMeetingPlan(absl::string_view event_id) {
  std::optional<MeetingPlan> plan;
  TM_RETURN_IF_ERROR(ReadSnapshot("reading", kEvents, event_id, [&](Connection& c) {
    plan = MeetingPlanRows::Find(c, event_id);
    return absl::OkStatus();
  }));
  if (!plan) return absl::NotFoundError(absl::StrCat(MeetingPlanName(event_id), " not found"));
  return *std::move(plan);
}

absl::StatusOr<MeetingPlan> SqliteRepository::PutMeetingPlan(const MeetingPlan& input,
                                                             int64_t expected_revision) {
  MeetingPlan plan = input;
  const absl::Time now = absl::Now();
  plan.meta.update_time = now;
  TM_RETURN_IF_ERROR(
      Write("storing", MeetingPlanName(plan.meta.id), "", [&](Connection& c) -> absl::Status {
        if (!EventRows::Exists(c, plan.meta.id)) return NotFound(kEvents, plan.meta.id);
        std::optional<MeetingPlan> stored = MeetingPlanRows::Find(c, plan.meta.id);
        if (expected_revision != 0 && (!stored || stored->meta.revision != expected_revision)) {
          return absl::AbortedError(absl::StrCat(MeetingPlanName(plan.meta.id),
                                                 " changed since it was read; read it again"));
        }
        if (std::optional<Meeting> outside = MeetingRows::LockedOutside(
                c, plan.meta.id, static_cast<int>(plan.slots.size()), plan.table_count)) {
          return absl::FailedPreconditionError(
              absl::StrCat("locked meeting ", MeetingName(plan.meta.id, outside->meta.id),
                           " is at slot ", outside->slot + 1, ", table ", outside->table + 1,
                           ", which the new plan does not have; unlock or cancel it first"));
        }
        plan.meta.create_time = stored ? stored->meta.create_time : now;
        plan.meta.revision = stored ? stored->meta.revision + 1 : 1;
        MeetingRows::DeleteUnlocked(c, plan.meta.id);
        return MeetingPlanRows::Put(c, plan, stored.has_value());
      }));
  return plan;
}

absl::StatusOr<MeetingRequest> SqliteRepository::CreateMeetingRequest(const MeetingRequest& input,
                                                                      RequestKey key) {
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  MeetingRequest request = input;
  request.meta.create_time = now;
  request.meta.update_time = now;
  request.meta.revision = 1;
  const std::string name = MeetingRequestName(request.event_id, request.meta.id);
  TM_RETURN_IF_ERROR(Write("creating", name, "", [&](Connection& c) -> absl::Status {
    if (!key.request_id.empty()) {
      if (std::optional<std::string> earlier = FindRequest(c, key)) {
        std::optional<MeetingRequest> found =
            MeetingRequestRows::Find(c, request.event_id, *earlier);
        if (!found)
          return absl::NotFoundError(
              absl::StrCat(MeetingRequestName(request.event_id, *earlier), " not found"));
        request = *std::move(found);
        return absl::OkStatus();
      }
    }
    if (std::optional<MeetingRequest> existing = MeetingRequestRows::FindPair(
            c, request.event_id, request.need_id, request.offering_id)) {
      MeetingRequest merged = *existing;
      TM_ASSIGN_OR_RETURN(bool changed, MergeDuplicateMeetingRequest(merged, input.requested_by));
      if (changed) {
        merged.meta.update_time = now;
        TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                            MeetingRequestRows::Update(c, merged, existing->meta.revision));
        if (!stored)
          return absl::AbortedError(absl::StrCat(
              MeetingRequestName(merged.event_id, merged.meta.id), " changed; try again"));
        merged.meta.revision = existing->meta.revision + 1;
      }
      request = std::move(merged);
    } else {
      if (MeetingRequestRows::Find(c, request.event_id, request.meta.id)) {
        return absl::AlreadyExistsError(absl::StrCat(name, " already exists"));
      }
      TM_RETURN_IF_ERROR(MeetingRequestRows::Insert(c, request));
    }
    if (!key.request_id.empty()) RecordRequest(c, key, request.meta.id, now_nanos);
    return absl::OkStatus();
  }));
  return request;
}

absl::StatusOr<MeetingRequest> SqliteRepository::GetMeetingRequest(absl::string_view event_id,
                                                                   absl::string_view id) {
  std::optional<MeetingRequest> request;
  TM_RETURN_IF_ERROR(Read("reading", MeetingRequestName(event_id, id), "", [&](Connection& c) {
    request = MeetingRequestRows::Find(c, event_id, id);
    return absl::OkStatus();
  }));
  if (!request) {
    return absl::NotFoundError(absl::StrCat(MeetingRequestName(event_id, id), " not found"));
  }
  return *std::move(request);
}

absl::StatusOr<Page<MeetingRequest>> SqliteRepository::ListMeetingRequests(
    absl::string_view event_id, const ListQuery& query) {
  absl::StatusOr<Page<MeetingRequest>> page;
  TM_RETURN_IF_ERROR(Read("listing meeting requests of", kEvents, event_id, [&](Connection& c) {
    if (!EventRows::Exists(c, event_id)) {
      page = NotFound(kEvents, event_id);
    } else {
      page = MeetingRequestRows::List(c, event_id, query);
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<MeetingRequest> SqliteRepository::ReplaceMeetingRequest(const MeetingRequest& input,
                                                                       int64_t expected_revision) {
  MeetingRequest request = input;
  request.meta.update_time = absl::Now();
  request.meta.revision = expected_revision + 1;
  const std::string name = MeetingRequestName(request.event_id, request.meta.id);
  TM_RETURN_IF_ERROR(Write("replacing", name, "", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                        MeetingRequestRows::Update(c, request, expected_revision));
    if (!stored) {
      if (!MeetingRequestRows::Find(c, request.event_id, request.meta.id)) {
        return absl::NotFoundError(absl::StrCat(name, " not found"));
      }
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    if (request.state == MeetingRequestState::kDeclined ||
        request.state == MeetingRequestState::kCancelled) {
      MeetingRows::Delete(c, request.event_id, request.meta.id);
    }
    return absl::OkStatus();
  }));
  return request;
}

absl::StatusOr<Meeting> SqliteRepository::GetMeeting(absl::string_view event_id,
                                                     absl::string_view id) {
  std::optional<Meeting> meeting;
  TM_RETURN_IF_ERROR(Read("reading", MeetingName(event_id, id), "", [&](Connection& c) {
    meeting = MeetingRows::Find(c, event_id, id);
    return absl::OkStatus();
  }));
  if (!meeting) return absl::NotFoundError(absl::StrCat(MeetingName(event_id, id), " not found"));
  return *std::move(meeting);
}

absl::StatusOr<Meeting> SqliteRepository::ReplaceMeeting(const Meeting& input,
                                                         int64_t expected_revision) {
  Meeting meeting = input;
  meeting.meta.update_time = absl::Now();
  meeting.meta.revision = expected_revision + 1;
  const std::string name = MeetingName(meeting.event_id, meeting.meta.id);
  TM_RETURN_IF_ERROR(Write("replacing", name, "", [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                        MeetingRows::Update(c, meeting, expected_revision));
    if (!stored) {
      if (!MeetingRows::Find(c, meeting.event_id, meeting.meta.id)) {
        return absl::NotFoundError(absl::StrCat(name, " not found"));
      }
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
    }
    return absl::OkStatus();
  }));
  return meeting;
}

absl::StatusOr<FairScheduleInput> SqliteRepository::ReadFairScheduleInput(
    absl::string_view event_id) {
  FairScheduleInput input;
  input.event_id = std::string(event_id);
  absl::Status found = absl::OkStatus();
  TM_RETURN_IF_ERROR(ReadSnapshot("reading the schedule of", kEvents, event_id, [&](Connection& c) {
    if (!EventRows::Exists(c, event_id)) {
      found = NotFound(kEvents, event_id);
      return absl::OkStatus();
    }
    std::optional<MeetingPlan> plan = MeetingPlanRows::Find(c, event_id);
    if (!plan) {
      found = absl::FailedPreconditionError(
          absl::StrCat(ResourceName(kEvents, event_id),
                       " has no meeting plan; set one with "
                       "UpdateMeetingPlan (techmatch meeting plan) before scheduling"));
      return absl::OkStatus();
    }
    input.plan = *std::move(plan);
    input.delegates = ParticipantRows::Delegates(c, event_id);
    input.requests = MeetingRequestRows::Schedulable(c, event_id);
    input.meetings = MeetingRows::OfEvent(c, event_id);
    input.inactive = MeetingRequestRows::Inactive(c, event_id);
    return absl::OkStatus();
  }));
  TM_RETURN_IF_ERROR(found);
  return input;
}

absl::Status SqliteRepository::ReplaceSchedule(absl::string_view event_id, int64_t plan_revision,
                                               const std::vector<Meeting>& meetings) {
  const absl::Time now = absl::Now();
  return Write("scheduling", kEvents, event_id, [&](Connection& c) -> absl::Status {
    std::optional<MeetingPlan> plan = MeetingPlanRows::Find(c, event_id);
    if (!plan || plan->meta.revision != plan_revision) {
      return absl::AbortedError(
          absl::StrCat(MeetingPlanName(event_id), " changed while scheduling; schedule again"));
    }
    // Locked meetings must be as the scheduler saw them.
    absl::flat_hash_map<std::string, const Meeting*> planned;
    for (const Meeting& meeting : meetings) planned[meeting.meta.id] = &meeting;
    for (const Meeting& stored : MeetingRows::OfEvent(c, event_id)) {
      if (!stored.locked) continue;
      auto it = planned.find(stored.meta.id);
      if (it == planned.end() || !it->second->locked || it->second->slot != stored.slot ||
          it->second->table != stored.table) {
        return absl::AbortedError(
            absl::StrCat("locked meetings changed while scheduling; ", "schedule again"));
      }
    }
    MeetingRows::DeleteUnlocked(c, event_id);
    for (const Meeting& input : meetings) {
      if (input.locked) continue;
      std::optional<MeetingRequest> request = MeetingRequestRows::Find(c, event_id, input.meta.id);
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

absl::StatusOr<std::vector<MeetingDetails>> SqliteRepository::ListMeetings(
    absl::string_view event_id, absl::string_view organization_id) {
  absl::StatusOr<std::vector<MeetingDetails>> details;
  TM_RETURN_IF_ERROR(ReadSnapshot("listing meetings of", kEvents, event_id, [&](Connection& c) {
    if (!EventRows::Exists(c, event_id)) {
      details = NotFound(kEvents, event_id);
    } else {
      details = MeetingRows::Details(c, event_id, organization_id);
    }
    return absl::OkStatus();
  }));
  return details;
}

absl::StatusOr<Agreement> SqliteRepository::CreateAgreement(const Agreement& agreement,
                                                            RequestKey key) {
  return CreateRecord<AgreementRows>(agreement, key);
}

absl::StatusOr<Agreement> SqliteRepository::GetAgreement(absl::string_view id) {
  return GetRecord<AgreementRows>(id);
}

absl::StatusOr<Page<Agreement>> SqliteRepository::ListAgreements(const ListQuery& query) {
  return ListRecords<AgreementRows>(query);
}

absl::StatusOr<Agreement> SqliteRepository::ReplaceAgreement(
    const Agreement& agreement, int64_t expected_revision,
    const std::vector<AmountChange>& changes) {
  Agreement record = agreement;
  record.meta.update_time = absl::Now();
  record.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(
      Write("replacing", kAgreements, record.meta.id, [&](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time,
                            AgreementRows::Update(c, record, expected_revision));
        if (!create_time) {
          if (!AgreementRows::Exists(c, record.meta.id)) {
            return NotFound(kAgreements, record.meta.id);
          }
          return absl::AbortedError(absl::StrCat(ResourceName(kAgreements, record.meta.id),
                                                 " changed since it was read; read it again"));
        }
        record.meta.create_time = *create_time;
        AgreementRows::InsertHistory(c, record.meta.id, record.meta.revision, changes);
        return absl::OkStatus();
      }));
  return record;
}

absl::StatusOr<std::vector<AmountChange>> SqliteRepository::GetAgreementHistory(
    absl::string_view id) {
  absl::StatusOr<std::vector<AmountChange>> history;
  TM_RETURN_IF_ERROR(ReadSnapshot("reading history of", kAgreements, id, [&](Connection& c) {
    if (!AgreementRows::Exists(c, id)) {
      history = NotFound(kAgreements, id);
    } else {
      history = AgreementRows::History(c, id);
    }
    return absl::OkStatus();
  }));
  return history;
}

absl::Status SqliteRepository::ExportAgreements(
    const std::vector<FilterTerm>& filter, absl::FunctionRef<absl::Status(const Agreement&)> sink) {
  return ReadSnapshot("exporting", kAgreements, "",
                      [&](Connection& c) { return AgreementRows::Export(c, filter, sink); });
}

absl::StatusOr<AgreementReport> SqliteRepository::SummarizeAgreements(
    const std::vector<FilterTerm>& filter, const std::vector<GroupDimension>& group_by) {
  absl::StatusOr<AgreementReport> report;
  TM_RETURN_IF_ERROR(ReadSnapshot("summarizing", kAgreements, "", [&](Connection& c) {
    report = AgreementRows::Summarize(c, filter, group_by);
    return absl::OkStatus();
  }));
  return report;
}

absl::StatusOr<EventFigures> SqliteRepository::GetEventFigures(absl::string_view event_id) {
  absl::StatusOr<std::optional<EventFigures>> figures;
  TM_RETURN_IF_ERROR(ReadSnapshot("summarizing", kEvents, event_id, [&](Connection& c) {
    figures = AgreementRows::EventFiguresOf(c, event_id);
    return absl::OkStatus();
  }));
  if (!figures.ok()) return figures.status();
  if (!*figures) return NotFound(kEvents, event_id);
  return **std::move(figures);
}

absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>>
SqliteRepository::FindOrganizationFacts(absl::string_view id) {
  std::optional<AgreementLookup::OrganizationFacts> facts;
  TM_RETURN_IF_ERROR(Read("looking up", kOrganizations, id, [&](Connection& c) {
    facts = AgreementRows::FindOrganizationFacts(c, id);
    return absl::OkStatus();
  }));
  return facts;
}

absl::StatusOr<std::optional<std::string>> SqliteRepository::FindNeedEnterprise(
    absl::string_view id) {
  std::optional<std::string> enterprise;
  TM_RETURN_IF_ERROR(Read("looking up", kNeeds, id, [&](Connection& c) {
    enterprise = AgreementRows::FindNeedEnterprise(c, id);
    return absl::OkStatus();
  }));
  return enterprise;
}

absl::StatusOr<std::optional<std::string>> SqliteRepository::FindOfferingInstitute(
    absl::string_view id) {
  std::optional<std::string> institute;
  TM_RETURN_IF_ERROR(Read("looking up", kOfferings, id, [&](Connection& c) {
    institute = AgreementRows::FindOfferingInstitute(c, id);
    return absl::OkStatus();
  }));
  return institute;
}

}  // namespace techmatch::storage
