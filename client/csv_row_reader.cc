#include "client/csv_row_reader.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "client/enum_text.h"
#include "client/field_values.h"
#include "client/list_text.h"
#include "client/resource_name.h"

namespace techmatch::client {

using techmatch::v1::CooperationMode;
using techmatch::v1::ImportRejection;

std::optional<size_t> FirstInvalidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the bounds of the second byte
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    if (byte(i + 1) < low || byte(i + 1) > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += length;
  }
  return std::nullopt;
}

CsvRowReader::CsvRowReader(const CsvColumns& columns, const CsvRecord& record,
                           ImportRejection* rejection)
    : columns_(columns), record_(record), rejection_(rejection) {
  rejection_->Clear();
  rejection_->set_row_number(record.line);
  const size_t cells = record.cells.size();
  if (cells < columns.width()) {
    Violate(absl::AsciiStrToLower(columns.header()[cells]),
            absl::StrCat("missing: the row has ", cells, " cells but the header has ",
                         columns.width(), " columns"));
  } else if (cells > columns.width()) {
    Violate("row", absl::StrCat("the row has ", cells, " cells but the header has only ",
                                columns.width(), " columns (quote cells that hold commas)"));
  }
}

std::string CsvRowReader::Text(absl::string_view column) {
  std::optional<std::string> cell = columns_.Cell(record_, column);
  if (!cell) return "";
  if (std::optional<size_t> bad = FirstInvalidUtf8(*cell)) {
    if (HasViolation(column)) return "";
    Violate(column, absl::StrFormat("is not valid UTF-8 (byte 0x%02X at offset %d of the "
                                    "cell); save the file as UTF-8 (Excel: \"CSV UTF-8\")",
                                    static_cast<unsigned char>((*cell)[*bad]), *bad));
    return "";
  }
  return std::string(TrimText(*cell));
}

std::vector<std::string> CsvRowReader::List(absl::string_view column) {
  return SplitList(Text(column), ListSeparators::kCsvCell);
}

std::vector<std::string> CsvRowReader::Names(absl::string_view collection,
                                             absl::string_view column) {
  return QualifyNames(collection, List(column));
}

std::optional<google::type::Money> CsvRowReader::Money(absl::string_view column,
                                                       absl::string_view currency) {
  const std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  absl::StatusOr<google::type::Money> money = ParseMoney(text, currency);
  if (!money.ok()) return Reject(column, money.status());
  return *money;
}

std::optional<int64_t> CsvRowReader::Integer(absl::string_view column) {
  const std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  // Spreadsheets write thousands with separators.
  if (!absl::SimpleAtoi(absl::StrReplaceAll(text, {{",", ""}}), &value)) {
    Violate(column, absl::StrCat("must be a whole number, got '", text, "'"));
    return std::nullopt;
  }
  return value;
}

std::optional<google::protobuf::Timestamp> CsvRowReader::Time(absl::string_view column) {
  const std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(text);
  if (!time.ok()) return Reject(column, time.status());
  return *time;
}

std::optional<int> CsvRowReader::Trl(absl::string_view column) {
  const std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  absl::StatusOr<int> trl = ParseTrl(text);
  if (!trl.ok()) return Reject(column, trl.status());
  return *trl;
}

std::vector<CooperationMode> CsvRowReader::Modes(absl::string_view column) {
  absl::StatusOr<std::vector<CooperationMode>> modes = ParseCooperationModes(List(column));
  if (!modes.ok()) {
    Reject(column, modes.status());
    return {};
  }
  return *modes;
}

std::optional<techmatch::v1::Organization::Kind> CsvRowReader::Kind(absl::string_view column) {
  absl::StatusOr<techmatch::v1::Organization::Kind> kind = ParseOrganizationKind(Text(column));
  if (!kind.ok()) return Reject(column, kind.status());
  return *kind;
}

bool CsvRowReader::HasViolation(absl::string_view field) const {
  for (const auto& violation : rejection_->field_violations()) {
    if (violation.field() == field) return true;
  }
  return false;
}

void CsvRowReader::Violate(absl::string_view field, absl::string_view description) {
  auto* violation = rejection_->add_field_violations();
  violation->set_field(std::string(field));
  violation->set_description(std::string(description));
}

std::nullopt_t CsvRowReader::Reject(absl::string_view column, const absl::Status& status) {
  Violate(column, status.message());
  return std::nullopt;
}

}  // namespace techmatch::client
