// SQL for the thesaurus entries organizers keep (see need_rows.h for the shape row classes
// share). Unlike the listings they are deleted for good: an entry only shapes matching.
#ifndef TECHMATCH_STORAGE_SQLITE_THESAURUS_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_THESAURUS_ROWS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/text/thesaurus_record.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct ThesaurusRows {
  using Record = ThesaurusRecord;
  static constexpr absl::string_view kCollection = kThesaurusEntries;

  static absl::Status Insert(Connection& connection, const ThesaurusRecord& record);
  // Overwrites the row if its revision is still `expected_revision` (see NeedRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const ThesaurusRecord& record,
                                                          int64_t expected_revision);
  // Deletes the row if its revision is still `expected_revision` (any when 0); false when no
  // row was deleted.
  static bool Delete(Connection& connection, absl::string_view id, int64_t expected_revision);
  static std::optional<ThesaurusRecord> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<ThesaurusRecord>> List(Connection& connection,
                                                    const ThesaurusFilter& filter,
                                                    const ListQuery& query);
  static std::vector<ThesaurusRecord> All(Connection& connection);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_THESAURUS_ROWS_H_
