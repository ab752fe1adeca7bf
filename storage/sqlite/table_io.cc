#include "storage/sqlite/table_io.h"

#include <string>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/status_macros.h"

namespace techmatch::storage::sqlite {
namespace {

// Names come from the catalogue (storage/table_rows.cc), never from input; quoted all the same.
std::string Quoted(absl::string_view name) { return absl::StrCat("\"", name, "\""); }

// The first `count` columns' names.
std::string Columns(const TableSchema& table, size_t count) {
  std::vector<std::string> names;
  for (size_t i = 0; i < count; ++i) names.push_back(Quoted(table.columns[i].name));
  return absl::StrJoin(names, ", ");
}

// ?first, ?first+1, ... for `count` parameters.
std::string Markers(int first, size_t count) {
  std::vector<std::string> markers;
  for (size_t i = 0; i < count; ++i) {
    markers.push_back(absl::StrCat("?", first + static_cast<int>(i)));
  }
  return absl::StrJoin(markers, ", ");
}

void Bind(ScopedStatement& statement, int index, const TableColumn& column,
          const TableValue& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    statement.BindNull(index);
  } else if (const auto* number = std::get_if<int64_t>(&value)) {
    statement.BindInt64(index, *number);
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    statement.BindInt64(index, *flag ? 1 : 0);
  } else if (column.type == ColumnType::kBytes) {
    statement.BindBlob(index, std::get<std::string>(value));
  } else {
    statement.BindText(index, std::get<std::string>(value));
  }
}

TableValue ReadValue(const RowReader& row, int index, ColumnType type) {
  if (row.IsNull(index)) return std::monostate();
  switch (type) {
    case ColumnType::kInteger:
      return row.Int64(index);
    case ColumnType::kBoolean:
      return row.Int64(index) != 0;
    case ColumnType::kText:
    case ColumnType::kBytes:
      break;
  }
  return row.Text(index);
}

absl::Status CheckWidth(const TableSchema& table, const TableRow& row) {
  if (row.size() == table.columns.size()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("a row of ", table.name, " has ", row.size(),
                                                 " columns, expected ", table.columns.size()));
}

}  // namespace

absl::StatusOr<std::vector<TableRow>> TableIo::ReadBatch(const TableSchema& table,
                                                         const TableRow* after, size_t limit) {
  const std::string key = Columns(table, table.key_columns);
  std::string sql =
      absl::StrCat("SELECT ", Columns(table, table.columns.size()), " FROM ", Quoted(table.name));
  int next = 1;
  if (after != nullptr) {
    TM_RETURN_IF_ERROR(CheckWidth(table, *after));
    absl::StrAppend(&sql, " WHERE (", key, ") > (", Markers(1, table.key_columns), ")");
    next += static_cast<int>(table.key_columns);
  }
  absl::StrAppend(&sql, " ORDER BY ", key, " LIMIT ?", next);
  ScopedStatement statement = connection_.Prepare(sql);
  if (after != nullptr) {
    for (size_t i = 0; i < table.key_columns; ++i) {
      Bind(statement, static_cast<int>(i) + 1, table.columns[i], (*after)[i]);
    }
  }
  statement.BindInt64(next, static_cast<int64_t>(limit));
  std::vector<TableRow> rows;
  while (statement.Step()) {
    const RowReader reader = statement.Row();
    TableRow row;
    row.reserve(table.columns.size());
    for (size_t i = 0; i < table.columns.size(); ++i) {
      row.push_back(ReadValue(reader, static_cast<int>(i), table.columns[i].type));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<int64_t> TableIo::CountRows(const TableSchema& table) {
  ScopedStatement statement =
      connection_.Prepare(absl::StrCat("SELECT count(*) FROM ", Quoted(table.name)));
  statement.Step();
  return statement.Row().Int64(0);
}

absl::Status TableIo::ClearTable(const TableSchema& table) {
  connection_.Prepare(absl::StrCat("DELETE FROM ", Quoted(table.name))).Run();
  return absl::OkStatus();
}

absl::Status TableIo::InsertRows(const TableSchema& table, const std::vector<TableRow>& rows) {
  ScopedStatement statement = connection_.Prepare(
      absl::StrCat("INSERT INTO ", Quoted(table.name), " (", Columns(table, table.columns.size()),
                   ") VALUES (", Markers(1, table.columns.size()), ")"));
  for (const TableRow& row : rows) {
    TM_RETURN_IF_ERROR(CheckWidth(table, row));
    for (size_t i = 0; i < row.size(); ++i) {
      Bind(statement, static_cast<int>(i) + 1, table.columns[i], row[i]);
    }
    statement.Run();
    statement.Reset();
  }
  return absl::OkStatus();
}

absl::Status TableIo::SetDeferredColumn(const TableSchema& table, const TableRow& row) {
  TM_RETURN_IF_ERROR(CheckWidth(table, row));
  const int column = ColumnIndex(table, table.deferred_column);
  if (column < 0) {
    return absl::InvalidArgumentError(absl::StrCat(table.name, " has no deferred column"));
  }
  ScopedStatement statement = connection_.Prepare(absl::StrCat(
      "UPDATE ", Quoted(table.name), " SET ", Quoted(table.deferred_column), " = ?1 WHERE (",
      Columns(table, table.key_columns), ") = (", Markers(2, table.key_columns), ")"));
  Bind(statement, 1, table.columns[static_cast<size_t>(column)], row[static_cast<size_t>(column)]);
  for (size_t i = 0; i < table.key_columns; ++i) {
    Bind(statement, static_cast<int>(i) + 2, table.columns[i], row[i]);
  }
  statement.Run();
  return absl::OkStatus();
}

}  // namespace techmatch::storage::sqlite
