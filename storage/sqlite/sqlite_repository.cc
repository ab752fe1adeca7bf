#include "storage/sqlite/sqlite_repository.h"

#include <sqlite3.h>
#include <sys/random.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "SQLiteCpp/Exception.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/ledger/target.h"
#include "spdlog/spdlog.h"
#include "storage/audit_scope.h"
#include "storage/codec.h"
#include "storage/sqlite/agreement_rows.h"
#include "storage/sqlite/api_key_rows.h"
#include "storage/sqlite/application_rows.h"
#include "storage/sqlite/audit_rows.h"
#include "storage/sqlite/commissioner_rows.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/event_rows.h"
#include "storage/sqlite/financing_rows.h"
#include "storage/sqlite/group_commit.h"
#include "storage/sqlite/indicator_rows.h"
#include "storage/sqlite/industry_rows.h"
#include "storage/sqlite/invitation_rows.h"
#include "storage/sqlite/meeting_rows.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/need_rows.h"
#include "storage/sqlite/observation_rows.h"
#include "storage/sqlite/offering_rows.h"
#include "storage/sqlite/organization_rows.h"
#include "storage/sqlite/participant_rows.h"
#include "storage/sqlite/programme_report_rows.h"
#include "storage/sqlite/project_rows.h"
#include "storage/sqlite/record_figure_rows.h"
#include "storage/sqlite/request_id_rows.h"
#include "storage/sqlite/session_rows.h"
#include "storage/sqlite/settings_check.h"
#include "storage/sqlite/sqlite_status.h"
#include "storage/sqlite/summary_index.h"
#include "storage/sqlite/table_io.h"
#include "storage/sqlite/target_rows.h"
#include "storage/sqlite/thesaurus_rows.h"
#include "storage/sqlite/transaction.h"
#include "storage/sqlite/user_rows.h"

namespace techmatch::storage {

using sqlite::AgreementRows;
using sqlite::ApiKeyRows;
using sqlite::ApplicationRows;
using sqlite::ApplyMigrations;
using sqlite::AuditRows;
using sqlite::CheckStorageSettings;
using sqlite::CommissionerRows;
using sqlite::Connection;
using sqlite::ConnectionOptions;
using sqlite::ConnectionPool;
using sqlite::EventRows;
using sqlite::FinancingRows;
using sqlite::GroupCommit;
using sqlite::IndicatorRows;
using sqlite::IndustryRows;
using sqlite::InvitationRows;
using sqlite::MeetingPlanRows;
using sqlite::MeetingRequestRows;
using sqlite::MeetingRows;
using sqlite::NeedRows;
using sqlite::ObservationRows;
using sqlite::OfferingRows;
using sqlite::OrganizationRows;
using sqlite::ParticipantRows;
using sqlite::ProgrammeReportRows;
using sqlite::ProjectRows;
using sqlite::RequestIdRows;
using sqlite::Savepoint;
using sqlite::ScopedStatement;
using sqlite::SessionRows;
using sqlite::StatusFromException;
using sqlite::StatusFromUnknownException;
using sqlite::TargetRows;
using sqlite::ThesaurusRows;
using sqlite::Transaction;
using sqlite::TransactionMode;
using sqlite::UserRows;

namespace {

// PRAGMA mmap_size of the reader connections.
constexpr int64_t kReaderMmapBytes = int64_t{256} << 20;

constexpr int kMaxReaderConnections = 64;
constexpr absl::string_view kKeys = "keys";
constexpr size_t kPageTokenKeyBytes = 32;

std::string NameOf(absl::string_view collection, absl::string_view id) {
  return id.empty() ? std::string(collection) : ResourceName(collection, id);
}

absl::Status NotFound(absl::string_view collection, absl::string_view id = {}) {
  return absl::NotFoundError(absl::StrCat(NameOf(collection, id), " not found"));
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

// For Replace: nothing more to do in the transaction.
constexpr auto kNothingMore = [](Connection&, const auto&) { return absl::OkStatus(); };

// T, or the T of a StatusOr<T>: what a read returns on success.
template <typename T>
struct ReadValue {
  using type = T;
};
template <typename T>
struct ReadValue<absl::StatusOr<T>> {
  using type = T;
};

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

std::string SqliteRepository::Subject::Name() const { return NameOf(collection, id); }

// --- Opening --------------------------------------------------------------------------------

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
    if (!options.audit_key && !AuditRows::LastKeyId(*writer).empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the audit trail of '", path,
          "' is keyed: give the audit key's file with --audit_key_file (an unkeyed record "
          "after keyed ones would break the chain)"));
    }

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
        static_cast<size_t>(options.record_cache_entries), std::move(options.audit_key),
        options.summary_index));
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
                                   std::string page_token_key, size_t record_cache_entries,
                                   std::optional<AuditKey> audit_key, bool summary_index)
    : CachingRepository(record_cache_entries),
      writer_(std::make_unique<GroupCommit>(std::move(writer))),
      readers_(std::move(readers)),
      page_token_key_(std::move(page_token_key)),
      audit_key_(std::move(audit_key)),
      summary_index_(summary_index ? std::make_unique<sqlite::SummaryIndex>() : nullptr) {}

SqliteRepository::~SqliteRepository() = default;

SqliteRepository::WriteStats SqliteRepository::CommitStats() {
  const GroupCommit::Stats stats = writer_->stats();
  return WriteStats{stats.commits, stats.writes};
}

// --- The read, write and replace paths --------------------------------------------------------

absl::Status SqliteRepository::OnReader(const Subject& subject, View view,
                                        absl::FunctionRef<absl::Status(Connection&)> body) {
  try {
    ConnectionPool::Lease connection = readers_->Borrow();
    if (view == View::kStatement) return body(*connection);
    Transaction snapshot(*connection, TransactionMode::kDeferred);
    const absl::Status status = body(*connection);
    // A read transaction has nothing to keep: ending it either way releases the snapshot.
    snapshot.Commit();
    return status;
  } catch (const std::exception& e) {
    return StatusFromException(e, subject.action, subject.Name());
  } catch (...) {
    return StatusFromUnknownException(subject.action, subject.Name());
  }
}

template <typename Fn>
auto SqliteRepository::Read(const Subject& subject, View view, Fn&& read) {
  using Result = std::invoke_result_t<Fn&, Connection&>;
  if constexpr (std::is_same_v<Result, absl::Status>) {
    return OnReader(subject, view, read);
  } else {
    absl::StatusOr<typename ReadValue<Result>::type> result;
    const absl::Status status = OnReader(subject, view, [&](Connection& c) {
      result = read(c);
      return absl::OkStatus();
    });
    if (!status.ok()) result = status;
    return result;
  }
}

template <typename Fn>
auto SqliteRepository::Find(const Subject& subject, View view, Fn&& find) {
  using Found = std::invoke_result_t<Fn&, Connection&>;  // A std::optional.
  Found found;
  const absl::Status status = OnReader(subject, view, [&](Connection& c) {
    found = find(c);
    return absl::OkStatus();
  });
  absl::StatusOr<typename Found::value_type> result;
  if (!status.ok()) {
    result = status;
  } else if (!found) {
    result = NotFound(subject.collection, subject.id);
  } else {
    result = *std::move(found);
  }
  return result;
}

absl::Status SqliteRepository::Write(const Subject& subject,
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
    if (event.resource.empty()) event.resource = subject.Name();
    return AuditRows::Append(connection, std::move(event), audit_key_ ? &*audit_key_ : nullptr);
  };
  const auto failure = [&](const std::exception* e) {
    return e != nullptr ? StatusFromException(*e, subject.action, subject.Name())
                        : StatusFromUnknownException(subject.action, subject.Name());
  };
  const auto committed = [&] {
    if (audit != nullptr) audit->recorded = true;
  };
  return writer_->Run(GroupCommit::Write{change, failure, committed});
}

template <typename Record>
absl::StatusOr<Record> SqliteRepository::Replace(
    const Subject& subject, const Record& input, int64_t expected_revision,
    absl::FunctionRef<absl::StatusOr<std::optional<absl::Time>>(Connection&, const Record&)> update,
    absl::FunctionRef<bool(Connection&)> exists,
    absl::FunctionRef<absl::Status(Connection&, const Record&)> also) {
  Record record = input;
  record.meta.update_time = absl::Now();
  record.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write(subject, [&](Connection& c) -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::optional<absl::Time> create_time, update(c, record));
    if (!create_time) {
      if (!exists(c)) return NotFound(subject.collection, subject.id);
      return absl::AbortedError(
          absl::StrCat(subject.Name(), " changed since it was read; read it again"));
    }
    record.meta.create_time = *create_time;
    return also(c, record);
  }));
  return record;
}

// --- Records keyed by one id ------------------------------------------------------------------

namespace {

// The hash of the call's request (PendingAudit::request_hash), read on the calling thread: the
// write may run on another caller's.
std::string CurrentRequestHash() {
  const PendingAudit* audit = AuditScope::Current();
  return audit != nullptr ? audit->request_hash : std::string();
}

}  // namespace

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
  std::optional<Record> first;  // What an earlier call with the same request id created.
  const std::string request_hash = CurrentRequestHash();
  TM_RETURN_IF_ERROR(
      Write({"creating", Rows::kCollection, record.meta.id}, [&](Connection& c) -> absl::Status {
        if (!key.request_id.empty()) {
          TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                              RequestIdRows::Find(c, key, request_hash));
          if (earlier) {
            // A retry: answer with what the first call created, create nothing.
            first = Rows::Find(c, *earlier);
            if (!first) return NotFound(Rows::kCollection, *earlier);
            return absl::OkStatus();
          }
        }
        TM_RETURN_IF_ERROR(Rows::Insert(c, record));
        if (!key.request_id.empty()) {
          RequestIdRows::Insert(c, key, request_hash, record.meta.id, now_nanos);
        }
        return absl::OkStatus();
      }));
  if (first) return *std::move(first);
  return record;
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> SqliteRepository::GetRecord(absl::string_view id) {
  return Find({"reading", Rows::kCollection, id}, View::kStatement,
              [&](Connection& c) { return Rows::Find(c, id); });
}

template <typename Rows>
absl::StatusOr<Page<typename Rows::Record>> SqliteRepository::ListRecords(const ListQuery& query) {
  return Read({"listing", Rows::kCollection}, View::kStatement,
              [&](Connection& c) { return Rows::List(c, query); });
}

template <typename Rows>
absl::StatusOr<typename Rows::Record> SqliteRepository::ReplaceRecord(
    const typename Rows::Record& input, int64_t expected_revision) {
  using Record = typename Rows::Record;
  const absl::string_view id = input.meta.id;
  return Replace<Record>(
      {"replacing", Rows::kCollection, id}, input, expected_revision,
      [&](Connection& c, const Record& r) { return Rows::Update(c, r, expected_revision); },
      [&](Connection& c) { return Rows::Exists(c, id); }, kNothingMore);
}

template <typename Rows>
absl::StatusOr<std::vector<absl::StatusOr<typename Rows::Record>>> SqliteRepository::CreateRecords(
    const std::vector<typename Rows::Record>& inputs) {
  using Record = typename Rows::Record;
  const absl::Time now = absl::Now();
  std::vector<absl::StatusOr<Record>> results;
  TM_RETURN_IF_ERROR(Write({"importing", Rows::kCollection}, [&](Connection& c) {
    results.clear();
    results.reserve(inputs.size());
    for (const Record& input : inputs) {
      Record record = input;
      record.meta.create_time = now;
      record.meta.update_time = now;
      record.meta.revision = 1;
      // A savepoint per row: a failing row is undone alone and the batch goes on. A fault that
      // breaks the whole transaction makes RollBack throw, which fails the batch.
      Savepoint row(c);
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

// --- Reference data, events, participants ---------------------------------------------------

absl::StatusOr<std::string> SqliteRepository::PageTokenKey() { return page_token_key_; }

absl::StatusOr<int> SqliteRepository::SchemaVersion() {
  return Read({"reading", "schema version"}, View::kStatement,
              [](Connection& c) { return sqlite::SchemaVersion(c); });
}

absl::StatusOr<int> SqliteRepository::CopySchemaVersion() { return SchemaVersion(); }

absl::Status SqliteRepository::ReadTables(absl::FunctionRef<absl::Status(TableReader&)> body) {
  return OnReader({"copying", "the database"}, View::kSnapshot, [&](Connection& c) {
    sqlite::TableIo tables(c);
    return body(tables);
  });
}

absl::Status SqliteRepository::WriteTables(absl::FunctionRef<absl::Status(TableWriter&)> body) {
  return Write(
      {"copying into", "the database"},
      [&](Connection& c) {
        sqlite::TableIo tables(c);
        return body(tables);
      },
      /*audited=*/false);
}

absl::StatusOr<bool> SqliteRepository::IndustryExists(absl::string_view code) {
  return Read({"looking up", kIndustries, code}, View::kStatement,
              [&](Connection& c) { return IndustryRows::Exists(c, code); });
}

absl::StatusOr<bool> SqliteRepository::EventExists(absl::string_view id) {
  return Read({"looking up", kEvents, id}, View::kStatement,
              [&](Connection& c) { return EventRows::Exists(c, id); });
}

absl::StatusOr<std::optional<OrganizationKind>> SqliteRepository::FindOrganizationKind(
    absl::string_view id) {
  return Read({"looking up", kOrganizations, id}, View::kStatement,
              [&](Connection& c) { return OrganizationRows::FindKind(c, id); });
}

absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>>
SqliteRepository::FindOrganizationFacts(absl::string_view id) {
  return Read({"looking up", kOrganizations, id}, View::kStatement,
              [&](Connection& c) { return OrganizationRows::FindFacts(c, id); });
}

absl::StatusOr<std::optional<std::string>> SqliteRepository::FindNeedEnterprise(
    absl::string_view id) {
  return Read({"looking up", kNeeds, id}, View::kStatement,
              [&](Connection& c) { return NeedRows::FindEnterprise(c, id); });
}

absl::StatusOr<std::optional<std::string>> SqliteRepository::FindOfferingInstitute(
    absl::string_view id) {
  return Read({"looking up", kOfferings, id}, View::kStatement,
              [&](Connection& c) { return OfferingRows::FindInstitute(c, id); });
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
  TM_RETURN_IF_ERROR(Write({"registering", name}, [&](Connection& c) -> absl::Status {
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
  return Read({"looking up participants of", kEvents, event_id}, View::kStatement,
              [&](Connection& c) { return ParticipantRows::Find(c, event_id, organization_id); });
}

absl::StatusOr<Page<Participant>> SqliteRepository::ListParticipants(absl::string_view event_id,
                                                                     const ListQuery& query) {
  return Read({"listing participants of", kEvents, event_id}, View::kStatement,
              [&](Connection& c) -> absl::StatusOr<Page<Participant>> {
                if (!EventRows::Exists(c, event_id)) return NotFound(kEvents, event_id);
                return ParticipantRows::List(c, event_id, query);
              });
}

// --- Needs and offerings ----------------------------------------------------------------------

absl::StatusOr<Need> SqliteRepository::CreateNeed(const Need& need, RequestKey key) {
  return CreateRecord<NeedRows>(need, key);
}
absl::StatusOr<Need> SqliteRepository::GetNeedUncached(absl::string_view id) {
  return GetRecord<NeedRows>(id);
}
absl::StatusOr<Page<Need>> SqliteRepository::ListNeeds(const ListQuery& query) {
  return ListRecords<NeedRows>(query);
}
absl::StatusOr<Need> SqliteRepository::ReplaceNeedUncached(const Need& need,
                                                           int64_t expected_revision) {
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
absl::StatusOr<Offering> SqliteRepository::GetOfferingUncached(absl::string_view id) {
  return GetRecord<OfferingRows>(id);
}
absl::StatusOr<Page<Offering>> SqliteRepository::ListOfferings(const ListQuery& query) {
  return ListRecords<OfferingRows>(query);
}
absl::StatusOr<Offering> SqliteRepository::ReplaceOfferingUncached(const Offering& offering,
                                                                   int64_t expected_revision) {
  return ReplaceRecord<OfferingRows>(offering, expected_revision);
}
absl::StatusOr<std::vector<absl::StatusOr<Offering>>> SqliteRepository::CreateOfferings(
    const std::vector<Offering>& offerings) {
  return CreateRecords<OfferingRows>(offerings);
}

// --- Meetings ----------------------------------------------------------------------------------

absl::StatusOr<MeetingPlan> SqliteRepository::GetMeetingPlan(absl::string_view event_id) {
  const std::string name = MeetingPlanName(event_id);
  return Find({"reading", name}, View::kSnapshot,
              [&](Connection& c) { return MeetingPlanRows::Find(c, event_id); });
}

absl::StatusOr<MeetingPlan> SqliteRepository::PutMeetingPlan(const MeetingPlan& input,
                                                             int64_t expected_revision) {
  MeetingPlan plan = input;
  const absl::Time now = absl::Now();
  plan.meta.update_time = now;
  const std::string name = MeetingPlanName(plan.meta.id);
  TM_RETURN_IF_ERROR(Write({"storing", name}, [&](Connection& c) -> absl::Status {
    if (!EventRows::Exists(c, plan.meta.id)) return NotFound(kEvents, plan.meta.id);
    std::optional<MeetingPlan> stored = MeetingPlanRows::Find(c, plan.meta.id);
    // 0 takes whatever is stored (or nothing).
    if (expected_revision != 0 && (!stored || stored->meta.revision != expected_revision)) {
      return absl::AbortedError(absl::StrCat(name, " changed since it was read; read it again"));
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
  const std::string request_hash = CurrentRequestHash();
  TM_RETURN_IF_ERROR(Write({"creating", name}, [&](Connection& c) -> absl::Status {
    if (!key.request_id.empty()) {
      TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                          RequestIdRows::Find(c, key, request_hash));
      if (earlier) {
        // A retry: answer with what the first call created or merged into.
        std::optional<MeetingRequest> first =
            MeetingRequestRows::Find(c, request.event_id, *earlier);
        if (!first) return NotFound(MeetingRequestName(request.event_id, *earlier));
        request = *std::move(first);
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
        if (!stored) {
          return absl::AbortedError(absl::StrCat(
              MeetingRequestName(merged.event_id, merged.meta.id), " changed; try again"));
        }
        merged.meta.revision = existing->meta.revision + 1;
      }
      request = std::move(merged);
    } else {
      if (MeetingRequestRows::Find(c, request.event_id, request.meta.id)) {
        return absl::AlreadyExistsError(absl::StrCat(name, " already exists"));
      }
      TM_RETURN_IF_ERROR(MeetingRequestRows::Insert(c, request));
    }
    if (!key.request_id.empty()) {
      RequestIdRows::Insert(c, key, request_hash, request.meta.id, now_nanos);
    }
    return absl::OkStatus();
  }));
  return request;
}

absl::StatusOr<MeetingRequest> SqliteRepository::GetMeetingRequest(absl::string_view event_id,
                                                                   absl::string_view id) {
  const std::string name = MeetingRequestName(event_id, id);
  return Find({"reading", name}, View::kStatement,
              [&](Connection& c) { return MeetingRequestRows::Find(c, event_id, id); });
}

absl::StatusOr<Page<MeetingRequest>> SqliteRepository::ListMeetingRequests(
    absl::string_view event_id, const ListQuery& query) {
  return Read({"listing meeting requests of", kEvents, event_id}, View::kStatement,
              [&](Connection& c) -> absl::StatusOr<Page<MeetingRequest>> {
                if (!EventRows::Exists(c, event_id)) return NotFound(kEvents, event_id);
                return MeetingRequestRows::List(c, event_id, query);
              });
}

absl::StatusOr<MeetingRequest> SqliteRepository::ReplaceMeetingRequest(const MeetingRequest& input,
                                                                       int64_t expected_revision) {
  const std::string name = MeetingRequestName(input.event_id, input.meta.id);
  return Replace<MeetingRequest>(
      {"replacing", name}, input, expected_revision,
      [&](Connection& c, const MeetingRequest& r) {
        return MeetingRequestRows::Update(c, r, expected_revision);
      },
      [&](Connection& c) {
        return MeetingRequestRows::Find(c, input.event_id, input.meta.id).has_value();
      },
      // A declined or cancelled request loses its meeting.
      [](Connection& c, const MeetingRequest& r) {
        if (r.state == MeetingRequestState::kDeclined ||
            r.state == MeetingRequestState::kCancelled) {
          MeetingRows::Delete(c, r.event_id, r.meta.id);
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<Meeting> SqliteRepository::GetMeeting(absl::string_view event_id,
                                                     absl::string_view id) {
  const std::string name = MeetingName(event_id, id);
  return Find({"reading", name}, View::kStatement,
              [&](Connection& c) { return MeetingRows::Find(c, event_id, id); });
}

absl::StatusOr<Meeting> SqliteRepository::ReplaceMeeting(const Meeting& input,
                                                         int64_t expected_revision) {
  const std::string name = MeetingName(input.event_id, input.meta.id);
  return Replace<Meeting>(
      {"replacing", name}, input, expected_revision,
      [&](Connection& c, const Meeting& m) { return MeetingRows::Update(c, m, expected_revision); },
      [&](Connection& c) {
        return MeetingRows::Find(c, input.event_id, input.meta.id).has_value();
      },
      kNothingMore);
}

absl::StatusOr<FairScheduleInput> SqliteRepository::ReadFairScheduleInput(
    absl::string_view event_id) {
  return Read({"reading the schedule of", kEvents, event_id}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<FairScheduleInput> {
                if (!EventRows::Exists(c, event_id)) return NotFound(kEvents, event_id);
                std::optional<MeetingPlan> plan = MeetingPlanRows::Find(c, event_id);
                if (!plan) {
                  return absl::FailedPreconditionError(
                      absl::StrCat(ResourceName(kEvents, event_id),
                                   " has no meeting plan; set one with "
                                   "UpdateMeetingPlan (techmatch meeting plan) before scheduling"));
                }
                FairScheduleInput input;
                input.event_id = std::string(event_id);
                input.plan = *std::move(plan);
                input.delegates = ParticipantRows::Delegates(c, event_id);
                input.requests = MeetingRequestRows::Schedulable(c, event_id);
                input.meetings = MeetingRows::OfEvent(c, event_id);
                input.inactive = MeetingRequestRows::Inactive(c, event_id);
                return input;
              });
}

absl::Status SqliteRepository::ReplaceSchedule(absl::string_view event_id, int64_t plan_revision,
                                               const std::vector<Meeting>& meetings) {
  const absl::Time now = absl::Now();
  return Write({"scheduling", kEvents, event_id}, [&](Connection& c) -> absl::Status {
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
  return Read({"listing meetings of", kEvents, event_id}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<std::vector<MeetingDetails>> {
                if (!EventRows::Exists(c, event_id)) return NotFound(kEvents, event_id);
                return MeetingRows::Details(c, event_id, organization_id);
              });
}

// --- Agreements ----------------------------------------------------------------------------------

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
  const absl::string_view id = agreement.meta.id;
  return Replace<Agreement>(
      {"replacing", kAgreements, id}, agreement, expected_revision,
      [&](Connection& c, const Agreement& a) {
        return AgreementRows::Update(c, a, expected_revision);
      },
      [&](Connection& c) { return AgreementRows::Exists(c, id); },
      // The money figures' history grows with the revision that changed them.
      [&](Connection& c, const Agreement& a) {
        AgreementRows::InsertHistory(c, a.meta.id, a.meta.revision, changes);
        return absl::OkStatus();
      });
}

absl::StatusOr<std::vector<AmountChange>> SqliteRepository::GetAgreementHistory(
    absl::string_view id) {
  return Read({"reading history of", kAgreements, id}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<std::vector<AmountChange>> {
                if (!AgreementRows::Exists(c, id)) return NotFound(kAgreements, id);
                return AgreementRows::History(c, id);
              });
}

absl::Status SqliteRepository::ExportAgreements(
    const std::vector<FilterTerm>& filter, const ReadScope& scope,
    absl::FunctionRef<absl::Status(const Agreement&)> sink) {
  return Read({"exporting", kAgreements}, View::kSnapshot,
              [&](Connection& c) { return AgreementRows::Export(c, filter, scope, sink); });
}

absl::StatusOr<AgreementReport> SqliteRepository::SummarizeAgreements(
    const std::vector<FilterTerm>& filter, const std::vector<GroupDimension>& group_by,
    const SummaryOptions& options) {
  return Read({"summarizing", kAgreements}, View::kSnapshot, [&](Connection& c) {
    return AgreementRows::Summarize(c, filter, group_by, options, summary_index_.get());
  });
}

absl::StatusOr<EventFigures> SqliteRepository::GetEventFigures(absl::string_view event_id) {
  return Read({"summarizing", kEvents, event_id}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<EventFigures> {
                EventFigures figures;
                std::optional<std::string> name = EventRows::FindDisplayName(c, event_id);
                if (!name) return NotFound(kEvents, event_id);
                figures.event_display_name = *std::move(name);
                figures.needs_count = NeedRows::CountAtEvent(c, event_id);
                figures.offerings_count = OfferingRows::CountAtEvent(c, event_id);
                for (const auto& [kind, count] : ParticipantRows::CountByKind(c, event_id)) {
                  ParticipantsOfKind(kind, figures) += count;
                }
                TM_RETURN_IF_ERROR(AgreementRows::SummarizeEvent(c, event_id, figures));
                return figures;
              });
}

absl::StatusOr<LedgerYearTotals> SqliteRepository::AggregateLedgerYear(absl::string_view region,
                                                                       int year) {
  return Read({"summarizing", "regions", region}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<LedgerYearTotals> {
                LedgerYearTotals totals;
                totals.region.region_code = std::string(region);
                TM_RETURN_IF_ERROR(ProgrammeReportRows::Aggregate(c, year, totals));
                totals.event_ids = ProgrammeReportRows::EventsOrganizedIn(
                    c, region, PeriodEnd(year - 1, kWholeYear), PeriodEnd(year, kWholeYear));
                return totals;
              });
}

// --- Projects of the programme ledger -------------------------------------------------------

absl::StatusOr<Project> SqliteRepository::CreateProject(const Project& project, RequestKey key) {
  return CreateRecord<ProjectRows>(project, key);
}

absl::StatusOr<Project> SqliteRepository::GetProject(absl::string_view id) {
  return GetRecord<ProjectRows>(id);
}

absl::StatusOr<Page<Project>> SqliteRepository::ListProjects(const ListQuery& query) {
  return ListRecords<ProjectRows>(query);
}

absl::StatusOr<Project> SqliteRepository::ReplaceProject(const Project& project,
                                                         int64_t expected_revision) {
  return ReplaceRecord<ProjectRows>(project, expected_revision);
}

absl::StatusOr<FundArrival> SqliteRepository::RecordFundArrival(const FundArrival& input,
                                                                RequestKey key) {
  const absl::Time now = absl::Now();
  TM_ASSIGN_OR_RETURN(const int64_t now_nanos, TimeToNanos(now, "create_time"));
  FundArrival arrival = input;
  arrival.create_time = now;
  std::optional<FundArrival> first;  // What an earlier call with the same request id recorded.
  const std::string request_hash = CurrentRequestHash();
  TM_RETURN_IF_ERROR(
      Write({"recording a fund arrival of", kProjects, input.project_id},
            [&](Connection& c) -> absl::Status {
              if (!key.request_id.empty()) {
                TM_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                                    RequestIdRows::Find(c, key, request_hash));
                if (earlier) {
                  // Recorded as "project/arrival".
                  const size_t slash = earlier->find('/');
                  if (slash != std::string::npos) {
                    first = ProjectRows::FindArrival(c, earlier->substr(0, slash),
                                                     earlier->substr(slash + 1));
                  }
                  if (!first) return NotFound(kProjects, *earlier);
                  return absl::OkStatus();
                }
              }
              std::optional<Project> project = ProjectRows::Find(c, arrival.project_id);
              if (!project) return NotFound(kProjects, arrival.project_id);
              const int64_t revision = project->meta.revision;
              TM_RETURN_IF_ERROR(CountFundArrival(arrival, *project));
              arrival.id = FundArrivalId(project->arrival_count);
              project->meta.update_time = now;
              TM_ASSIGN_OR_RETURN(std::optional<absl::Time> stored,
                                  ProjectRows::Update(c, *project, revision));
              // The writer holds the database: the row read above cannot have changed.
              if (!stored) return absl::InternalError("the project changed inside its transaction");
              TM_RETURN_IF_ERROR(ProjectRows::InsertArrival(c, arrival));
              if (!key.request_id.empty()) {
                RequestIdRows::Insert(c, key, request_hash,
                                      absl::StrCat(arrival.project_id, "/", arrival.id), now_nanos);
              }
              return absl::OkStatus();
            }));
  if (first) return *std::move(first);
  return arrival;
}

absl::StatusOr<Page<FundArrival>> SqliteRepository::ListFundArrivals(absl::string_view project_id,
                                                                     const ListQuery& query) {
  return Read({"listing fund arrivals of", kProjects, project_id}, View::kStatement,
              [&](Connection& c) -> absl::StatusOr<Page<FundArrival>> {
                if (!ProjectRows::Exists(c, project_id)) return NotFound(kProjects, project_id);
                return ProjectRows::ListArrivals(c, project_id, query);
              });
}

// --- Commissioners and financings of the programme ledger ------------------------------------

absl::StatusOr<Commissioner> SqliteRepository::CreateCommissioner(const Commissioner& commissioner,
                                                                  RequestKey key) {
  return CreateRecord<CommissionerRows>(commissioner, key);
}

absl::StatusOr<Commissioner> SqliteRepository::GetCommissioner(absl::string_view id) {
  return GetRecord<CommissionerRows>(id);
}

absl::StatusOr<Page<Commissioner>> SqliteRepository::ListCommissioners(const ListQuery& query) {
  return ListRecords<CommissionerRows>(query);
}

absl::StatusOr<Commissioner> SqliteRepository::ReplaceCommissioner(const Commissioner& commissioner,
                                                                   int64_t expected_revision) {
  return ReplaceRecord<CommissionerRows>(commissioner, expected_revision);
}

absl::StatusOr<Financing> SqliteRepository::CreateFinancing(const Financing& financing,
                                                            RequestKey key) {
  return CreateRecord<FinancingRows>(financing, key);
}

absl::StatusOr<Financing> SqliteRepository::GetFinancing(absl::string_view id) {
  return GetRecord<FinancingRows>(id);
}

absl::StatusOr<Page<Financing>> SqliteRepository::ListFinancings(const ListQuery& query) {
  return ListRecords<FinancingRows>(query);
}

// --- Thesaurus entries ---------------------------------------------------------------------------

absl::StatusOr<ThesaurusRecord> SqliteRepository::CreateThesaurusEntry(
    const ThesaurusRecord& record, RequestKey key) {
  return CreateRecord<ThesaurusRows>(record, key);
}

absl::StatusOr<ThesaurusRecord> SqliteRepository::GetThesaurusEntry(absl::string_view id) {
  return GetRecord<ThesaurusRows>(id);
}

absl::StatusOr<Page<ThesaurusRecord>> SqliteRepository::ListThesaurusEntries(
    const ThesaurusFilter& filter, const ListQuery& query) {
  return Read({"listing", kThesaurusEntries}, View::kStatement,
              [&](Connection& c) { return ThesaurusRows::List(c, filter, query); });
}

absl::StatusOr<std::vector<ThesaurusRecord>> SqliteRepository::AllThesaurusEntries() {
  return Read({"listing", kThesaurusEntries}, View::kStatement,
              [](Connection& c) { return ThesaurusRows::All(c); });
}

absl::StatusOr<ThesaurusRecord> SqliteRepository::ReplaceThesaurusEntry(
    const ThesaurusRecord& record, int64_t expected_revision) {
  return ReplaceRecord<ThesaurusRows>(record, expected_revision);
}

absl::Status SqliteRepository::DeleteThesaurusEntry(absl::string_view id,
                                                    int64_t expected_revision) {
  return Write({"deleting", kThesaurusEntries, id}, [&](Connection& c) -> absl::Status {
    if (ThesaurusRows::Delete(c, id, expected_revision)) return absl::OkStatus();
    if (!ThesaurusRows::Exists(c, id)) return NotFound(kThesaurusEntries, id);
    return absl::AbortedError(absl::StrCat(ResourceName(kThesaurusEntries, id),
                                           " changed since it was read; read it again"));
  });
}

// --- API keys and the audit trail ---------------------------------------------------------------

absl::Status SqliteRepository::CreateApiKey(const ApiKey& key) {
  if (RoleNeedsOrganization(key.role) == key.organization_id.empty()) {
    return absl::InvalidArgumentError(
        "INSTITUTE and ENTERPRISE keys name their organization; other roles name none");
  }
  return Write({"creating", kKeys, key.key_id}, [&](Connection& c) -> absl::Status {
    if (!key.organization_id.empty() && !OrganizationRows::Exists(c, key.organization_id)) {
      return NotFound(kOrganizations, key.organization_id);
    }
    if (ApiKeyRows::Find(c, key.key_id)) {
      return absl::AlreadyExistsError(absl::StrCat(NameOf(kKeys, key.key_id), " already exists"));
    }
    return ApiKeyRows::Insert(c, key);
  });
}

absl::StatusOr<std::optional<ApiKey>> SqliteRepository::FindApiKey(absl::string_view key_id) {
  return Read({"looking up", kKeys, key_id}, View::kStatement,
              [&](Connection& c) { return ApiKeyRows::Find(c, key_id); });
}

absl::StatusOr<std::vector<ApiKey>> SqliteRepository::ListApiKeys() {
  return Read({"listing", kKeys}, View::kStatement,
              [](Connection& c) { return ApiKeyRows::List(c); });
}

absl::StatusOr<ApiKey> SqliteRepository::RevokeApiKey(absl::string_view key_id) {
  std::optional<ApiKey> key;
  TM_RETURN_IF_ERROR(Write({"revoking", kKeys, key_id}, [&](Connection& c) -> absl::Status {
    if (!ApiKeyRows::Revoke(c, key_id, absl::Now())) return NotFound(kKeys, key_id);
    key = ApiKeyRows::Find(c, key_id);
    return absl::OkStatus();
  }));
  return *std::move(key);
}

// --- People: users, sessions, invitations, applications ------------------------------------------

absl::StatusOr<User> SqliteRepository::CreateUserFromInvitation(const User& input,
                                                                absl::string_view invitation_id) {
  User user = input;
  const absl::Time now = absl::Now();
  user.meta.create_time = now;
  user.meta.update_time = now;
  user.meta.revision = 1;
  TM_RETURN_IF_ERROR(Write({"creating", kUsers, user.meta.id}, [&](Connection& c) -> absl::Status {
    if (!user.organization_id.empty() && !OrganizationRows::Exists(c, user.organization_id)) {
      return NotFound(kOrganizations, user.organization_id);
    }
    if (UserRows::Find(c, user.meta.id)) {
      return absl::AlreadyExistsError(
          absl::StrCat(NameOf(kUsers, user.meta.id), " already exists"));
    }
    if (UserRows::FindByEmail(c, user.email)) {
      return absl::AlreadyExistsError("a user with this email already exists");
    }
    TM_RETURN_IF_ERROR(UserRows::Insert(c, user));
    if (!InvitationRows::MarkAccepted(c, invitation_id, user.meta.id)) {
      return absl::FailedPreconditionError("the invitation was accepted already");
    }
    return absl::OkStatus();
  }));
  return user;
}

absl::StatusOr<User> SqliteRepository::GetUser(absl::string_view id) {
  return Find({"reading", kUsers, id}, View::kStatement,
              [&](Connection& c) { return UserRows::Find(c, id); });
}

absl::StatusOr<std::optional<User>> SqliteRepository::FindUserByEmail(absl::string_view email) {
  return Read({"looking up", kUsers}, View::kStatement,
              [&](Connection& c) { return UserRows::FindByEmail(c, email); });
}

absl::StatusOr<Page<User>> SqliteRepository::ListUsers(const ListQuery& query) {
  return Read({"listing", kUsers}, View::kStatement,
              [&](Connection& c) { return UserRows::List(c, query); });
}

absl::StatusOr<User> SqliteRepository::ReplaceUser(const User& input, int64_t expected_revision) {
  User user = input;
  const absl::Time now = absl::Now();
  user.meta.update_time = now;
  user.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(Write({"updating", kUsers, user.meta.id}, [&](Connection& c) -> absl::Status {
    if (std::optional<User> other = UserRows::FindByEmail(c, user.email);
        other && other->meta.id != user.meta.id) {
      return absl::AlreadyExistsError("a user with this email already exists");
    }
    std::optional<User> stored = UserRows::Find(c, user.meta.id);
    if (!stored) return NotFound(kUsers, user.meta.id);
    user.meta.create_time = stored->meta.create_time;
    TM_ASSIGN_OR_RETURN(bool updated, UserRows::Update(c, user, expected_revision));
    if (!updated) {
      return absl::AbortedError(
          absl::StrCat(NameOf(kUsers, user.meta.id), " changed since it was read; read it again"));
    }
    if (user.state == UserState::kDisabled) SessionRows::RevokeAll(c, user.meta.id, now);
    return absl::OkStatus();
  }));
  return user;
}

absl::Status SqliteRepository::CreateSession(const Session& session) {
  return Write(
      {"creating", "sessions", session.id},
      [&](Connection& c) -> absl::Status {
        if (!UserRows::Find(c, session.user_id)) return NotFound(kUsers, session.user_id);
        return SessionRows::Insert(c, session);
      },
      /*audited=*/true);
}

absl::StatusOr<std::optional<Repository::SessionAndUser>> SqliteRepository::FindSession(
    absl::string_view id) {
  return Read({"looking up", "sessions", id}, View::kSnapshot,
              [&](Connection& c) -> std::optional<SessionAndUser> {
                std::optional<Session> session = SessionRows::Find(c, id);
                if (!session) return std::nullopt;
                std::optional<User> user = UserRows::Find(c, session->user_id);
                if (!user) return std::nullopt;
                return SessionAndUser{*std::move(session), *std::move(user)};
              });
}

absl::StatusOr<Page<Session>> SqliteRepository::ListSessions(absl::string_view user_id,
                                                             const ListQuery& query) {
  return Read({"listing sessions of", kUsers, user_id}, View::kSnapshot,
              [&](Connection& c) -> absl::StatusOr<Page<Session>> {
                if (!UserRows::Find(c, user_id)) return NotFound(kUsers, user_id);
                return SessionRows::ListOpen(c, user_id, query);
              });
}

absl::StatusOr<Session> SqliteRepository::RevokeSession(absl::string_view user_id,
                                                        absl::string_view id) {
  std::optional<Session> session;
  const std::string name = absl::StrCat(NameOf(kUsers, user_id), "/sessions/", id);
  TM_RETURN_IF_ERROR(Write({"revoking", name}, [&](Connection& c) -> absl::Status {
    if (!SessionRows::Revoke(c, user_id, id, absl::Now())) {
      return absl::NotFoundError(absl::StrCat(name, " not found"));
    }
    session = SessionRows::Find(c, id);
    return absl::OkStatus();
  }));
  return *std::move(session);
}

absl::Status SqliteRepository::TouchSession(absl::string_view id, absl::Time time) {
  return Write(
      {"touching", "sessions", id},
      [&](Connection& c) {
        SessionRows::Touch(c, id, time);
        return absl::OkStatus();
      },
      /*audited=*/false);
}

absl::Status SqliteRepository::CreateInvitation(const Invitation& invitation) {
  return Write({"creating", kInvitations, invitation.id}, [&](Connection& c) -> absl::Status {
    if (!invitation.organization_id.empty() &&
        !OrganizationRows::Exists(c, invitation.organization_id)) {
      return NotFound(kOrganizations, invitation.organization_id);
    }
    return InvitationRows::Insert(c, invitation);
  });
}

absl::StatusOr<std::optional<Invitation>> SqliteRepository::FindInvitation(absl::string_view id) {
  return Read({"looking up", kInvitations, id}, View::kStatement,
              [&](Connection& c) { return InvitationRows::Find(c, id); });
}

absl::StatusOr<Application> SqliteRepository::CreateApplication(const Application& input,
                                                                RequestKey key) {
  return CreateRecord<ApplicationRows>(input, key);
}

absl::StatusOr<Application> SqliteRepository::GetApplication(absl::string_view id) {
  return Find({"reading", kApplications, id}, View::kStatement,
              [&](Connection& c) { return ApplicationRows::Find(c, id); });
}

absl::StatusOr<Page<Application>> SqliteRepository::ListApplications(const ListQuery& query) {
  return Read({"listing", kApplications}, View::kStatement,
              [&](Connection& c) { return ApplicationRows::List(c, query); });
}

absl::StatusOr<Application> SqliteRepository::ReviewApplication(
    const Application& input, int64_t expected_revision,
    const std::optional<Organization>& organization, const std::optional<Invitation>& invitation) {
  Application application = input;
  const absl::Time now = absl::Now();
  application.meta.update_time = now;
  application.meta.revision = expected_revision + 1;
  TM_RETURN_IF_ERROR(
      Write({"reviewing", kApplications, application.meta.id}, [&](Connection& c) -> absl::Status {
        std::optional<Application> stored = ApplicationRows::Find(c, application.meta.id);
        if (!stored) return NotFound(kApplications, application.meta.id);
        application.meta.create_time = stored->meta.create_time;
        if (organization) {
          if (OrganizationRows::Exists(c, organization->meta.id)) {
            return absl::AlreadyExistsError(
                absl::StrCat(NameOf(kOrganizations, organization->meta.id), " already exists"));
          }
          Organization created = *organization;
          created.meta.create_time = now;
          created.meta.update_time = now;
          created.meta.revision = 1;
          TM_RETURN_IF_ERROR(OrganizationRows::Insert(c, created));
        }
        if (!ApplicationRows::UpdateReview(c, application, expected_revision)) {
          return absl::AbortedError(absl::StrCat(NameOf(kApplications, application.meta.id),
                                                 " changed since it was read; read it again"));
        }
        if (invitation) TM_RETURN_IF_ERROR(InvitationRows::Insert(c, *invitation));
        return absl::OkStatus();
      }));
  return application;
}

// --- The programme ledger ----------------------------------------------------------------------

absl::StatusOr<Indicator> SqliteRepository::CreateIndicator(const Indicator& indicator,
                                                            RequestKey key) {
  return CreateRecord<IndicatorRows>(indicator, key);
}
absl::StatusOr<Indicator> SqliteRepository::GetIndicator(absl::string_view code) {
  return GetRecord<IndicatorRows>(code);
}
absl::StatusOr<Page<Indicator>> SqliteRepository::ListIndicators(const ListQuery& query) {
  return ListRecords<IndicatorRows>(query);
}

absl::StatusOr<Observation> SqliteRepository::CreateObservation(const Observation& observation,
                                                                RequestKey key) {
  return CreateRecord<ObservationRows>(observation, key);
}
absl::StatusOr<Observation> SqliteRepository::GetObservation(absl::string_view id) {
  return GetRecord<ObservationRows>(id);
}
absl::StatusOr<Observation> SqliteRepository::ReplaceObservation(const Observation& observation,
                                                                 int64_t expected_revision) {
  return ReplaceRecord<ObservationRows>(observation, expected_revision);
}
absl::StatusOr<Page<Observation>> SqliteRepository::ListObservations(const LedgerFilter& filter,
                                                                     const ListQuery& query) {
  return Read({"listing", kObservations}, View::kStatement,
              [&](Connection& c) { return ObservationRows::List(c, filter, query); });
}
absl::StatusOr<std::vector<Observation>> SqliteRepository::ObservationsInRegion(
    absl::string_view indicator_code, absl::string_view region, int year) {
  return Read({"listing", kObservations}, View::kStatement, [&](Connection& c) {
    return ObservationRows::InRegion(c, indicator_code, region, year);
  });
}
absl::StatusOr<int64_t> SqliteRepository::SumRecordFigure(RecordFigure figure,
                                                          absl::string_view region, int year) {
  return Read({"summing", "ledger records"}, View::kStatement,
              [&](Connection& c) { return SumRecordFigureRows(c, figure, region, year); });
}

absl::StatusOr<std::vector<RegionFigure>> SqliteRepository::CountAgreementsByDemanderRegion(
    absl::string_view region, int year, const std::vector<AgreementKind>& kinds,
    const std::vector<AgreementState>& states) {
  return Read({"counting", "agreements"}, View::kStatement, [&](Connection& c) {
    return CountAgreementsByDemanderRegionRows(c, region, year, kinds, states);
  });
}

absl::StatusOr<Target> SqliteRepository::CreateTarget(const Target& target, RequestKey key) {
  return CreateRecord<TargetRows>(target, key);
}
absl::StatusOr<Target> SqliteRepository::GetTarget(absl::string_view id) {
  return GetRecord<TargetRows>(id);
}
absl::StatusOr<Target> SqliteRepository::ReplaceTarget(const Target& target,
                                                       int64_t expected_revision) {
  return ReplaceRecord<TargetRows>(target, expected_revision);
}
absl::StatusOr<Page<Target>> SqliteRepository::ListTargets(const LedgerFilter& filter,
                                                           const ListQuery& query) {
  return Read({"listing", kTargets}, View::kStatement,
              [&](Connection& c) { return TargetRows::List(c, filter, query); });
}

absl::Status SqliteRepository::AppendAuditEvent(const AuditEvent& event) {
  return Write(
      {"recording", kAuditEvents},
      [&](Connection& c) {
        return AuditRows::Append(c, event, audit_key_ ? &*audit_key_ : nullptr);
      },
      /*audited=*/false);
}

absl::StatusOr<Page<AuditEvent>> SqliteRepository::ListAuditEvents(const ListQuery& query) {
  return Read({"listing", kAuditEvents}, View::kStatement,
              [&](Connection& c) { return AuditRows::List(c, query); });
}

absl::StatusOr<AuditVerification> SqliteRepository::VerifyAuditTrail(
    const std::vector<AuditKey>& keys) {
  // One snapshot: records appended meanwhile by the server are not half-seen.
  return Read({"verifying", kAuditEvents}, View::kSnapshot,
              [&](Connection& c) { return AuditRows::Verify(c, keys); });
}

}  // namespace techmatch::storage
