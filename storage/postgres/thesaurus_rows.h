// The thesaurus entries organizers keep: SQL and row mapping, as
// storage/sqlite/thesaurus_rows.h. Unlike the listings they are deleted for good.
#ifndef TECHMATCH_STORAGE_POSTGRES_THESAURUS_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_THESAURUS_ROWS_H_

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
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ThesaurusRows {
  using Record = ThesaurusRecord;
  static constexpr absl::string_view kCollection = kThesaurusEntries;

  static absl::Status Insert(Connection& connection, const ThesaurusRecord& record);
  // Overwrites the row if its revision is still `expected_revision`: the stored create_time,
  // or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const ThesaurusRecord& record,
                                                          int64_t expected_revision);
  // Deletes the row if its revision is still `expected_revision` (any when 0); false when no
  // row was deleted.
  static absl::StatusOr<bool> Delete(Connection& connection, absl::string_view id,
                                     int64_t expected_revision);
  static absl::StatusOr<std::optional<ThesaurusRecord>> Find(Connection& connection,
                                                             absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<ThesaurusRecord>> List(Connection& connection,
                                                    const ThesaurusFilter& filter,
                                                    const ListQuery& query);
  static absl::StatusOr<std::vector<ThesaurusRecord>> All(Connection& connection);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_THESAURUS_ROWS_H_
