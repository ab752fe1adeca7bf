#include "client/table.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "client/display_width.h"

namespace techmatch::client {
namespace {

std::string OneLine(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\r\n", " "}, {"\n", " "}, {"\r", " "}, {"\t", " "}});
}

}  // namespace

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void Table::RenderAligned(std::ostream& out) const {
  std::vector<std::vector<std::string>> shown;
  shown.reserve(rows_.size());
  std::vector<size_t> widths(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) widths[c] = DisplayWidth(columns_[c].header);
  for (const auto& row : rows_) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < columns_.size(); ++c) {
      std::string cell = OneLine(row[c]);
      if (columns_[c].max_width > 0) cell = TruncateToWidth(cell, columns_[c].max_width);
      widths[c] = std::max(widths[c], DisplayWidth(cell));
      cells.push_back(std::move(cell));
    }
    shown.push_back(std::move(cells));
  }
  auto print_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string padding(widths[c] - DisplayWidth(cells[c]), ' ');
      if (c > 0) line += "  ";
      if (columns_[c].align == Align::kRight) {
        line += padding + cells[c];
      } else {
        line += cells[c] + padding;
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  std::vector<std::string> headers;
  for (const Column& column : columns_) headers.push_back(column.header);
  print_line(headers);
  for (const auto& cells : shown) print_line(cells);
}

void RenderCsvRow(const std::vector<std::string>& cells, std::ostream& out) {
  std::vector<std::string> quoted;
  for (const std::string& cell : cells) quoted.push_back(CsvQuote(cell));
  out << absl::StrJoin(quoted, ",") << "\r\n";
}

void Table::RenderCsv(std::ostream& out) const {
  std::vector<std::string> headers;
  for (const Column& column : columns_) headers.push_back(column.header);
  RenderCsvRow(headers, out);
  for (const auto& row : rows_) RenderCsvRow(row, out);
}

void RenderRecord(const Record& record, std::ostream& out) {
  size_t key_width = 0;
  for (const auto& [key, value] : record) key_width = std::max(key_width, DisplayWidth(key));
  for (const auto& [key, value] : record) {
    const std::string indent(key_width + 2, ' ');
    const std::string normalized = absl::StrReplaceAll(value, {{"\r\n", "\n"}});
    std::vector<absl::string_view> lines = absl::StrSplit(normalized, '\n');
    out << key << ':';
    // No trailing blanks after an empty value.
    if (!lines[0].empty()) out << std::string(key_width - DisplayWidth(key) + 1, ' ') << lines[0];
    for (size_t i = 1; i < lines.size(); ++i) out << '\n' << indent << lines[i];
    out << '\n';
  }
}

namespace {

// A number as the CLI writes one ("-1250.00", "+3", "-7"): a spreadsheet reads it as a value,
// never as a formula, so it keeps its sign.
bool IsPlainNumber(absl::string_view text) {
  size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (i == text.size()) return false;
  bool digit = false;
  for (; i < text.size(); ++i) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      digit = true;
    } else if (text[i] != '.') {
      return false;
    }
  }
  return digit;
}

}  // namespace

bool IsFormulaLike(absl::string_view field) {
  if (field.empty()) return false;
  switch (field[0]) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !IsPlainNumber(field);
    default:
      return false;
  }
}

std::string CsvQuote(absl::string_view field) {
  // A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a formula:
  // a leading apostrophe makes it text, and the quotes keep the apostrophe with the cell.
  if (IsFormulaLike(field)) {
    return absl::StrCat("\"'", absl::StrReplaceAll(field, {{"\"", "\"\""}}), "\"");
  }
  if (field.find_first_of(",\"\r\n") == absl::string_view::npos) return std::string(field);
  return "\"" + absl::StrReplaceAll(field, {{"\"", "\"\""}}) + "\"";
}

}  // namespace techmatch::client
