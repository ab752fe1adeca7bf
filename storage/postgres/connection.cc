#include "storage/postgres/connection.h"

#include <libpq-fe.h>

#include <cstring>
#include <utility>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
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

constexpr int kBinary = 1;

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
                                                             absl::Duration connect_timeout) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    return absl::InvalidArgumentError(absl::StrCat("bad PostgreSQL URI: ", message));
  }
  PQconninfoFree(options);
  // The URI is expanded in place of dbname; a keyword after it overrides what the URI says.
  // Without a timeout of our own the lists end after dbname.
  const std::string timeout = absl::StrCat(absl::ToInt64Seconds(connect_timeout));
  const bool timed = connect_timeout > absl::ZeroDuration();
  const char* const keywords[] = {"dbname", timed ? "connect_timeout" : nullptr, nullptr};
  const char* const values[] = {uri.c_str(), timed ? timeout.c_str() : nullptr, nullptr};
  pg_conn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return absl::ResourceExhaustedError("out of memory connecting");
  if (PQstatus(conn) != CONNECTION_OK) {
    // The message names host and reason, never the password (libpq leaves it out).
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    spdlog::error("storage: cannot connect to PostgreSQL: {}", message);
    return absl::UnavailableError("cannot connect to the PostgreSQL server; see the server log");
  }
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

absl::Status Connection::Reset() {
  PQreset(conn_);
  prepared_.clear();
  if (!Healthy()) {
    spdlog::error("storage: cannot reconnect to PostgreSQL: {}", PQerrorMessage(conn_));
    return absl::UnavailableError("cannot reconnect to the PostgreSQL server; see the server log");
  }
  return absl::OkStatus();
}

absl::Status Connection::Failure(pg_result* result) const {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  // A broken connection is reported without a SQLSTATE (or with a made-up one): say "" so the
  // mapping answers UNAVAILABLE.
  return DatabaseError(Healthy() && state != nullptr ? state : "",
                       message != nullptr ? message : "");
}

absl::StatusOr<Result> Connection::Exec(absl::string_view sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    if (prepared_.size() >= kMaxPrepared) {
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
    it = prepared_.emplace(text, std::move(name)).first;
  }
  std::vector<const char*> values(params.size());
  std::vector<int> lengths(params.size());
  const std::vector<int> formats(params.size(), kBinary);
  for (size_t i = 0; i < params.size(); ++i) {
    if (!params.values_[i]) continue;
    values[i] = params.values_[i]->data();
    lengths[i] = static_cast<int>(params.values_[i]->size());
  }
  Result result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                               values.data(), lengths.data(), formats.data(), kBinary));
  const ExecStatusType status = PQresultStatus(result.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(result.result_.get());
  }
  return result;
}

absl::Status Connection::Script(absl::string_view sql) {
  const std::string text(sql);
  Result result(PQexec(conn_, text.c_str()));
  const ExecStatusType status = PQresultStatus(result.result_.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(result.result_.get());
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
