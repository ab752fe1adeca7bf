// SummarizeAgreements over 1,000,000 agreements against hand-written SQL GROUP BY, both on the same
// database file in the same run.
//
//   build-rel/bin/summarize_bench [--agreements=1000000] [--runs=3] [--dir=/tmp]
//
// The file is created through SqliteRepository (so the schema is the real one), then filled in
// bulk with one transaction of plain INSERTs in the repository's column layout. Each grouping
// is timed three ways: through the repository as the server runs it (the in-memory summary
// index, storage/sqlite/summary_index.h, brought up to date with the file first), through a
// repository with the index off (its SQL: grouped sums, distinct parties, the total, the C++
// merge), and by hand-written SQL that computes the same answer (rows with count, distinct
// suppliers and demanders, six sums, and the total); the answers are compared. The three
// alternate run by run; the median of --runs runs of each is reported. The index's first load
// (the first summary after the server starts) is timed once before.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Statement.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "core/agreements/agreement.h"
#include "core/reports/agreement_report.h"
#include "storage/sqlite/sqlite_options.h"
#include "storage/sqlite/sqlite_repository.h"

namespace techmatch {
namespace {

struct Options {
  int64_t agreements = 1'000'000;
  int runs = 3;
  std::string dir = "/tmp";
};

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--agreements=")) {
      if (!absl::SimpleAtoi(arg, &options.agreements)) std::exit(2);
    } else if (absl::ConsumePrefix(&arg, "--runs=")) {
      if (!absl::SimpleAtoi(arg, &options.runs)) std::exit(2);
    } else if (absl::ConsumePrefix(&arg, "--dir=")) {
      options.dir = std::string(arg);
    } else {
      std::fprintf(stderr, "usage: summarize_bench [--agreements=N] [--runs=N] [--dir=DIR]\n");
      std::exit(2);
    }
  }
  return options;
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

template <typename F>
double MedianSeconds(int runs, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(Seconds(std::chrono::steady_clock::now() - start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// VmRSS of this process in KiB (0 when /proc cannot tell).
int64_t ResidentKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    absl::string_view rest = line;
    if (!absl::ConsumePrefix(&rest, "VmRSS:")) continue;
    int64_t kib = 0;
    rest = absl::StripAsciiWhitespace(absl::StripSuffix(rest, "kB"));
    return absl::SimpleAtoi(rest, &kib) ? kib : 0;
  }
  return 0;
}

// Fills the file: organizations, events, and the agreements with their parties and industries.
void Load(const std::string& path, int64_t count) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = OFF");
  db.exec("BEGIN");
  std::mt19937_64 rng(42);
  auto pick = [&rng](uint64_t n) { return rng() % n; };
  const int kResearch = 600, kEnterprises = 3000, kGovernments = 60, kRegions = 40, kEvents = 12;
  {
    SQLite::Statement org(db,
                          "INSERT INTO organizations (id, display_name, kind, parent_id, "
                          "region_code, industries, create_time, update_time, revision) "
                          "VALUES (?1, ?1, ?2, NULL, ?3, '', 0, 0, 1)");
    auto add = [&](const std::string& id, const char* kind) {
      org.reset();
      org.bind(1, id);
      org.bind(2, kind);
      org.bind(3, absl::StrCat(510000 + pick(kRegions)));
      org.exec();
    };
    for (int i = 0; i < kResearch; ++i)
      add(absl::StrCat("r", i), i % 2 ? "UNIVERSITY" : "RESEARCH_INSTITUTE");
    for (int i = 0; i < kEnterprises; ++i) add(absl::StrCat("e", i), "ENTERPRISE");
    for (int i = 0; i < kGovernments; ++i) add(absl::StrCat("g", i), "GOVERNMENT");
    SQLite::Statement event(db,
                            "INSERT INTO events (id, display_name, location, start_time, "
                            "end_time, registration_close_time, organizers, create_time, "
                            "update_time, revision) VALUES (?1, ?1, '', 0, 1, NULL, '', 0, 0, 1)");
    for (int i = 0; i < kEvents; ++i) {
      event.reset();
      event.bind(1, absl::StrCat("fair-", i));
      event.exec();
    }
  }
  const std::vector<std::string> industries = {"liquor",    "chemicals",   "machinery",
                                               "energy",    "agriculture", "pharmaceuticals",
                                               "materials", "electronics", "environment"};
  SQLite::Statement agreement(
      db,
      "INSERT INTO agreements (id, title, kind, parties, event_id, need_id, offering_id, "
      "industries, sign_time, sign_month, contract_amount, total_investment, "
      "expected_sales_revenue, expected_profit_tax, realized_output_value, realized_profit_tax, "
      "state, create_time, update_time, revision) VALUES (?1, ?1, ?2, ?3, ?4, NULL, NULL, ?5, "
      "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0, 1)");
  SQLite::Statement party(db,
                          "INSERT INTO agreement_parties (agreement_id, position, "
                          "organization_id, role) VALUES (?1, ?2, ?3, ?4)");
  SQLite::Statement industry(
      db, "INSERT INTO agreement_industries (agreement_id, industry_code) VALUES (?1, ?2)");
  const char* const kKinds[] = {"FRAMEWORK_COOPERATION", "TECHNOLOGY_DEVELOPMENT",
                                "TECHNOLOGY_TRANSFER",   "TECHNOLOGY_LICENSE",
                                "TECHNOLOGY_CONSULTING", "TECHNOLOGY_SERVICE"};
  const char* const kStates[] = {"SIGNED", "IMPLEMENTING", "COMPLETED", "TERMINATED"};
  const absl::Time start = absl::FromUnixSeconds(1'600'000'000);
  for (int64_t n = 0; n < count; ++n) {
    const std::string id = absl::StrFormat("a%08d", n);
    const bool framework = pick(20) == 0;
    std::vector<std::pair<std::string, const char*>> parties;
    parties.emplace_back(absl::StrCat("r", pick(kResearch)), "SUPPLIER");
    if (framework) {
      parties.emplace_back(absl::StrCat("g", pick(kGovernments)), "GOVERNMENT");
    } else {
      parties.emplace_back(absl::StrCat("e", pick(kEnterprises)), "DEMANDER");
      if (pick(3) == 0) {
        std::string second = absl::StrCat("e", pick(kEnterprises));
        if (second != parties[1].first) parties.emplace_back(second, "DEMANDER");
      }
    }
    std::vector<std::string> encoded;
    for (const auto& [org, role] : parties) encoded.push_back(absl::StrCat(role, ":", org));
    std::vector<std::string> codes = {industries[pick(industries.size())]};
    if (pick(3) == 0 && industries[0] != codes[0]) codes.push_back(industries[0]);
    const absl::Time sign = start + absl::Seconds(static_cast<int64_t>(pick(5 * 365 * 86400)));
    const char* state = kStates[pick(4)];
    agreement.reset();
    agreement.clearBindings();
    agreement.bind(1, id);
    agreement.bind(2, framework ? kKinds[0] : kKinds[1 + pick(5)]);
    agreement.bind(3, absl::StrJoin(encoded, "\x1F"));
    if (pick(4) != 0) agreement.bind(4, absl::StrCat("fair-", pick(kEvents)));
    agreement.bind(5, absl::StrJoin(codes, "\x1F"));
    agreement.bind(6, static_cast<int64_t>(absl::ToUnixNanos(sign)));
    agreement.bind(7, SignMonthOf(sign));
    for (int f = 0; f < 6; ++f) {
      const bool realized = f >= 4;
      if (framework || (realized && std::string(state) == "SIGNED") || pick(5) == 0) continue;
      agreement.bind(8 + f, static_cast<int64_t>(pick(1'000'000'000'000LL)));  // < 100億元
    }
    agreement.bind(14, state);
    agreement.exec();
    for (size_t p = 0; p < parties.size(); ++p) {
      party.reset();
      party.bind(1, id);
      party.bind(2, static_cast<int64_t>(p));
      party.bind(3, parties[p].first);
      party.bind(4, parties[p].second);
      party.exec();
    }
    for (const std::string& code : codes) {
      industry.reset();
      industry.bind(1, id);
      industry.bind(2, code);
      industry.exec();
    }
  }
  db.exec("COMMIT");
}

// The same answer as SummarizeAgreements, by hand: rows and total.
struct HandResult {
  int64_t rows = 0;
  int64_t total_count = 0;
  int64_t total_contract = 0;
  int64_t total_suppliers = 0;
};

HandResult RunHandWritten(SQLite::Database& db, const std::string& group_expr,
                          const std::string& joins) {
  HandResult result;
  const std::string sums =
      "count(*), sum(a.contract_amount), sum(a.total_investment), "
      "sum(a.expected_sales_revenue), sum(a.expected_profit_tax), sum(a.realized_output_value), "
      "sum(a.realized_profit_tax)";
  const std::string distinct =
      "count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN p.organization_id END), "
      "count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN p.organization_id END)";
  db.exec("BEGIN");
  {
    SQLite::Statement rows(db, absl::StrCat("SELECT ", group_expr, ", ", sums,
                                            " FROM agreements AS a", joins, " GROUP BY 1"));
    while (rows.executeStep()) ++result.rows;
    SQLite::Statement parties(
        db, absl::StrCat("SELECT ", group_expr, ", ", distinct, " FROM agreements AS a", joins,
                         " JOIN agreement_parties AS p ON p.agreement_id = a.id GROUP BY 1"));
    while (parties.executeStep()) {
    }
    SQLite::Statement total(db, absl::StrCat("SELECT ", sums, " FROM agreements AS a"));
    if (total.executeStep()) {
      result.total_count = total.getColumn(0).getInt64();
      result.total_contract = total.getColumn(1).getInt64();
    }
    SQLite::Statement total_parties(
        db, absl::StrCat("SELECT ", distinct, " FROM agreement_parties AS p"));
    if (total_parties.executeStep()) result.total_suppliers = total_parties.getColumn(0).getInt64();
  }
  db.exec("COMMIT");
  return result;
}

struct Grouping {
  std::string label;
  std::vector<GroupDimension> group_by;
  std::string hand_expr;   // the group columns, hand-written
  std::string hand_joins;  // the joins they need
};

int Main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a line at a time, also into a file
  const Options options = ParseOptions(argc, argv);
  const std::string dir = absl::StrCat(options.dir, "/techmatch-summarize-bench-", getpid());
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/bench.db";
  {
    auto repo = storage::SqliteRepository::Open(path);
    if (!repo.ok()) {
      std::fprintf(stderr, "%s\n", repo.status().ToString().c_str());
      return 1;
    }
  }
  std::printf("loading %lld agreements into %s ...\n", static_cast<long long>(options.agreements),
              path.c_str());
  const auto load_start = std::chrono::steady_clock::now();
  Load(path, options.agreements);
  std::printf("loaded in %.1f s\n\n", Seconds(std::chrono::steady_clock::now() - load_start));

  auto repo_or = storage::SqliteRepository::Open(path);
  if (!repo_or.ok()) return 1;
  storage::SqliteRepository& repo = **repo_or;
  storage::SqliteOptions sql_options;
  sql_options.summary_index = false;
  auto sql_repo_or = storage::SqliteRepository::Open(path, sql_options);
  if (!sql_repo_or.ok()) return 1;
  storage::SqliteRepository& sql_repo = **sql_repo_or;
  SQLite::Database hand(path, SQLite::OPEN_READONLY);
  const int64_t rss_before = ResidentKiB();
  const double load_s = MedianSeconds(1, [&] { (void)repo.SummarizeAgreements({}, {}, {}); });
  std::printf(
      "summary index: first summary (loads the index) %.3f s, resident memory +%lld MiB\n\n",
      load_s, static_cast<long long>((ResidentKiB() - rss_before) / 1024));

  using D = GroupDimension;
  const std::vector<Grouping> groupings = {
      {"KIND", {D::kKind}, "a.kind", ""},
      {"STATE", {D::kState}, "a.state", ""},
      {"SIGN_YEAR", {D::kSignYear}, "a.sign_month / 100", ""},
      {"SIGN_MONTH", {D::kSignMonth}, "a.sign_month", ""},
      {"INDUSTRY",
       {D::kIndustry},
       "i.industry_code",
       " JOIN agreement_industries AS i ON i.agreement_id = a.id"},
      {"SUPPLIER",
       {D::kSupplier},
       "s.organization_id",
       " JOIN agreement_parties AS s ON s.agreement_id = a.id AND s.role = 'SUPPLIER'"},
      {"REGION",
       {D::kRegion},
       "r.region_code",
       " JOIN (SELECT DISTINCT x.agreement_id, o.region_code FROM agreement_parties AS x "
       "JOIN organizations AS o ON o.id = x.organization_id) AS r ON r.agreement_id = a.id"},
  };
  std::printf("%-12s %12s %10s %14s %8s %8s %8s  %s\n", "group_by", "repository_s", "sql_s",
              "hand_written_s", "ratio", "speedup", "rows", "check");
  bool all_within = true;
  auto median = [](std::vector<double> times) {
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
  };
  auto same_report = [](const AgreementReport& x, const AgreementReport& y) {
    if (x.rows.size() != y.rows.size() || !(x.total == y.total)) return false;
    for (size_t i = 0; i < x.rows.size(); ++i) {
      if (x.rows[i].group_values != y.rows[i].group_values ||
          !(x.rows[i].totals == y.rows[i].totals)) {
        return false;
      }
    }
    return true;
  };
  for (const Grouping& g : groupings) {
    // The sides alternate run by run, so a burst of load on the machine hits them alike.
    absl::StatusOr<AgreementReport> report, sql_report;
    HandResult hand_result;
    std::vector<double> repo_times, sql_times, hand_times;
    for (int run = 0; run < options.runs; ++run) {
      repo_times.push_back(
          MedianSeconds(1, [&] { report = repo.SummarizeAgreements({}, g.group_by, {}); }));
      sql_times.push_back(
          MedianSeconds(1, [&] { sql_report = sql_repo.SummarizeAgreements({}, g.group_by, {}); }));
      if (!report.ok() || !sql_report.ok()) {
        std::fprintf(stderr, "%s: %s %s\n", g.label.c_str(), report.status().ToString().c_str(),
                     sql_report.status().ToString().c_str());
        return 1;
      }
      hand_times.push_back(
          MedianSeconds(1, [&] { hand_result = RunHandWritten(hand, g.hand_expr, g.hand_joins); }));
    }
    const double repo_s = median(repo_times);
    const double sql_s = median(sql_times);
    const double hand_s = median(hand_times);
    const bool same =
        hand_result.rows == static_cast<int64_t>(report->rows.size()) &&
        hand_result.total_count == report->total.agreement_count &&
        hand_result.total_contract == report->total.sum(AmountField::kContractAmount) &&
        hand_result.total_suppliers == report->total.supplier_count &&
        same_report(*report, *sql_report);
    const double ratio = repo_s / hand_s;
    all_within = all_within && ratio <= 1.25 && same;
    std::printf("%-12s %12.3f %10.3f %14.3f %8.2f %8.1f %8zu  %s\n", g.label.c_str(), repo_s, sql_s,
                hand_s, ratio, sql_s / repo_s, report->rows.size(),
                same ? "same answer" : "DIFFERENT ANSWER");
  }
  std::printf("\ntarget: ratio <= 1.25 for every grouping: %s\n", all_within ? "met" : "NOT met");
  std::filesystem::remove_all(dir);
  return all_within ? 0 : 1;
}

}  // namespace
}  // namespace techmatch

int main(int argc, char** argv) { return techmatch::Main(argc, argv); }
