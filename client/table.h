// Rendering rows of text as an aligned terminal table, as CSV, or as `key: value` lines.
#ifndef TECHMATCH_CLIENT_TABLE_H_
#define TECHMATCH_CLIENT_TABLE_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch::client {

enum class Align { kLeft, kRight };

struct Column {
  std::string header;
  Align align = Align::kLeft;
  // Cells wider than this are cut with "…" in aligned output (0: never), so one long title
  // does not push every other column off the screen. CSV output is never cut.
  size_t max_width = 0;
};

class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // Adds a row; missing trailing cells are empty, extra cells are dropped.
  void AddRow(std::vector<std::string> cells);

  size_t row_count() const { return rows_.size(); }

  // Columns padded to their widest cell by display width (CJK counts two), two spaces apart,
  // no trailing blanks. Line breaks inside cells become spaces.
  void RenderAligned(std::ostream& out) const;
  // RFC 4180: a header row, then one row per line, fields quoted when they need it.
  void RenderCsv(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// One record as `key: value` lines with the values aligned; continuation lines of a multi-line
// value are indented under it.
using Record = std::vector<std::pair<std::string, std::string>>;
void RenderRecord(const Record& record, std::ostream& out);

// Whether a spreadsheet would run `field` as a formula: it starts with =, @, a tab or a CR, or
// with + or - and is not a plain number such as -1250.00.
bool IsFormulaLike(absl::string_view field);
// `field` as one CSV cell, the one function every CSV the CLI writes goes through: quoted when
// it contains a comma, quote, CR or LF (quotes doubled); a formula-like field (IsFormulaLike)
// is written as text, "'=...", so opening the file never runs it.
std::string CsvQuote(absl::string_view field);
// One RFC 4180 line: the cells quoted where needed, joined by commas, ended by CRLF (for
// output that arrives a row at a time).
void RenderCsvRow(const std::vector<std::string>& cells, std::ostream& out);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_TABLE_H_
