#include "bench/pg_bench_connection.h"

#include <libpq-fe.h>

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace techmatch::bench {

absl::StatusOr<std::unique_ptr<PgBenchConnection>> PgBenchConnection::Open(const std::string& uri) {
  pg_conn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr) return absl::ResourceExhaustedError("libpq: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status status = absl::UnavailableError(PQerrorMessage(conn));
    PQfinish(conn);
    return status;
  }
  return std::unique_ptr<PgBenchConnection>(new PgBenchConnection(conn));
}

PgBenchConnection::~PgBenchConnection() { PQfinish(conn_); }

absl::StatusOr<std::vector<std::vector<std::string>>> PgBenchConnection::Query(
    absl::string_view sql) {
  PGresult* result = PQexec(conn_, std::string(sql).c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    absl::Status error = absl::InternalError(absl::StrCat(PQerrorMessage(conn_), " in: ", sql));
    PQclear(result);
    return error;
  }
  std::vector<std::vector<std::string>> rows(PQntuples(result));
  for (int row = 0; row < PQntuples(result); ++row) {
    for (int column = 0; column < PQnfields(result); ++column) {
      rows[row].emplace_back(PQgetvalue(result, row, column), PQgetlength(result, row, column));
    }
  }
  PQclear(result);
  return rows;
}

absl::Status PgBenchConnection::Copy(absl::string_view target, absl::string_view rows) {
  PGresult* start = PQexec(conn_, absl::StrCat("COPY ", target, " FROM STDIN").c_str());
  const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!copying)
    return absl::InternalError(absl::StrCat(PQerrorMessage(conn_), " in COPY ", target));
  constexpr size_t kChunk = 1 << 20;
  for (size_t at = 0; at < rows.size(); at += kChunk) {
    const absl::string_view chunk = rows.substr(at, kChunk);
    if (PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) != 1) {
      return absl::InternalError(PQerrorMessage(conn_));
    }
  }
  if (PQputCopyEnd(conn_, nullptr) != 1) return absl::InternalError(PQerrorMessage(conn_));
  absl::Status status;
  while (PGresult* result = PQgetResult(conn_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && status.ok()) {
      status = absl::InternalError(absl::StrCat(PQerrorMessage(conn_), " in COPY ", target));
    }
    PQclear(result);
  }
  return status;
}

std::string WithDatabase(absl::string_view uri, absl::string_view database) {
  const size_t scheme = uri.find("://");
  const size_t authority = scheme == absl::string_view::npos ? 0 : scheme + 3;
  const size_t query = std::min(uri.find('?', authority), uri.size());
  const size_t path = std::min(uri.find('/', authority), query);
  return absl::StrCat(uri.substr(0, path), "/", database, uri.substr(query));
}

}  // namespace techmatch::bench
