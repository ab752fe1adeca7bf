// Reading the typed cells of one CSV record for the import commands (import_rows.h,
// ledger_import_rows.h): every cell the CLI cannot read adds a field violation named after its
// column to the row's rejection, so one pass reports all of a row's problems.
#ifndef TECHMATCH_CLIENT_CSV_ROW_READER_H_
#define TECHMATCH_CLIENT_CSV_ROW_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/csv_reader.h"
#include "client/ledger_enum.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/money.pb.h"
#include "techmatch/v1/common.pb.h"
#include "techmatch/v1/organization.pb.h"

namespace techmatch::client {

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF included, as protobuf rejects
// them), or nullopt when all of `text` is UTF-8.
std::optional<size_t> FirstInvalidUtf8(absl::string_view text);

class CsvRowReader {
 public:
  // Starts `rejection` afresh for `record` (row_number = its line); a record with fewer or more
  // cells than the header has columns is rejected at once.
  CsvRowReader(const CsvColumns& columns, const CsvRecord& record,
               techmatch::v1::ImportRejection* rejection);

  bool ok() const { return rejection_->field_violations_size() == 0; }

  // The trimmed cell, "" when the column is absent. A cell that is not UTF-8 rejects the row
  // (naming its column) and reads as empty: a protobuf string must be UTF-8, and the server
  // could not even parse the row.
  std::string Text(absl::string_view column);
  std::vector<std::string> List(absl::string_view column);
  std::vector<std::string> Names(absl::string_view collection, absl::string_view column);

  // Empty cells are "not given" (nullopt) and not an error, in each typed reader below.
  // An amount as people write it (field_values.h ParseMoney: `1,234.50`, `230万`, `2.5亿`),
  // exact, with at most the currency's minor digits.
  std::optional<google::type::Money> Money(absl::string_view column, absl::string_view currency);
  // A whole number (`1200`, `1,200`); its range is the server's rule.
  std::optional<int64_t> Integer(absl::string_view column);
  // A date or time (field_values.h ParseTime).
  std::optional<google::protobuf::Timestamp> Time(absl::string_view column);
  std::optional<int> Trl(absl::string_view column);
  std::vector<techmatch::v1::CooperationMode> Modes(absl::string_view column);
  std::optional<techmatch::v1::Organization::Kind> Kind(absl::string_view column);

  // A ledger enum value (ledger_enum.h) of column `column`.
  template <typename E, typename Parse>
  std::optional<E> Enum(absl::string_view column, Parse parse, absl::string_view what,
                        absl::string_view names) {
    const std::string text = Text(column);
    if (text.empty()) return std::nullopt;
    absl::StatusOr<E> value = ParseLedgerEnum<E>(text, parse, what, names);
    if (!value.ok()) return Reject(column, value.status());
    return *value;
  }

  // Adds a violation of `field`.
  void Violate(absl::string_view field, absl::string_view description);

 private:
  bool HasViolation(absl::string_view field) const;
  std::nullopt_t Reject(absl::string_view column, const absl::Status& status);

  const CsvColumns& columns_;
  const CsvRecord& record_;
  techmatch::v1::ImportRejection* rejection_;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_CSV_ROW_READER_H_
