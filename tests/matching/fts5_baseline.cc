#include "tests/matching/fts5_baseline.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace techmatch::eval {
namespace {

bool SharesIndustry(const Listing& a, const Listing& b) {
  for (const std::string& code : a.industry_codes) {
    if (std::find(b.industry_codes.begin(), b.industry_codes.end(), code) !=
        b.industry_codes.end()) {
      return true;
    }
  }
  return false;
}

absl::Status SqliteError(sqlite3* db, const std::string& what) {
  return absl::InternalError(absl::StrCat(what, ": ", sqlite3_errmsg(db)));
}

}  // namespace

std::string TrigramQuery(const std::string& text) {
  std::vector<std::string> run;  // Code points of the current run, as UTF-8.
  std::set<std::string> windows;
  std::vector<std::string> ordered;
  auto flush = [&] {
    for (size_t i = 0; i + 3 <= run.size(); ++i) {
      std::string window = absl::StrCat(run[i], run[i + 1], run[i + 2]);
      if (windows.insert(window).second) ordered.push_back(std::move(window));
    }
    run.clear();
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const int32_t begin = i;
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    if (cp >= 0 && u_isalnum(cp)) {
      run.push_back(text.substr(begin, i - begin));
    } else {
      flush();
    }
  }
  flush();
  std::vector<std::string> quoted;
  for (const std::string& window : ordered) {
    quoted.push_back(absl::StrCat("\"", absl::StrReplaceAll(window, {{"\"", "\"\""}}), "\""));
  }
  return absl::StrJoin(quoted, " OR ");
}

absl::StatusOr<std::unique_ptr<Fts5Baseline>> Fts5Baseline::Create(const EvalSet& set) {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    sqlite3_close(db);
    return absl::InternalError("cannot open an in-memory SQLite database");
  }
  std::unique_ptr<Fts5Baseline> baseline(new Fts5Baseline(db, set));
  if (sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, "
                   "tokenize = 'trigram')",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteError(db, "CREATE VIRTUAL TABLE");
  }
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO docs(id, body) VALUES (?, ?)", -1, &insert, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db, "prepare INSERT");
  }
  for (const Offering& offering : set.offerings) {
    const std::string body = PlainText(offering.listing);
    sqlite3_bind_text(insert, 1, offering.meta.id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, body.c_str(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(insert);
    sqlite3_reset(insert);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(insert);
      return SqliteError(db, "INSERT");
    }
  }
  sqlite3_finalize(insert);
  return baseline;
}

Fts5Baseline::~Fts5Baseline() { sqlite3_close(db_); }

absl::StatusOr<std::vector<std::string>> Fts5Baseline::Rank(const Need& need, size_t limit) const {
  std::vector<std::string> ranked;
  const std::string query = TrigramQuery(PlainText(need.listing));
  if (query.empty()) return ranked;
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank", -1, &select,
                         nullptr) != SQLITE_OK) {
    return SqliteError(db_, "prepare SELECT");
  }
  sqlite3_bind_text(select, 1, query.c_str(), static_cast<int>(query.size()), SQLITE_TRANSIENT);
  int rc = SQLITE_DONE;
  while (ranked.size() < limit && (rc = sqlite3_step(select)) == SQLITE_ROW) {
    const std::string id(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
    for (const Offering& offering : set_.offerings) {
      if (offering.meta.id == id && SharesIndustry(need.listing, offering.listing)) {
        ranked.push_back(id);
        break;
      }
    }
  }
  sqlite3_finalize(select);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteError(db_, "SELECT");
  return ranked;
}

}  // namespace techmatch::eval
