#include "client/output.h"

#include "absl/strings/ascii.h"
#include "google/protobuf/util/json_util.h"

namespace techmatch::client {

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  // Every message here is a generated type, so conversion cannot fail on an unknown type.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

Table Output::RecordsToCsvTable(const Record& header, const std::vector<Record>& records) {
  std::vector<Column> columns;
  for (const auto& [key, value] : header) columns.push_back({key});
  Table table(std::move(columns));
  for (const Record& record : records) {
    std::vector<std::string> cells;
    for (const auto& [key, value] : record) cells.push_back(value);
    table.AddRow(std::move(cells));
  }
  return table;
}

Table Output::RecordsToAlignedTable(const std::vector<Record>& records,
                                    const std::vector<Column>& columns) {
  std::vector<Column> shown = columns;
  for (Column& column : shown) column.header = absl::AsciiStrToUpper(column.header);
  Table table(shown);
  for (const Record& record : records) {
    std::vector<std::string> cells;
    for (const Column& column : columns) {
      std::string cell;
      for (const auto& [key, value] : record) {
        if (key == column.header) cell = value;
      }
      cells.push_back(std::move(cell));
    }
    table.AddRow(std::move(cells));
  }
  return table;
}

}  // namespace techmatch::client
