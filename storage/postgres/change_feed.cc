#include "storage/postgres/change_feed.h"

#include <unistd.h>

#include <array>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/common/status_macros.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage::postgres {
namespace {

constexpr char kChannel[] = "techmatch_record_changes";
constexpr char kResource[] = "the change feed";

absl::StatusOr<ChangeKind> KindOf(absl::string_view stored) {
  if (stored == "need") return ChangeKind::kNeed;
  if (stored == "offering") return ChangeKind::kOffering;
  if (stored == "thesaurus") return ChangeKind::kThesaurusEntry;
  return absl::InternalError(absl::StrCat("unknown kind in record_changes: ", stored));
}

}  // namespace

std::string UniqueApplicationName() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  absl::BitGen random;
  // "techmatch " + 8 hex + " " + pid (at most 10) + " " + host: the host is cut to fit 63.
  std::string name = absl::StrFormat("techmatch %08x %d %s", absl::Uniform<uint32_t>(random),
                                     static_cast<int>(getpid()), host.data());
  if (name.size() > 63) name.resize(63);
  return name;
}

absl::StatusOr<int64_t> PostgresChangeFeed::LatestSeq() {
  int64_t latest = 0;
  TM_RETURN_IF_ERROR(StatusFor(
      RunTransaction(pool_, Isolation::kReadCommitted, /*read_only=*/true,
                     [&](Connection& c) -> absl::Status {
                       TM_ASSIGN_OR_RETURN(
                           Result result,
                           c.Exec("SELECT coalesce(max(seq), 0)::bigint FROM record_changes"));
                       latest = result.Int64(0, 0);
                       return absl::OkStatus();
                     }),
      "reading", kResource));
  return latest;
}

absl::StatusOr<std::vector<RecordChange>> PostgresChangeFeed::ReadAfter(int64_t after_seq,
                                                                        int limit) {
  std::vector<RecordChange> changes;
  TM_RETURN_IF_ERROR(StatusFor(
      RunTransaction(pool_, Isolation::kReadCommitted, /*read_only=*/true,
                     [&](Connection& c) -> absl::Status {
                       changes.clear();
                       TM_ASSIGN_OR_RETURN(
                           Result rows, c.Exec("SELECT seq, kind, id, origin FROM record_changes "
                                               "WHERE seq > $1 ORDER BY seq LIMIT $2",
                                               Params().Int64(after_seq).Int64(limit)));
                       changes.reserve(rows.rows());
                       for (int row = 0; row < rows.rows(); ++row) {
                         RecordChange change;
                         change.seq = rows.Int64(row, 0);
                         TM_ASSIGN_OR_RETURN(change.kind, KindOf(rows.View(row, 1)));
                         change.id = rows.Text(row, 2);
                         change.own = rows.View(row, 3) == origin_;
                         changes.push_back(std::move(change));
                       }
                       return absl::OkStatus();
                     }),
      "reading", kResource));
  for (const RecordChange& change : changes) forget_(change);
  return changes;
}

absl::StatusOr<bool> PostgresChangeFeed::WaitForChanges(absl::Duration timeout) {
  if (listener_ == nullptr || !listener_->Healthy()) {
    listener_.reset();
    absl::StatusOr<std::unique_ptr<Connection>> opened =
        Connection::Open(uri_, connect_timeout_, origin_);
    if (!opened.ok()) return opened.status();
    TM_RETURN_IF_ERROR(
        StatusFor((*opened)->Script(absl::StrCat("LISTEN ", kChannel)), "listening", kResource));
    listener_ = *std::move(opened);
    // Whatever committed before LISTEN took effect is for ReadAfter to find: say "look".
    return true;
  }
  absl::StatusOr<bool> notified = listener_->WaitForNotification(timeout);
  if (!notified.ok()) listener_.reset();
  return notified;
}

}  // namespace techmatch::storage::postgres
