#include "client/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace techmatch::client {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// State shared with libcsv's C callbacks.
struct ParseState {
  std::vector<CsvRecord> records;
  CsvRecord current;
  int64_t line = 1;  // The line of the chunk being fed to libcsv.
};

void OnField(void* data, size_t length, void* user) {
  auto* state = static_cast<ParseState*>(user);
  std::string cell(data == nullptr ? "" : static_cast<const char*>(data), length);
  if (state->current.cells.empty()) {
    // libcsv reports a field once it has seen its end, which may be lines after its start
    // when the quoted cell holds line breaks; those breaks are kept in the cell, so counting
    // them gives the line the record started on.
    state->current.line = state->line - std::count(cell.begin(), cell.end(), '\n');
  }
  state->current.cells.push_back(std::move(cell));
}

void OnRecordEnd(int /*terminator*/, void* user) {
  auto* state = static_cast<ParseState*>(user);
  state->records.push_back(std::move(state->current));
  state->current = CsvRecord{};
}

std::string NormalizeColumnName(absl::string_view name) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
}

}  // namespace

absl::StatusOr<CsvDocument> ParseCsv(absl::string_view text) {
  absl::ConsumePrefix(&text, kUtf8Bom);
  csv_parser parser;
  // Strict: a stray quote inside an unquoted cell, or a file ending inside quotes, is an error
  // rather than a silently merged cell.
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    return absl::ResourceExhaustedError("cannot initialise the CSV parser");
  }
  ParseState state;
  absl::Status status;
  // Fed one line at a time so the callbacks know which line they are on.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == absl::string_view::npos ? text.size() : end + 1;
    const absl::string_view chunk = text.substr(pos, end - pos);
    if (csv_parse(&parser, chunk.data(), chunk.size(), OnField, OnRecordEnd, &state) !=
        chunk.size()) {
      status = absl::InvalidArgumentError(
          absl::StrCat("malformed CSV on line ", state.line, ": ", csv_strerror(csv_error(&parser)),
                       " (a quote inside a cell must be doubled and the cell quoted)"));
      break;
    }
    if (end > 0 && text[end - 1] == '\n') ++state.line;
    pos = end;
  }
  if (status.ok() && csv_fini(&parser, OnField, OnRecordEnd, &state) != 0) {
    status = absl::InvalidArgumentError(
        absl::StrCat("malformed CSV at the end of the file: ", csv_strerror(csv_error(&parser)),
                     " (is a quoted cell missing its closing quote?)"));
  }
  csv_free(&parser);
  if (!status.ok()) return status;
  if (state.records.empty()) return absl::InvalidArgumentError("the CSV file has no header row");

  CsvDocument document;
  for (std::string& name : state.records.front().cells) {
    document.header.push_back(std::string(absl::StripAsciiWhitespace(name)));
  }
  for (size_t i = 1; i < state.records.size(); ++i) {
    CsvRecord& record = state.records[i];
    // Spreadsheets export emptied rows as ",,,,"; they carry nothing to import.
    const bool blank = std::all_of(record.cells.begin(), record.cells.end(), [](auto& cell) {
      return absl::StripAsciiWhitespace(cell).empty();
    });
    if (!blank) document.records.push_back(std::move(record));
  }
  return document;
}

absl::StatusOr<CsvDocument> ReadCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open '", path, "'"));
  std::ostringstream contents;
  contents << in.rdbuf();
  absl::StatusOr<CsvDocument> document = ParseCsv(contents.str());
  if (!document.ok()) {
    return absl::Status(document.status().code(),
                        absl::StrCat(path, ": ", document.status().message()));
  }
  return document;
}

absl::StatusOr<CsvColumns> CsvColumns::Bind(const std::vector<std::string>& header,
                                            const std::vector<std::string>& required,
                                            const std::vector<std::string>& optional) {
  CsvColumns columns;
  columns.header_ = header;
  columns.width_ = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = NormalizeColumnName(header[i]);
    if (!columns.index_.emplace(name, i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("the CSV header names column '", name, "' twice"));
    }
    const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                       std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) columns.unknown_.push_back(name);
  }
  for (const std::string& name : required) {
    if (!columns.index_.contains(name)) {
      return absl::InvalidArgumentError(
          absl::StrCat("the CSV header lacks the required column '", name,
                       "' (required: ", absl::StrJoin(required, ","), ")"));
    }
  }
  return columns;
}

std::optional<std::string> CsvColumns::Cell(const CsvRecord& record, absl::string_view name) const {
  auto it = index_.find(std::string(name));
  if (it == index_.end() || it->second >= record.cells.size()) return std::nullopt;
  return record.cells[it->second];
}

}  // namespace techmatch::client
