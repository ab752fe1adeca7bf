// The database's tables as rows of typed columns, for copying a whole database from one backend
// to another (storage/table_copy.h): the catalogue of the tables copied, in foreign-key order,
// and what each backend implements to read them in keyset batches inside one snapshot and to
// write them inside one transaction. No SQL here; each backend renders the catalogue itself.
#ifndef TECHMATCH_STORAGE_TABLE_ROWS_H_
#define TECHMATCH_STORAGE_TABLE_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::storage {

// A column's type on both backends: text is TEXT/text (or a domain over it), integer is
// INTEGER/bigint/integer, boolean is SQLite's 0/1 INTEGER and PostgreSQL's boolean, bytes is
// BLOB/bytea.
enum class ColumnType { kText, kInteger, kBoolean, kBytes };

struct TableColumn {
  absl::string_view name;
  ColumnType type;
};

struct TableSchema {
  absl::string_view name;
  // The primary key's columns come first, in keyset order.
  std::vector<TableColumn> columns;
  size_t key_columns = 1;
  // A column that refers to a row written later (a parent organization, a need's closing
  // agreement): written NULL with the row, set once every table is in. Empty when none.
  absl::string_view deferred_column;
  // Rows the migrations (or opening the database) put in every new database: a target whose
  // table holds at most this many rows, each at revision 1, still counts as empty, and they are
  // replaced by the source's. 0: any row makes the target non-empty.
  int64_t seeded_rows = 0;
};

// Every table that holds records, in an order where each row's references (the deferred
// columns aside) are written before it. Not copied: the schema version (each backend keeps its
// own) and the summary change log, which the agreement and organization triggers refill as the
// rows are written.
const std::vector<TableSchema>& CopiedTables();

// The index of `column` in `table.columns`, or -1.
int ColumnIndex(const TableSchema& table, absl::string_view column);

// One column's value: NULL, an integer, a boolean, or text or bytes.
using TableValue = std::variant<std::monostate, int64_t, bool, std::string>;
using TableRow = std::vector<TableValue>;

// Reads tables inside one snapshot.
class TableReader {
 public:
  virtual ~TableReader() = default;
  // At most `limit` rows of `table`, all columns in catalogue order, in key order after the
  // key of `after` (from the start when null).
  virtual absl::StatusOr<std::vector<TableRow>> ReadBatch(const TableSchema& table,
                                                          const TableRow* after, size_t limit) = 0;
  virtual absl::StatusOr<int64_t> CountRows(const TableSchema& table) = 0;
};

// Reads and writes tables inside one transaction.
class TableWriter : public TableReader {
 public:
  // Deletes every row of a seeded table (a new database's seed, before the source's rows).
  virtual absl::Status ClearTable(const TableSchema& table) = 0;
  // Inserts `rows` as they are (columns in catalogue order).
  virtual absl::Status InsertRows(const TableSchema& table, const std::vector<TableRow>& rows) = 0;
  // Sets `table.deferred_column` of the row whose key is `row`'s to `row`'s value there.
  virtual absl::Status SetDeferredColumn(const TableSchema& table, const TableRow& row) = 0;
};

// What a backend offers for copying: its schema version and its tables.
class TableStore {
 public:
  virtual ~TableStore() = default;
  // The schema version in SQLite's numbering (PostgreSQL's: postgres::SqliteSchemaOf).
  virtual absl::StatusOr<int> CopySchemaVersion() = 0;
  // Runs `body` with a reader over one snapshot of the database.
  virtual absl::Status ReadTables(absl::FunctionRef<absl::Status(TableReader&)> body) = 0;
  // Runs `body` in one write transaction, committed when it returns OK and undone otherwise.
  virtual absl::Status WriteTables(absl::FunctionRef<absl::Status(TableWriter&)> body) = 0;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_TABLE_ROWS_H_
