// The PostgreSQL rendering of storage/table_rows.h: whole tables read in keyset batches and
// written a batch per statement on one connection, inside the transaction its caller opened.
#ifndef TECHMATCH_STORAGE_POSTGRES_TABLE_IO_H_
#define TECHMATCH_STORAGE_POSTGRES_TABLE_IO_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/postgres/connection.h"
#include "storage/table_rows.h"

namespace techmatch::storage::postgres {

// The SQLite schema version whose tables PostgreSQL's schema version `version` holds (index:
// the PostgreSQL version; storage/postgres/README.md, migrations): 1..6 are SQLite's 9..14;
// 7 adds only the change feed of several servers and 8 the staging of audit records, which
// SQLite has no use for (a copy links staged records before it reads). -1 for a version this
// table does not know (a newer build's).
inline constexpr int kSqliteSchemaOf[] = {-1, 9, 10, 11, 12, 13, 14, 14, 14};
inline int SqliteSchemaOf(int version) {
  return version >= 0 && version < static_cast<int>(std::size(kSqliteSchemaOf))
             ? kSqliteSchemaOf[version]
             : -1;
}

class TableIo final : public TableWriter {
 public:
  explicit TableIo(Connection& connection) : connection_(connection) {}

  absl::StatusOr<std::vector<TableRow>> ReadBatch(const TableSchema& table, const TableRow* after,
                                                  size_t limit) override;
  absl::StatusOr<int64_t> CountRows(const TableSchema& table) override;
  absl::Status ClearTable(const TableSchema& table) override;
  absl::Status InsertRows(const TableSchema& table, const std::vector<TableRow>& rows) override;
  absl::Status SetDeferredColumn(const TableSchema& table, const TableRow& row) override;

 private:
  Connection& connection_;
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_TABLE_IO_H_
