// An in-memory copy of what agreement summaries read, so SummarizeAgreements aggregates in one
// pass over compact records instead of joining and sorting tables.
//
// Held per repository: for each agreement its kind, state, event, sign time and month, the six
// amounts, its industries and its parties (organization and role); for each organization its
// region and parent. It follows the database through `summary_changes` (migration 11): triggers
// append the id of every agreement written and every organization whose region or parent
// changed, in the writing transaction, under an ever-increasing sequence number. Each summary
// first applies, inside its own read transaction, the changes after the last one applied, by
// reading those records again from the same snapshot; so it answers from exactly that snapshot
// or a later one, whoever wrote (this process, another one, or plain SQL). The first summary
// loads everything.
//
// The answers are those of AgreementRows::Summarize's SQL, to the fen and to the group: the same
// groups (including the SQL joins' multiplicities), distinct parties and overflow errors. Filters
// on need or offering, and event summaries' colleges-as-parents counting, are left to SQL
// (Covers).
#ifndef TECHMATCH_STORAGE_SQLITE_SUMMARY_INDEX_H_
#define TECHMATCH_STORAGE_SQLITE_SUMMARY_INDEX_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "core/agreements/agreement.h"
#include "core/common/filter.h"
#include "core/reports/agreement_report.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

// OUT_OF_RANGE for a sum beyond 64-bit minor units, the same from SQL and from the index.
absl::Status SummaryOverflowError();

// A group's values in the raw form AgreementRows' SQL returns them (SIGN_MONTH as 202611).
using SummaryGroupKey = std::vector<std::string>;

class SummaryIndex {
 public:
  // Whether the index can answer a summary with this filter and these options.
  static bool Covers(const std::vector<FilterTerm>& filter, const SummaryOptions& options);

  // Brings the index up to the snapshot of `connection` (which holds a read transaction), then
  // fills `groups` (empty `group_by`: nothing) and `total` as AgreementRows' queries would.
  // OUT_OF_RANGE when a sum overflows 64 bits. Requires Covers(filter, options). Throws
  // SQLite::Exception.
  absl::Status Summarize(Connection& connection, const std::vector<FilterTerm>& filter,
                         const std::vector<GroupDimension>& group_by, const SummaryOptions& options,
                         std::map<SummaryGroupKey, AgreementTotals>& groups,
                         AgreementTotals& total);

  // Agreements held (for tests and benchmarks).
  size_t size();

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct PartyRef {
    uint32_t organization;  // Index into organizations_.
    PartyRole role;
  };
  struct Facts {
    bool present = false;
    uint32_t kind = kNone;  // Interned names and ids (values_); kNone for NULL.
    uint32_t state = kNone;
    uint32_t event = kNone;
    int64_t sign_time = 0;
    int64_t sign_month = 0;
    std::array<int64_t, kAmountFieldCount> amounts{};  // NULL as 0, as the sums count it.
    std::vector<PartyRef> parties;
    std::vector<uint32_t> industries;
  };
  struct OrganizationFacts {
    std::string id;
    bool stored = false;  // A row exists (joins with organizations find it).
    std::string region_code;
    std::string parent_id;  // "" for none.
  };
  struct Term;
  struct Accumulator;

  uint32_t Intern(absl::string_view value);
  uint32_t Find(absl::string_view value) const;
  uint32_t OrganizationIndex(absl::string_view id);
  uint32_t AgreementSlot(absl::string_view id);

  void Load(Connection& connection);
  void Refresh(Connection& connection);
  void ReadAgreement(Connection& connection, uint32_t slot);
  void ReadOrganization(Connection& connection, uint32_t index);

  std::mutex mu_;
  bool loaded_ = false;
  int64_t applied_ = 0;  // The last summary_changes.seq applied.
  std::vector<std::string> values_;
  absl::flat_hash_map<std::string, uint32_t> value_index_;
  std::vector<OrganizationFacts> organizations_;
  absl::flat_hash_map<std::string, uint32_t> organization_index_;
  std::vector<Facts> agreements_;
  std::vector<std::string> agreement_ids_;  // By slot.
  absl::flat_hash_map<std::string, uint32_t> agreement_slot_;
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_SUMMARY_INDEX_H_
