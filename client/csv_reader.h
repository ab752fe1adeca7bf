// Reading spreadsheet exports (CSV, RFC 4180) for the import commands, via libcsv.
//
// Organizers export needs from Excel or WPS: UTF-8 with or without a byte-order mark, quoted
// cells holding commas and line breaks. Each record keeps the line it starts on, so an error
// report points at the line a person sees in a text editor.
#ifndef TECHMATCH_CLIENT_CSV_READER_H_
#define TECHMATCH_CLIENT_CSV_READER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::client {

struct CsvRecord {
  int64_t line = 0;  // 1-based line the record starts on.
  std::vector<std::string> cells;
};

struct CsvDocument {
  std::vector<std::string> header;  // The first record, names trimmed.
  std::vector<CsvRecord> records;   // Every later record; blank lines are skipped.
};

// Parses CSV text. INVALID_ARGUMENT for malformed quoting (with the line) or no header row.
absl::StatusOr<CsvDocument> ParseCsv(absl::string_view text);

// Reads and parses a file; NOT_FOUND when it cannot be opened.
absl::StatusOr<CsvDocument> ReadCsvFile(const std::string& path);

// The header's columns bound by name (case-insensitive).
class CsvColumns {
 public:
  // INVALID_ARGUMENT naming the first of `required` missing from `header`, or a duplicate
  // column. Columns outside `required` and `optional` are reported in `unknown()`.
  static absl::StatusOr<CsvColumns> Bind(const std::vector<std::string>& header,
                                         const std::vector<std::string>& required,
                                         const std::vector<std::string>& optional);

  // The cell of column `name` in `record`, or nullopt when the header lacks the column or the
  // record is shorter than it.
  std::optional<std::string> Cell(const CsvRecord& record, absl::string_view name) const;
  // Whether the record has exactly one cell per header column.
  bool HasEveryColumn(const CsvRecord& record) const { return record.cells.size() == width_; }
  size_t width() const { return width_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<std::string>& unknown() const { return unknown_; }

 private:
  std::map<std::string, size_t, std::less<>> index_;
  std::vector<std::string> header_;
  std::vector<std::string> unknown_;
  size_t width_ = 0;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_CSV_READER_H_
