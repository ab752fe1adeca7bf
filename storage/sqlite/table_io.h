// The SQLite rendering of storage/table_rows.h: whole tables read in keyset batches and written
// row by row on one connection, inside the transaction its caller opened.
#ifndef TECHMATCH_STORAGE_SQLITE_TABLE_IO_H_
#define TECHMATCH_STORAGE_SQLITE_TABLE_IO_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/sqlite/connection.h"
#include "storage/table_rows.h"

namespace techmatch::storage::sqlite {

// Statements throw SQLite::Exception, as every *Rows class's; the repository's read and write
// paths turn them into statuses.
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

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_TABLE_IO_H_
