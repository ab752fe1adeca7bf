// Ranking quality over the labelled bilingual set in tests/data/matching: every need is
// matched against every offering through the MatchingEngine and the ranking is scored with
// precision@1 and nDCG@10 against the graded judgements (2 = what an expert would pick,
// 1 = related). The floors sit just under what the engine reaches, so a change that makes
// ranking worse fails here.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "core/matching/matching_engine.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

constexpr double kMinPrecisionAt1 = 0.97;
constexpr double kMinNdcgAt10 = 0.97;
constexpr double kMinRelevantInTop5 = 0.97;

struct Row {
  std::map<std::string, std::string> fields;
  const std::string& operator[](const std::string& name) const { return fields.at(name); }
};

// A tab-separated file with a header row.
std::vector<Row> ReadTsv(const std::string& name) {
  std::ifstream in(std::string(TECHMATCH_MATCHING_DATA_DIR) + "/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::vector<Row> rows;
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells = absl::StrSplit(line, '\t');
    if (header.empty()) {
      header = cells;
      continue;
    }
    EXPECT_EQ(cells.size(), header.size()) << name << ": " << line;
    Row row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row.fields[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

Listing ListingOf(const Row& row) {
  Listing listing;
  listing.title = row["title"];
  listing.description = row["description"];
  listing.keywords = absl::StrSplit(row["keywords"], ';', absl::SkipEmpty());
  listing.industry_codes = absl::StrSplit(row["industries"], ';', absl::SkipEmpty());
  return listing;
}

class MatchingQualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    engine_ = std::make_unique<MatchingEngine>(*analyzer);
    for (const Row& row : ReadTsv("offerings.tsv")) {
      Offering offering;
      offering.meta.id = row["id"];
      offering.meta.revision = 1;
      offering.institute_id = "institute-" + row["id"];
      offering.listing = ListingOf(row);
      offering.trl = std::stoi(row["trl"]);
      ASSERT_TRUE(engine_->IndexOffering(offering).ok());
    }
    for (const Row& row : ReadTsv("needs.tsv")) {
      Need need;
      need.meta.id = row["id"];
      need.meta.revision = 1;
      need.enterprise_id = "enterprise-" + row["id"];
      need.listing = ListingOf(row);
      needs_.push_back(std::move(need));
    }
    for (const Row& row : ReadTsv("relevance.tsv")) {
      grades_[row["need"]][row["offering"]] = std::stoi(row["grade"]);
    }
  }

  std::unique_ptr<MatchingEngine> engine_;
  std::vector<Need> needs_;
  std::map<std::string, std::map<std::string, int>> grades_;
};

TEST_F(MatchingQualityTest, SetIsLargeEnough) {
  EXPECT_GE(needs_.size(), 40u);
  EXPECT_GE(engine_->indexed_offerings(), 100u);
  for (const Need& need : needs_) EXPECT_TRUE(grades_.contains(need.meta.id)) << need.meta.id;
}

TEST_F(MatchingQualityTest, PrecisionAt1AndNdcgAt10AboveFloors) {
  double precision_sum = 0, ndcg_sum = 0, top5_sum = 0;
  for (const Need& need : needs_) {
    MatchOptions options;
    options.limit = 10;
    auto matches = engine_->MatchNeed(need, options);
    ASSERT_TRUE(matches.ok()) << matches.status();
    const std::map<std::string, int>& grades = grades_[need.meta.id];
    auto grade_of = [&grades](const std::string& id) {
      auto it = grades.find(id);
      return it == grades.end() ? 0 : it->second;
    };
    double dcg = 0;
    bool best_in_top5 = false;
    for (size_t rank = 0; rank < matches->size(); ++rank) {
      const int grade = grade_of((*matches)[rank].offering_id);
      dcg += (std::pow(2.0, grade) - 1) / std::log2(rank + 2.0);
      if (rank < 5 && grade == 2) best_in_top5 = true;
    }
    std::vector<int> ideal;
    for (const auto& [id, grade] : grades) ideal.push_back(grade);
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (size_t rank = 0; rank < ideal.size() && rank < 10; ++rank) {
      idcg += (std::pow(2.0, ideal[rank]) - 1) / std::log2(rank + 2.0);
    }
    const bool first_relevant = !matches->empty() && grade_of(matches->front().offering_id) > 0;
    precision_sum += first_relevant ? 1 : 0;
    ndcg_sum += idcg > 0 ? dcg / idcg : 0;
    top5_sum += best_in_top5 ? 1 : 0;
    if (!first_relevant) {
      std::printf("miss %s %s: first %s\n", need.meta.id.c_str(), need.listing.title.c_str(),
                  matches->empty() ? "-" : matches->front().offering_id.c_str());
    }
  }
  const double n = static_cast<double>(needs_.size());
  const double precision = precision_sum / n, ndcg = ndcg_sum / n, top5 = top5_sum / n;
  std::printf("needs=%zu offerings=%zu precision@1=%.3f nDCG@10=%.3f best-in-top-5=%.3f\n",
              needs_.size(), engine_->indexed_offerings(), precision, ndcg, top5);
  RecordProperty("precision_at_1", std::to_string(precision));
  RecordProperty("ndcg_at_10", std::to_string(ndcg));
  EXPECT_GE(precision, kMinPrecisionAt1);
  EXPECT_GE(ndcg, kMinNdcgAt10);
  EXPECT_GE(top5, kMinRelevantInTop5);
}

}  // namespace
}  // namespace techmatch
