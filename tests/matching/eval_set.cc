#include "tests/matching/eval_set.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace techmatch::eval {
namespace {

using Row = std::map<std::string, std::string>;

// A tab-separated file with a header row; every row must have the header's width.
absl::StatusOr<std::vector<Row>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in.good()) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::vector<Row> rows;
  std::vector<std::string> header;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells = absl::StrSplit(line, '\t');
    if (header.empty()) {
      header = std::move(cells);
      continue;
    }
    if (cells.size() != header.size()) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": ", cells.size(), " cells in ", line));
    }
    Row row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string Cell(const Row& row, const std::string& name) {
  auto it = row.find(name);
  return it == row.end() ? std::string() : it->second;
}

Listing ListingOf(const Row& row) {
  Listing listing;
  listing.title = Cell(row, "title");
  listing.description = Cell(row, "description");
  listing.keywords = absl::StrSplit(Cell(row, "keywords"), ';', absl::SkipEmpty());
  listing.industry_codes = absl::StrSplit(Cell(row, "industries"), ';', absl::SkipEmpty());
  return listing;
}

}  // namespace

absl::StatusOr<EvalSet> ReadEvalSet(const std::string& name, const std::string& dir) {
  EvalSet set;
  set.name = name;
  auto offerings = ReadTsv(dir + "/offerings.tsv");
  if (!offerings.ok()) return offerings.status();
  for (const Row& row : *offerings) {
    Offering offering;
    offering.meta.id = Cell(row, "id");
    offering.meta.revision = 1;
    offering.institute_id = "institute-" + offering.meta.id;
    offering.listing = ListingOf(row);
    if (!absl::SimpleAtoi(Cell(row, "trl"), &offering.trl)) {
      return absl::InvalidArgumentError(absl::StrCat("bad trl for ", offering.meta.id));
    }
    set.offerings.push_back(std::move(offering));
  }
  auto needs = ReadTsv(dir + "/needs.tsv");
  if (!needs.ok()) return needs.status();
  for (const Row& row : *needs) {
    Need need;
    need.meta.id = Cell(row, "id");
    need.meta.revision = 1;
    need.enterprise_id = "enterprise-" + need.meta.id;
    need.listing = ListingOf(row);
    int min_trl = 0;
    if (absl::SimpleAtoi(Cell(row, "min_trl"), &min_trl)) need.min_trl = min_trl;
    const std::string kind = Cell(row, "kind");
    set.kinds.push_back(kind.empty() ? "all" : kind);
    set.needs.push_back(std::move(need));
  }
  auto relevance = ReadTsv(dir + "/relevance.tsv");
  if (!relevance.ok()) return relevance.status();
  for (const Row& row : *relevance) {
    int grade = 0;
    if (!absl::SimpleAtoi(Cell(row, "grade"), &grade)) {
      return absl::InvalidArgumentError("bad grade in relevance.tsv");
    }
    set.grades[Cell(row, "need")][Cell(row, "offering")] = grade;
  }
  return set;
}

std::string PlainText(const Listing& listing) {
  return absl::StrCat(listing.title, "\n", absl::StrJoin(listing.keywords, " "), "\n",
                      listing.description);
}

NeedMetrics Measure(const std::vector<std::string>& ranked,
                    const std::map<std::string, int>& grades) {
  auto grade_of = [&grades](const std::string& id) {
    auto it = grades.find(id);
    return it == grades.end() ? 0 : it->second;
  };
  NeedMetrics m;
  m.first_relevant = !ranked.empty() && grade_of(ranked.front()) > 0;
  double dcg = 0;
  for (size_t rank = 0; rank < ranked.size() && rank < 5; ++rank) {
    const int grade = grade_of(ranked[rank]);
    dcg += (std::pow(2.0, grade) - 1) / std::log2(rank + 2.0);
    if (grade == 2) m.best_in_top5 = true;
  }
  std::vector<int> ideal;
  for (const auto& [id, grade] : grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t rank = 0; rank < ideal.size() && rank < 5; ++rank) {
    idcg += (std::pow(2.0, ideal[rank]) - 1) / std::log2(rank + 2.0);
  }
  m.ndcg5 = idcg > 0 ? dcg / idcg : 0;
  return m;
}

void Summary::Add(const NeedMetrics& m) {
  ++needs;
  precision_at_1 += m.first_relevant ? 1 : 0;
  best_in_top5 += m.best_in_top5 ? 1 : 0;
  ndcg5 += m.ndcg5;
}

Summary Summary::Mean() const {
  Summary mean = *this;
  if (needs == 0) return mean;
  mean.precision_at_1 /= needs;
  mean.best_in_top5 /= needs;
  mean.ndcg5 /= needs;
  return mean;
}

void PrintTable(const std::string& set, const KindSummaries& engine,
                const KindSummaries& baseline) {
  std::printf("%-10s %-15s %4s | %6s %6s %7s | %9s %9s %10s\n", "set", "kind", "n", "P@1", "top5",
              "nDCG@5", "FTS5 P@1", "FTS5 top5", "FTS5 nDCG5");
  auto row = [&](const std::string& kind) {
    const Summary e = engine.at(kind).Mean();
    const auto b_it = baseline.find(kind);
    const Summary b = b_it == baseline.end() ? Summary() : b_it->second.Mean();
    std::printf("%-10s %-15s %4d | %6.3f %6.3f %7.3f | %9.3f %9.3f %10.3f\n", set.c_str(),
                kind.empty() ? "overall" : kind.c_str(), e.needs, e.precision_at_1, e.best_in_top5,
                e.ndcg5, b.precision_at_1, b.best_in_top5, b.ndcg5);
  };
  for (const auto& [kind, summary] : engine) {
    if (!kind.empty()) row(kind);
  }
  row("");
}

}  // namespace techmatch::eval
