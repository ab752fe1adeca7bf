#include "storage/sqlite/row_helpers.h"

#include <algorithm>

namespace techmatch::storage::sqlite {

int ClampPageSize(int page_size) {
  if (page_size <= 0) return kDefaultPageSize;
  return std::min(page_size, kMaxPageSize);
}

void InsertMemberships(Connection& connection, absl::string_view insert_sql,
                       absl::string_view owner_id, const std::vector<std::string>& values) {
  if (values.empty()) return;
  ScopedStatement insert = connection.Prepare(insert_sql);
  for (const std::string& value : values) {
    insert.Reset();
    insert.BindText(1, owner_id);
    insert.BindText(2, value);
    insert.Run();
  }
}

void ReplaceMemberships(Connection& connection, absl::string_view delete_sql,
                        absl::string_view insert_sql, absl::string_view owner_id,
                        const std::vector<std::string>& values) {
  {
    ScopedStatement remove = connection.Prepare(delete_sql);
    remove.BindText(1, owner_id);
    remove.Run();
  }
  InsertMemberships(connection, insert_sql, owner_id, values);
}

bool RowExists(Connection& connection, absl::string_view exists_sql, absl::string_view id) {
  ScopedStatement query = connection.Prepare(exists_sql);
  query.BindText(1, id);
  return query.Step();
}

std::string JsonStringArray(const std::vector<std::string>& values) {
  std::string json = "[";
  for (const std::string& value : values) {
    if (json.size() > 1) json += ',';
    json += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') json += '\\';
      if (static_cast<unsigned char>(c) < 0x20) continue;  // ids never hold control characters
      json += c;
    }
    json += '"';
  }
  json += ']';
  return json;
}

}  // namespace techmatch::storage::sqlite
