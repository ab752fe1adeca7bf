// The baseline the quality test measures the engine against: SQLite FTS5 with its trigram
// tokenizer and BM25 rank, over the same texts (title, keywords, description). A need is
// asked as an OR of every three-character window of its text (the trigram tokenizer cannot
// look up shorter strings), and the answer keeps the offerings the engine could return too
// (another organization, a shared industry), so the two differ only in how they rank text.
#ifndef TECHMATCH_TESTS_MATCHING_FTS5_BASELINE_H_
#define TECHMATCH_TESTS_MATCHING_FTS5_BASELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/matching/eval_set.h"

struct sqlite3;

namespace techmatch::eval {

class Fts5Baseline {
 public:
  // An in-memory FTS5 table over the set's offerings.
  static absl::StatusOr<std::unique_ptr<Fts5Baseline>> Create(const EvalSet& set);
  ~Fts5Baseline();

  // The best `limit` eligible offering ids for `need`, best first.
  absl::StatusOr<std::vector<std::string>> Rank(const Need& need, size_t limit) const;

 private:
  Fts5Baseline(sqlite3* db, const EvalSet& set) : db_(db), set_(set) {}

  sqlite3* db_;
  const EvalSet& set_;
};

// "abc" OR "bcd" ... over the distinct three-code-point windows of each run of letters,
// digits and Han characters in `text`; empty when there is none.
std::string TrigramQuery(const std::string& text);

}  // namespace techmatch::eval

#endif  // TECHMATCH_TESTS_MATCHING_FTS5_BASELINE_H_
