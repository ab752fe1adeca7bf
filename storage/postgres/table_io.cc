#include "storage/postgres/table_io.h"

#include <optional>
#include <string>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/status_macros.h"

namespace techmatch::storage::postgres {
namespace {

// Rows per INSERT: a batch of the widest table stays far below the 65,535 parameters a
// statement may bind.
constexpr size_t kRowsPerInsert = 500;

// Names come from the catalogue (storage/table_rows.cc), never from input; quoted all the same.
std::string Quoted(absl::string_view name) { return absl::StrCat("\"", name, "\""); }

// The first `count` columns' names.
std::string Columns(const TableSchema& table, size_t count) {
  std::vector<std::string> names;
  for (size_t i = 0; i < count; ++i) names.push_back(Quoted(table.columns[i].name));
  return absl::StrJoin(names, ", ");
}

// $first, $first+1, ... for `count` parameters.
std::string Markers(size_t first, size_t count) {
  std::vector<std::string> markers;
  for (size_t i = 0; i < count; ++i) markers.push_back(absl::StrCat("$", first + i));
  return absl::StrJoin(markers, ", ");
}

absl::Status Bind(Params& params, const TableSchema& table, const TableColumn& column,
                  const TableValue& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    switch (column.type) {
      case ColumnType::kText:
        params.OptionalText(std::nullopt);
        return absl::OkStatus();
      case ColumnType::kInteger:
        params.OptionalInt64(std::nullopt);
        return absl::OkStatus();
      case ColumnType::kBoolean:
      case ColumnType::kBytes:
        break;
    }
    // No boolean or bytes column of the schema takes NULL.
    return absl::InvalidArgumentError(
        absl::StrCat(table.name, ".", column.name, " is NULL, which it never is"));
  }
  if (const auto* number = std::get_if<int64_t>(&value)) {
    params.Int64(*number);
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    params.Bool(*flag);
  } else if (column.type == ColumnType::kBytes) {
    params.Bytes(std::get<std::string>(value));
  } else {
    params.Text(std::get<std::string>(value));
  }
  return absl::OkStatus();
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
  Params params;
  if (after != nullptr) {
    TM_RETURN_IF_ERROR(CheckWidth(table, *after));
    absl::StrAppend(&sql, " WHERE (", key, ") > (", Markers(1, table.key_columns), ")");
    for (size_t i = 0; i < table.key_columns; ++i) {
      TM_RETURN_IF_ERROR(Bind(params, table, table.columns[i], (*after)[i]));
    }
  }
  absl::StrAppend(&sql, " ORDER BY ", key, " LIMIT $", params.size() + 1);
  params.Int64(static_cast<int64_t>(limit));
  TM_ASSIGN_OR_RETURN(const Result result, connection_.Exec(sql, params));
  std::vector<TableRow> rows;
  rows.reserve(static_cast<size_t>(result.rows()));
  for (int r = 0; r < result.rows(); ++r) {
    TableRow row;
    row.reserve(table.columns.size());
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const int c = static_cast<int>(i);
      if (result.IsNull(r, c)) {
        row.emplace_back(std::monostate());
        continue;
      }
      switch (table.columns[i].type) {
        case ColumnType::kInteger:
          row.emplace_back(result.Int64(r, c));
          break;
        case ColumnType::kBoolean:
          row.emplace_back(result.Bool(r, c));
          break;
        case ColumnType::kText:
        case ColumnType::kBytes:
          row.emplace_back(result.Text(r, c));
          break;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<int64_t> TableIo::CountRows(const TableSchema& table) {
  TM_ASSIGN_OR_RETURN(const Result result,
                      connection_.Exec(absl::StrCat("SELECT count(*) FROM ", Quoted(table.name))));
  return result.Int64(0, 0);
}

absl::Status TableIo::ClearTable(const TableSchema& table) {
  return connection_.Exec(absl::StrCat("DELETE FROM ", Quoted(table.name))).status();
}

absl::Status TableIo::InsertRows(const TableSchema& table, const std::vector<TableRow>& rows) {
  const size_t width = table.columns.size();
  for (size_t start = 0; start < rows.size(); start += kRowsPerInsert) {
    const size_t end = std::min(rows.size(), start + kRowsPerInsert);
    std::vector<std::string> tuples;
    Params params;
    for (size_t r = start; r < end; ++r) {
      TM_RETURN_IF_ERROR(CheckWidth(table, rows[r]));
      tuples.push_back(absl::StrCat("(", Markers(params.size() + 1, width), ")"));
      for (size_t i = 0; i < width; ++i) {
        TM_RETURN_IF_ERROR(Bind(params, table, table.columns[i], rows[r][i]));
      }
    }
    TM_RETURN_IF_ERROR(
        connection_
            .Exec(absl::StrCat("INSERT INTO ", Quoted(table.name), " (", Columns(table, width),
                               ") VALUES ", absl::StrJoin(tuples, ", ")),
                  params)
            .status());
  }
  return absl::OkStatus();
}

absl::Status TableIo::SetDeferredColumn(const TableSchema& table, const TableRow& row) {
  TM_RETURN_IF_ERROR(CheckWidth(table, row));
  const int column = ColumnIndex(table, table.deferred_column);
  if (column < 0) {
    return absl::InvalidArgumentError(absl::StrCat(table.name, " has no deferred column"));
  }
  Params params;
  TM_RETURN_IF_ERROR(Bind(params, table, table.columns[static_cast<size_t>(column)],
                          row[static_cast<size_t>(column)]));
  for (size_t i = 0; i < table.key_columns; ++i) {
    TM_RETURN_IF_ERROR(Bind(params, table, table.columns[i], row[i]));
  }
  return connection_
      .Exec(absl::StrCat("UPDATE ", Quoted(table.name), " SET ", Quoted(table.deferred_column),
                         " = $1 WHERE (", Columns(table, table.key_columns), ") = (",
                         Markers(2, table.key_columns), ")"),
            params)
      .status();
}

}  // namespace techmatch::storage::postgres
