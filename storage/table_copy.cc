#include "storage/table_copy.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace techmatch::storage {
namespace {

// FAILED_PRECONDITION naming the first table that makes `target` hold records.
absl::Status CheckEmpty(TableWriter& target) {
  for (const TableSchema& table : CopiedTables()) {
    TM_ASSIGN_OR_RETURN(const int64_t rows, target.CountRows(table));
    if (rows == 0) continue;
    const auto refuse = [&](absl::string_view why) {
      return absl::FailedPreconditionError(
          absl::StrCat("the target database is not empty: table ", table.name, " ", why,
                       "; copy only into a new database (nothing was written)"));
    };
    if (rows > table.seeded_rows) {
      return refuse(table.seeded_rows == 0
                        ? absl::StrCat("holds ", rows, " rows")
                        : absl::StrCat("holds ", rows, " rows, more than the ", table.seeded_rows,
                                       " a new database starts with"));
    }
    const int revision = ColumnIndex(table, "revision");
    if (revision < 0) continue;
    TM_ASSIGN_OR_RETURN(const std::vector<TableRow> seeded,
                        target.ReadBatch(table, nullptr, static_cast<size_t>(rows)));
    for (const TableRow& row : seeded) {
      const auto* value = std::get_if<int64_t>(&row[static_cast<size_t>(revision)]);
      if (value == nullptr || *value != 1) return refuse("holds a row changed since it was seeded");
    }
  }
  return absl::OkStatus();
}

// Calls `each` with every batch of `table` in `reader`, in key order.
absl::Status ForEachBatch(TableReader& reader, const TableSchema& table, size_t batch_rows,
                          absl::FunctionRef<absl::Status(std::vector<TableRow>&)> each) {
  TableRow last;
  bool first = true;
  while (true) {
    TM_ASSIGN_OR_RETURN(std::vector<TableRow> batch,
                        reader.ReadBatch(table, first ? nullptr : &last, batch_rows));
    if (batch.empty()) return absl::OkStatus();
    first = false;
    last = batch.back();
    const bool full = batch.size() == batch_rows;
    TM_RETURN_IF_ERROR(each(batch));
    if (!full) return absl::OkStatus();
  }
}

}  // namespace

bool CopyReport::CountsMatch() const {
  for (const TableCount& count : tables) {
    if (count.source_rows != count.target_rows) return false;
  }
  return true;
}

absl::StatusOr<CopyReport> CopyTables(TableStore& source, TableStore& target, size_t batch_rows) {
  if (batch_rows == 0) return absl::InvalidArgumentError("batch_rows must be positive");
  TM_ASSIGN_OR_RETURN(const int source_version, source.CopySchemaVersion());
  TM_ASSIGN_OR_RETURN(const int target_version, target.CopySchemaVersion());
  if (source_version != target_version) {
    return absl::FailedPreconditionError(
        absl::StrCat("the source is at schema version ", source_version, " and the target at ",
                     target_version, " (SQLite's numbering); open both with the same build"));
  }
  CopyReport report;
  TM_RETURN_IF_ERROR(source.ReadTables([&](TableReader& reader) -> absl::Status {
    return target.WriteTables([&](TableWriter& writer) -> absl::Status {
      // The transaction may run again (a PostgreSQL serialization failure): start afresh.
      report.tables.clear();
      TM_RETURN_IF_ERROR(CheckEmpty(writer));
      for (const TableSchema& table : CopiedTables()) {
        if (table.seeded_rows > 0) TM_RETURN_IF_ERROR(writer.ClearTable(table));
        const int deferred =
            table.deferred_column.empty() ? -1 : ColumnIndex(table, table.deferred_column);
        TM_RETURN_IF_ERROR(
            ForEachBatch(reader, table, batch_rows, [&](std::vector<TableRow>& rows) {
              if (deferred >= 0) {
                for (TableRow& row : rows) row[static_cast<size_t>(deferred)] = std::monostate();
              }
              return writer.InsertRows(table, rows);
            }));
        TableCount count;
        count.table = std::string(table.name);
        TM_ASSIGN_OR_RETURN(count.source_rows, reader.CountRows(table));
        report.tables.push_back(std::move(count));
      }
      // Every row is in: the references to rows written later can be set.
      for (const TableSchema& table : CopiedTables()) {
        if (table.deferred_column.empty()) continue;
        const size_t deferred = static_cast<size_t>(ColumnIndex(table, table.deferred_column));
        TM_RETURN_IF_ERROR(
            ForEachBatch(reader, table, batch_rows, [&](std::vector<TableRow>& rows) {
              for (const TableRow& row : rows) {
                if (std::holds_alternative<std::monostate>(row[deferred])) continue;
                TM_RETURN_IF_ERROR(writer.SetDeferredColumn(table, row));
              }
              return absl::OkStatus();
            }));
      }
      return absl::OkStatus();
    });
  }));
  // Counted again after the commit, in a snapshot of its own: what the target now serves.
  TM_RETURN_IF_ERROR(target.ReadTables([&](TableReader& reader) -> absl::Status {
    const std::vector<TableSchema>& tables = CopiedTables();
    for (size_t i = 0; i < report.tables.size(); ++i) {
      TM_ASSIGN_OR_RETURN(report.tables[i].target_rows, reader.CountRows(tables[i]));
    }
    return absl::OkStatus();
  }));
  return report;
}

}  // namespace techmatch::storage
