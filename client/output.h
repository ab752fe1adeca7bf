// Printing results in the format the user chose: aligned table, protobuf JSON or CSV.
#ifndef TECHMATCH_CLIENT_OUTPUT_H_
#define TECHMATCH_CLIENT_OUTPUT_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "client/field_values.h"
#include "client/table.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace techmatch::client {

enum class OutputFormat { kTable, kJson, kCsv };

// How one resource type is shown: every field as a record (for `get` and CSV), and the
// columns of the record an aligned list shows (keys of the record, printed upper-cased).
template <typename Item>
struct View {
  std::function<Record(const Item&, const ValueFormat&)> record;
  std::vector<Column> list_columns;
};

// The protobuf JSON mapping of `message` on one line (field names in lowerCamelCase).
std::string ToJson(const google::protobuf::Message& message);

class Output {
 public:
  Output(OutputFormat format, ValueFormat values, std::ostream& out)
      : format_(format), values_(std::move(values)), out_(out) {}

  OutputFormat format() const { return format_; }
  const ValueFormat& values() const { return values_; }
  std::ostream& stream() { return out_; }

  // One resource: JSON of the message, a one-row CSV, or `key: value` lines.
  template <typename Item>
  void PrintOne(const Item& item, const View<Item>& view) {
    if (format_ == OutputFormat::kJson) {
      out_ << ToJson(item) << '\n';
      return;
    }
    const Record record = view.record(item, values_);
    if (format_ == OutputFormat::kCsv) {
      RecordsToCsvTable(record, {record}).RenderCsv(out_);
    } else {
      RenderRecord(record, out_);
    }
  }

  // A list response: JSON of the whole response, CSV of every field, or the list columns.
  template <typename Item>
  void PrintList(const google::protobuf::Message& response,
                 const google::protobuf::RepeatedPtrField<Item>& items, const View<Item>& view) {
    if (format_ == OutputFormat::kJson) {
      out_ << ToJson(response) << '\n';
      return;
    }
    std::vector<Record> records;
    for (const Item& item : items) records.push_back(view.record(item, values_));
    if (format_ == OutputFormat::kCsv) {
      // The header comes from an empty item so that an empty list still prints it.
      RecordsToCsvTable(view.record(Item(), values_), records).RenderCsv(out_);
      return;
    }
    RecordsToAlignedTable(records, view.list_columns).RenderAligned(out_);
  }

 private:
  static Table RecordsToCsvTable(const Record& header, const std::vector<Record>& records);
  static Table RecordsToAlignedTable(const std::vector<Record>& records,
                                     const std::vector<Column>& columns);

  OutputFormat format_;
  ValueFormat values_;
  std::ostream& out_;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_OUTPUT_H_
