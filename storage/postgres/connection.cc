#include "storage/postgres/connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"
#include "storage/postgres/pg_status.h"

namespace techmatch::storage::postgres {
namespace {

// Type oids (pg_type.dat); stable across PostgreSQL versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kTextArrayOid = 1009;
constexpr Oid kBoolArrayOid = 1000;
constexpr Oid kByteaArrayOid = 1001;
constexpr Oid kInt8ArrayOid = 1016;

// The array type whose elements are `element` (pg_type.dat's array_type_oid), or 0.
Oid ArrayOf(Oid element) {
  switch (element) {
    case kTextOid:
      return kTextArrayOid;
    case kBoolOid:
      return kBoolArrayOid;
    case kByteaOid:
      return kByteaArrayOid;
    case kInt8Oid:
      return kInt8ArrayOid;
    default:
      return 0;
  }
}

constexpr int kBinary = 1;

// NOTICEs (e.g. "relation ... already exists, skipping" from CREATE TABLE IF NOT EXISTS) are
// expected chatter; libpq would print each one on stderr.
void LogNotice(void*, const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && text.back() == '\n') text.pop_back();
  spdlog::debug("storage: PostgreSQL says: {}", text);
}

void PutBigEndian32(std::string& out, uint32_t value) {
  const uint32_t big = absl::ghtonl(value);
  out.append(reinterpret_cast<const char*>(&big), sizeof(big));
}

}  // namespace

Params& Params::Add(unsigned type, std::string bytes) {
  values_.emplace_back(std::move(bytes));
  types_.push_back(type);
  return *this;
}

Params& Params::Text(absl::string_view value) { return Add(kTextOid, std::string(value)); }

Params& Params::Int64(int64_t value) {
  const uint64_t big = absl::ghtonll(static_cast<uint64_t>(value));
  return Add(kInt8Oid, std::string(reinterpret_cast<const char*>(&big), sizeof(big)));
}

Params& Params::Bytes(absl::string_view value) { return Add(kByteaOid, std::string(value)); }

Params& Params::Bool(bool value) { return Add(kBoolOid, std::string(1, value ? '\1' : '\0')); }

Params& Params::OptionalInt64(const std::optional<int64_t>& value) {
  if (value) return Int64(*value);
  values_.emplace_back(std::nullopt);
  types_.push_back(kInt8Oid);
  return *this;
}

Params& Params::OptionalText(const std::optional<absl::string_view>& value) {
  if (value) return Text(*value);
  values_.emplace_back(std::nullopt);
  types_.push_back(kTextOid);
  return *this;
}

Params& Params::TextArray(const std::vector<std::string>& values) {
  // The array's binary form (array_send): dimensions, flags, element type, then each element's
  // length and bytes.
  std::string bytes;
  PutBigEndian32(bytes, values.empty() ? 0 : 1);  // dimensions
  PutBigEndian32(bytes, 0);                       // no NULL elements
  PutBigEndian32(bytes, kTextOid);
  if (!values.empty()) {
    PutBigEndian32(bytes, static_cast<uint32_t>(values.size()));
    PutBigEndian32(bytes, 1);  // lower bound
    for (const std::string& value : values) {
      PutBigEndian32(bytes, static_cast<uint32_t>(value.size()));
      bytes.append(value);
    }
  }
  return Add(kTextArrayOid, std::move(bytes));
}

absl::StatusOr<Params> Params::Columns(const std::vector<Params>& rows) {
  if (rows.empty()) return absl::InvalidArgumentError("no rows to put in columns");
  const std::vector<unsigned>& types = rows.front().types_;
  for (const Params& row : rows) {
    if (row.types_ != types) {
      return absl::InvalidArgumentError("rows of different parameter types put in columns");
    }
  }
  Params columns;
  for (size_t column = 0; column < types.size(); ++column) {
    const Oid array_type = ArrayOf(types[column]);
    if (array_type == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("no array type for parameter ", column + 1, "'s type ", types[column]));
    }
    bool has_null = false;
    size_t size = 20;
    for (const Params& row : rows) {
      const std::optional<std::string>& value = row.values_[column];
      has_null = has_null || !value;
      size += 4 + (value ? value->size() : 0);
    }
    // array_send's form, as TextArray: one dimension of rows.size() elements from 1, each its
    // length (-1 for NULL) and bytes.
    std::string bytes;
    bytes.reserve(size);
    PutBigEndian32(bytes, 1);
    PutBigEndian32(bytes, has_null ? 1 : 0);
    PutBigEndian32(bytes, types[column]);
    PutBigEndian32(bytes, static_cast<uint32_t>(rows.size()));
    PutBigEndian32(bytes, 1);
    for (const Params& row : rows) {
      const std::optional<std::string>& value = row.values_[column];
      if (!value) {
        PutBigEndian32(bytes, static_cast<uint32_t>(-1));
        continue;
      }
      PutBigEndian32(bytes, static_cast<uint32_t>(value->size()));
      bytes.append(*value);
    }
    columns.Add(array_type, std::move(bytes));
  }
  return columns;
}

void Result::Clear::operator()(pg_result* result) const { PQclear(result); }

int Result::rows() const { return PQntuples(result_.get()); }

bool Result::IsNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

absl::string_view Result::View(int row, int column) const {
  // text, a domain over it, or bytea: in binary format all are their bytes.
  return absl::string_view(PQgetvalue(result_.get(), row, column),
                           static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

int64_t Result::Int64(int row, int column) const {
  if (IsNull(row, column)) return 0;
  const char* bytes = PQgetvalue(result_.get(), row, column);
  switch (PQftype(result_.get(), column)) {
    case kInt8Oid: {
      uint64_t big;
      std::memcpy(&big, bytes, sizeof(big));
      return static_cast<int64_t>(absl::gntohll(big));
    }
    case kInt4Oid: {
      uint32_t big;
      std::memcpy(&big, bytes, sizeof(big));
      return static_cast<int32_t>(absl::gntohl(big));
    }
    case kInt2Oid: {
      uint16_t big;
      std::memcpy(&big, bytes, sizeof(big));
      return static_cast<int16_t>(absl::gntohs(big));
    }
    default:
      spdlog::error("storage: column {} is of type {}, read as an integer", column,
                    PQftype(result_.get(), column));
      return 0;
  }
}

bool Result::Bool(int row, int column) const {
  if (IsNull(row, column)) return false;
  if (PQftype(result_.get(), column) != kBoolOid) {
    spdlog::error("storage: column {} is not a boolean", column);
    return false;
  }
  return PQgetvalue(result_.get(), row, column)[0] != 0;
}

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& uri,
                                                             absl::Duration connect_timeout,
                                                             const std::string& application_name,
                                                             std::string* reason) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    return absl::InvalidArgumentError(absl::StrCat("bad PostgreSQL URI: ", message));
  }
  // JIT off for the repository's sessions: the summaries' statements pass jit_above_cost at a
  // million agreements and would compile again on every execution, prepared or not. Appended
  // to the URI's own options, which a keyword after the URI would otherwise replace.
  std::string session_options = "-c jit=off";
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string_view(option->keyword) == "options" && option->val != nullptr &&
        option->val[0] != '\0') {
      session_options = absl::StrCat(option->val, " ", session_options);
    }
  }
  PQconninfoFree(options);
  // The URI is expanded in place of dbname; a keyword after it overrides what the URI says.
  // The lists end at the first null keyword.
  const std::string timeout = absl::StrCat(absl::ToInt64Seconds(connect_timeout));
  std::vector<const char*> keywords = {"dbname", "options"};
  std::vector<const char*> values = {uri.c_str(), session_options.c_str()};
  if (connect_timeout > absl::ZeroDuration()) {
    keywords.push_back("connect_timeout");
    values.push_back(timeout.c_str());
  }
  if (!application_name.empty()) {
    keywords.push_back("application_name");
    values.push_back(application_name.c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  pg_conn* conn = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (conn == nullptr) return absl::ResourceExhaustedError("out of memory connecting");
  if (PQstatus(conn) != CONNECTION_OK) {
    // The message names host and reason, never the password (libpq leaves it out).
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    if (reason != nullptr) {
      *reason = std::move(message);
    } else {
      spdlog::error("storage: cannot connect to PostgreSQL: {}", message);
    }
    return absl::UnavailableError("cannot connect to the PostgreSQL server; see the server log");
  }
  // Kept by PQreset: set once per connection.
  PQsetNoticeProcessor(conn, LogNotice, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Healthy() const { return !abandoned_ && PQstatus(conn_) == CONNECTION_OK; }

absl::Status Connection::Reset(std::string* reason) {
  unread_ = false;
  unsent_.clear();
  unsent_begins_ = false;
  begin_unanswered_ = false;
  PQexitPipelineMode(conn_);
  PQreset(conn_);
  prepared_.clear();
  abandoned_ = false;
  if (!Healthy()) {
    if (reason != nullptr) {
      *reason = PQerrorMessage(conn_);
    } else {
      spdlog::error("storage: cannot reconnect to PostgreSQL: {}", PQerrorMessage(conn_));
    }
    return absl::UnavailableError("cannot reconnect to the PostgreSQL server; see the server log");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> Connection::WaitForNotification(absl::Duration timeout) {
  const auto take_pending = [this] {
    bool any = false;
    while (pgNotify* notify = PQnotifies(conn_)) {
      any = true;
      PQfreemem(notify);
    }
    return any;
  };
  const auto lost = [this] {
    spdlog::warn("storage: the PostgreSQL connection waiting for changes broke: {}",
                 PQerrorMessage(conn_));
    return absl::UnavailableError("lost the PostgreSQL connection waiting for changes");
  };
  if (PQconsumeInput(conn_) == 0) return lost();
  if (take_pending()) return true;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  if (socket.fd < 0) return lost();
  const int ready =
      poll(&socket, 1, static_cast<int>(std::max<int64_t>(0, absl::ToInt64Milliseconds(timeout))));
  if (ready < 0 && errno != EINTR) return lost();
  if (ready <= 0) return false;
  if (PQconsumeInput(conn_) == 0 || !Healthy()) return lost();
  return take_pending();
}

absl::Status Connection::Ping(absl::Duration timeout) {
  if (!Healthy()) return DatabaseError("", "the connection is broken");
  const absl::Time deadline = absl::Now() + timeout;
  // Nonblocking, so that sending cannot wait on a full socket buffer either.
  if (PQsetnonblocking(conn_, 1) != 0 || PQsendQuery(conn_, "SELECT 1") != 1) {
    PQsetnonblocking(conn_, 0);
    return Failure(nullptr);
  }
  const auto wait_for = [&](short events) {
    const int64_t left = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (left <= 0) return false;
    pollfd fd{PQsocket(conn_), events, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(left));
    return ready > 0 || (ready < 0 && errno == EINTR);
  };
  int flushed;
  while ((flushed = PQflush(conn_)) == 1) {
    if (!wait_for(POLLOUT | POLLIN)) break;
    if (PQconsumeInput(conn_) != 1) break;
  }
  bool answered = flushed == 0;
  while (answered && PQisBusy(conn_)) {
    if (!wait_for(POLLIN) || PQconsumeInput(conn_) != 1) answered = false;
  }
  PQsetnonblocking(conn_, 0);
  if (!answered) {
    if (Healthy()) {
      abandoned_ = true;
      return DatabaseError("", absl::StrCat("no answer from the PostgreSQL server within ",
                                            absl::FormatDuration(timeout)));
    }
    return Failure(nullptr);
  }
  absl::Status status;
  while (pg_result* raw = PQgetResult(conn_)) {
    Result result(raw);
    if (status.ok() && PQresultStatus(raw) != PGRES_TUPLES_OK) status = Failure(raw);
  }
  return status;
}

absl::Status Connection::Failure(pg_result* result) const {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  // A broken connection is reported without a SQLSTATE (or with a made-up one): say "" so the
  // mapping answers UNAVAILABLE.
  return DatabaseError(Healthy() && state != nullptr ? state : "",
                       message != nullptr ? message : "");
}

absl::StatusOr<const std::string*> Connection::Prepared(absl::string_view sql,
                                                        const Params& params) {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return &it->second;
  if (prepared_.size() >= kMaxPrepared) {
    // Script sends what ExecLater queued first, while its statements still exist.
    absl::Status deallocated = Script("DEALLOCATE ALL");
    if (!deallocated.ok()) return deallocated;
    prepared_.clear();
  }
  std::string name = absl::StrCat("tm", next_statement_++);
  const std::string text(sql);
  Result prepared(PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(params.size()),
                            params.types_.data()));
  if (PQresultStatus(prepared.result_.get()) != PGRES_COMMAND_OK) {
    return Failure(prepared.result_.get());
  }
  return &prepared_.emplace(text, std::move(name)).first->second;
}

absl::StatusOr<Result> Connection::Exec(absl::string_view sql, const Params& params) {
  ReadUnread();
  // Until BEGIN is answered (ExecAfterUnsent), a broken connection means nothing ran, even when
  // preparing the statement is what found out.
  if (begin_unsent()) begin_unanswered_ = true;
  absl::StatusOr<const std::string*> name = Prepared(sql, params);
  if (!name.ok()) return name.status();
  if (!unsent_.empty()) return ExecAfterUnsent(*name, &params);
  const Bound bound = Bind(params);
  Result result(PQexecPrepared(conn_, (*name)->c_str(), bound.count(), bound.values.data(),
                               bound.lengths.data(), bound.formats.data(), kBinary));
  const ExecStatusType status = PQresultStatus(result.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(result.result_.get());
  }
  return result;
}

absl::Status Connection::ExecLater(absl::string_view sql, const Params& params) {
  ReadUnread();
  if (begin_unsent()) begin_unanswered_ = true;
  absl::StatusOr<const std::string*> name = Prepared(sql, params);
  if (!name.ok()) return name.status();
  unsent_.push_back(Unsent{"", **name, params});
  return absl::OkStatus();
}

absl::Status Connection::Flush() {
  ReadUnread();
  // Fixed SQL alone (a BEGIN, a SAVEPOINT) can wait for the next statement: nothing to learn.
  if (!has_queued()) return absl::OkStatus();
  return ExecAfterUnsent(nullptr, nullptr).status();
}

bool Connection::has_queued() const {
  return std::any_of(unsent_.begin(), unsent_.end(),
                     [](const Unsent& unsent) { return !unsent.prepared.empty(); });
}

absl::Status Connection::Script(absl::string_view sql) {
  ReadUnread();
  // Statements ExecLater queued go first, in a pipeline of their own.
  if (absl::Status flushed = Flush(); !flushed.ok()) return flushed;
  // The simple protocol takes several statements in one message: fixed SQL waiting (a BEGIN, a
  // SAVEPOINT) goes first.
  std::string text;
  if (!unsent_.empty()) {
    for (const Unsent& unsent : unsent_) absl::StrAppend(&text, unsent.sql, "; ");
    absl::StrAppend(&text, sql);
    unsent_.clear();
    begin_unanswered_ = unsent_begins_;
    unsent_begins_ = false;
  } else {
    text = std::string(sql);
  }
  Result result(PQexec(conn_, text.c_str()));
  // Any answer means the server read the BEGIN; only a broken connection leaves it unanswered.
  if (begin_unanswered_ && Healthy()) begin_unanswered_ = false;
  const ExecStatusType status = PQresultStatus(result.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(result.result_.get());
  }
  return absl::OkStatus();
}

absl::Status Connection::LockFirst(absl::string_view lock) {
  if (joined_) {
    return DatabaseError(kNotFirstState,
                         "a LOCK must be its transaction's first statement; this write joined a "
                         "transaction already running");
  }
  return Script(lock);
}

Connection::Bound Connection::Bind(const Params& params) {
  Bound bound;
  bound.values.resize(params.size());
  bound.lengths.resize(params.size());
  bound.formats.assign(params.size(), kBinary);
  for (size_t i = 0; i < params.size(); ++i) {
    if (!params.values_[i]) continue;  // NULL
    bound.values[i] = params.values_[i]->data();
    bound.lengths[i] = static_cast<int>(params.values_[i]->size());
  }
  return bound;
}

absl::StatusOr<Result> Connection::ExecAfterUnsent(const std::string* name, const Params* params) {
  const std::vector<Unsent> unsent = std::move(unsent_);
  unsent_.clear();
  begin_unanswered_ = unsent_begins_;
  unsent_begins_ = false;
  if (PQenterPipelineMode(conn_) != 1) return Failure(nullptr);
  const auto send = [&](const std::string& sql, const std::string& prepared, const Params& with) {
    if (prepared.empty()) {
      return PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    }
    const Bound bound = Bind(with);
    return PQsendQueryPrepared(conn_, prepared.c_str(), bound.count(), bound.values.data(),
                               bound.lengths.data(), bound.formats.data(), kBinary) == 1;
  };
  bool sent = true;
  for (const Unsent& statement : unsent) {
    sent = sent && send(statement.sql, statement.prepared, statement.params);
  }
  if (name != nullptr) sent = sent && send("", *name, *params);
  sent = sent && PQpipelineSync(conn_) == 1;
  // The answers: each query's result followed by a null, then the sync. After an error the
  // rest of the pipeline answers PGRES_PIPELINE_ABORTED up to the sync. A broken connection
  // answers nulls: bounded by counting them.
  const size_t queries = unsent.size() + (name != nullptr ? 1 : 0);
  std::vector<Result> answers;
  answers.reserve(queries);
  for (size_t i = 0; i < queries; ++i) answers.push_back(Result(nullptr));
  size_t query = 0;
  size_t nulls = 0;
  while (sent && nulls <= queries) {
    pg_result* raw = PQgetResult(conn_);
    if (raw == nullptr) {
      ++nulls;
      if (query < queries) ++query;
      if (PQstatus(conn_) != CONNECTION_OK) break;
      continue;
    }
    if (PQresultStatus(raw) == PGRES_PIPELINE_SYNC) {
      PQclear(raw);
      break;
    }
    if (query < queries && answers[query].result_ == nullptr) {
      answers[query].result_.reset(raw);
    } else {
      PQclear(raw);
    }
  }
  if (PQexitPipelineMode(conn_) != 1) abandoned_ = true;  // Answers left unread: reconnect.
  // The first statement succeeded: the server ran the BEGIN (a session that died answers a
  // FATAL message instead, and nothing ran).
  if (PQresultStatus(answers.front().result_.get()) == PGRES_COMMAND_OK) begin_unanswered_ = false;
  // The first failure is the one to report: the later statements were not run.
  for (size_t i = 0; i + 1 < queries; ++i) {
    pg_result* const answer = answers[i].result_.get();
    const ExecStatusType answered = answer != nullptr ? PQresultStatus(answer) : PGRES_FATAL_ERROR;
    if (answered != PGRES_COMMAND_OK && answered != PGRES_TUPLES_OK) return Failure(answer);
  }
  Result& last = answers[queries - 1];
  const ExecStatusType status = PQresultStatus(last.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(last.result_.get());
  }
  return std::move(last);
}

absl::Status Connection::SendWithoutWaiting(absl::string_view sql) {
  ReadUnread();
  const std::string text(sql);
  if (PQenterPipelineMode(conn_) != 1) return Failure(nullptr);
  if (PQsendQueryParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1 ||
      PQpipelineSync(conn_) != 1) {
    const absl::Status failed = Failure(nullptr);
    if (PQexitPipelineMode(conn_) != 1) abandoned_ = true;
    return failed;
  }
  unread_ = true;
  return absl::OkStatus();
}

void Connection::ReadUnread() {
  if (!unread_) return;
  unread_ = false;
  int nulls = 0;
  while (nulls <= 1) {
    pg_result* raw = PQgetResult(conn_);
    if (raw == nullptr) {
      ++nulls;
      if (PQstatus(conn_) != CONNECTION_OK) break;
      continue;
    }
    const bool sync = PQresultStatus(raw) == PGRES_PIPELINE_SYNC;
    PQclear(raw);
    if (sync) break;
  }
  if (PQexitPipelineMode(conn_) != 1) abandoned_ = true;
}

}  // namespace techmatch::storage::postgres
