// Copies a whole database from one backend to another, table by table (storage/table_rows.h):
// the source read in one snapshot, the target written in one transaction, so the target holds
// either everything or nothing. The rules of the copy (which target counts as empty, the order,
// the deferred references, the counts compared) live here; the SQL in each backend.
#ifndef TECHMATCH_STORAGE_TABLE_COPY_H_
#define TECHMATCH_STORAGE_TABLE_COPY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/table_rows.h"

namespace techmatch::storage {

struct TableCount {
  std::string table;
  int64_t source_rows = 0;  // in the snapshot copied
  int64_t target_rows = 0;  // in the target once the copy committed
};

struct CopyReport {
  std::vector<TableCount> tables;  // CopiedTables() order
  // Whether every table holds as many rows on both sides.
  bool CountsMatch() const;
};

// Rows read and written at a time: memory stays bounded whatever the tables' sizes.
inline constexpr size_t kCopyBatchRows = 500;

// Copies every table of `source` into `target`, rows as they are (ids, revisions, times, hashes,
// the page-token key). FAILED_PRECONDITION, with nothing written, when the two are at different
// schema versions or when the target is not empty: it is empty when no table holds a row except
// the seeded ones (meta, industries, indicators), which hold no more rows than a new database's
// seed, each still at revision 1. Then the seed is replaced by the source's rows.
absl::StatusOr<CopyReport> CopyTables(TableStore& source, TableStore& target,
                                      size_t batch_rows = kCopyBatchRows);

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_TABLE_COPY_H_
