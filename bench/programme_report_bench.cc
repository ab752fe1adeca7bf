// GetProgrammeReport at province scale against hand-written SQL aggregates over the same
// tables, both on the same database file in the same run.
//
//   build/bin/programme_report_bench [--counties=200] [--projects=100000]
//       [--observations=1000000] [--agreements=1000000] [--runs=5] [--ratio_target=1.25]
//       [--dir=/tmp] [--keep] [--reuse=FILE|URI] [--db=postgresql://...]
//
// The province (510000) has one city per ten counties (510100, 510200, ...; counties 510101,
// ...), generated deterministically: organizations spread over the counties (governments in a
// city), the seeded indicators and four more with a target per region for three years, observations
// of every observed indicator for each region and half, nearest the report's year first;
// projects at four levels over ten years with fund arrivals (the project's arrived_funds kept
// as the sum, as RecordFundArrival keeps it); commissioners and financings, a fifth of the
// projects each; agreements over the same ten years with a supplier and one or two demanders;
// two fairs a year organized by a government. The file is created through SqliteRepository
// (the real schema) and filled with plain INSERTs in the repository's column layout in one
// transaction, as summarize_bench does.
//
// Then, for the province and for its first city, the report of 2025 through the use case as
// the server calls it (usecases::Reports over a SqliteRepository; the first call, which loads
// the agreements' summary index, timed apart) against hand-written SQL that reads what the
// report needs: the indicators, targets and observations of the year, the derived indicators'
// figures (contracts put to use by the region of their first demander, projects, arrivals,
// commissioners, financing, loans), the year's agreements by subordinate region with distinct
// suppliers and demanders and the total, projects by subordinate region, year and level for the
// year and the year before, the over-arrived projects, commissioners and financing by
// subordinate region (and kind) with their totals, the year's fairs and each fair's figures
// (needs and offerings shown, participants by kind, agreements by kind, framework against the
// rest and in total with distinct suppliers and demanders, framework partners). The sides
// alternate run by run, taking turns at going first; medians of --runs runs. The answers are
// compared where both compute the same figure. Exit 1 when a ratio exceeds --ratio_target (0: not
// checked) or an answer differs.
//
// With --db=postgresql://... the same on PostgreSQL: a database of its own on that server
// (dropped at the end unless --keep), its schema migrated by PostgresRepository, the same rows
// loaded through pipelined prepared INSERTs in one transaction (bench/bench_sql.h), the report
// over a PostgresRepository against the same hand-written statements spelled for PostgreSQL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "bench/bench_sql.h"
#include "bench/pg_bench_connection.h"
#include "core/agreements/agreement.h"
#include "core/ledger/observation.h"
#include "core/ledger/target.h"
#include "core/money/money.h"
#include "core/reports/programme_report.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/sqlite/sqlite_repository.h"
#include "usecases/reports.h"

namespace techmatch {
namespace {

constexpr int kReportYear = 2025;
constexpr int kFirstYear = 2016;  // Records span kFirstYear..kReportYear.
constexpr int kYears = kReportYear - kFirstYear + 1;

struct Options {
  int counties = 200;
  int64_t projects = 100'000;
  int64_t observations = 1'000'000;
  int64_t agreements = 1'000'000;
  int runs = 5;
  double ratio_target = 1.25;
  std::string dir = "/tmp";
  bool keep = false;  // Keep the database file (its path is printed).
  std::string reuse;  // A file or URI a kept run loaded with the same scale flags: no load.
  // PostgreSQL instead of SQLite: a URI of a server the bench creates its own database on.
  std::string db;
};

[[noreturn]] void Usage() {
  std::fprintf(
      stderr,
      "usage: programme_report_bench [--counties=N] [--projects=N] [--observations=N] "
      "[--agreements=N] [--runs=N] [--ratio_target=X (0: not checked)] [--dir=DIR] [--keep] "
      "[--reuse=FILE|URI] [--db=postgresql://...]\n");
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    bool ok = true;
    if (absl::ConsumePrefix(&arg, "--counties=")) {
      ok = absl::SimpleAtoi(arg, &options.counties) && options.counties >= 1 &&
           options.counties <= 990;
    } else if (absl::ConsumePrefix(&arg, "--projects=")) {
      ok = absl::SimpleAtoi(arg, &options.projects) && options.projects >= 1;
    } else if (absl::ConsumePrefix(&arg, "--observations=")) {
      ok = absl::SimpleAtoi(arg, &options.observations) && options.observations >= 0;
    } else if (absl::ConsumePrefix(&arg, "--agreements=")) {
      ok = absl::SimpleAtoi(arg, &options.agreements) && options.agreements >= 0;
    } else if (absl::ConsumePrefix(&arg, "--runs=")) {
      ok = absl::SimpleAtoi(arg, &options.runs) && options.runs >= 1;
    } else if (absl::ConsumePrefix(&arg, "--ratio_target=")) {
      ok = absl::SimpleAtod(arg, &options.ratio_target) && options.ratio_target >= 0;
    } else if (absl::ConsumePrefix(&arg, "--dir=")) {
      options.dir = std::string(arg);
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (absl::ConsumePrefix(&arg, "--reuse=")) {
      options.reuse = std::string(arg);
    } else if (absl::ConsumePrefix(&arg, "--db=")) {
      options.db = std::string(arg);
      ok = absl::StartsWith(arg, "postgresql://") || absl::StartsWith(arg, "postgres://");
    } else {
      ok = false;
    }
    if (!ok) Usage();
  }
  return options;
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

template <typename F>
double TimeOnce(F&& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return Seconds(std::chrono::steady_clock::now() - start);
}

double Median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// The province's regions: ten counties a city.
struct Province {
  std::string code = "510000";
  std::vector<std::string> cities;
  std::vector<std::string> counties;
  std::vector<std::string> all;  // The province, its cities, its counties.

  explicit Province(int county_count) {
    const int city_count = (county_count + 9) / 10;
    for (int c = 1; c <= city_count; ++c) cities.push_back(absl::StrFormat("51%02d00", c));
    for (int i = 0; i < county_count; ++i) {
      counties.push_back(absl::StrFormat("51%02d%02d", i / 10 + 1, i % 10 + 1));
    }
    all.push_back(code);
    all.insert(all.end(), cities.begin(), cities.end());
    all.insert(all.end(), counties.begin(), counties.end());
  }
};

// The seeded indicators an official's table reports (achievements_transformed, derived from
// the agreements, has no observations here), and four more an administrator added.
struct ObservedIndicator {
  const char* code;
  const char* unit;
};
constexpr ObservedIndicator kObserved[] = {
    {"demonstration_townships", "COUNT"}, {"spark_trainees", "COUNT"},
    {"rural_it_townships", "COUNT"},      {"rural_it_villages", "COUNT"},
    {"enterprise_it_pilots", "COUNT"},    {"innovation_achievements", "COUNT"},
    {"patent_applications", "COUNT"},     {"new_output_value", "MONEY"},
    {"new_profit_tax", "MONEY"},          {"rd_budget", "MONEY"},
    {"tech_enterprises", "COUNT"},        {"tech_market_turnover", "MONEY"},
    {"rd_intensity", "PERCENT"},          {"high_tech_output_share", "PERCENT"},
};
constexpr int kAddedIndicators = 4;  // The last four above.

// Nanoseconds of a moment in `year` (China Standard Time), `fraction` of the way through it.
int64_t NanosIn(int year, double fraction) {
  const absl::Time start = PeriodEnd(year - 1, kWholeYear);
  const absl::Time end = PeriodEnd(year, kWholeYear);
  return absl::ToUnixNanos(start + (end - start) * fraction);
}

class Loader {
 public:
  Loader(bench::BenchSql& db, const Province& province, const Options& options)
      : db_(db), province_(province), options_(options), rng_(42) {}

  void Load() {
    Organizations();
    Indicators();
    Targets();
    Observations();
    Projects();
    Commissioners();
    Financings();
    Events();
    Agreements();
  }

 private:
  uint64_t Pick(uint64_t n) { return rng_() % n; }
  double Fraction() { return static_cast<double>(rng_() % 1'000'000) / 1'000'000.0; }
  const std::string& AnyCounty() { return province_.counties[Pick(province_.counties.size())]; }
  const std::string& AnyCity() { return province_.cities[Pick(province_.cities.size())]; }
  int AnyYear() { return kFirstYear + static_cast<int>(Pick(kYears)); }

  void Organizations() {
    const int64_t count = std::max<int64_t>(200, options_.projects / 5);
    auto org = db_.Prepare(
        "INSERT INTO organizations (id, display_name, kind, parent_id, "
        "region_code, industries, create_time, update_time, revision) "
        "VALUES (?1, ?1, ?2, NULL, ?3, '', 0, 0, 1)");
    for (int64_t i = 0; i < count; ++i) {
      const std::string id = absl::StrFormat("o%06d", i);
      const uint64_t k = Pick(20);
      const char* kind = k < 14   ? "ENTERPRISE"
                         : k < 16 ? "UNIVERSITY"
                         : k < 18 ? "RESEARCH_INSTITUTE"
                         : k < 19 ? "FINANCIAL_INSTITUTION"
                                  : "GOVERNMENT";
      // Governments sit in a city; everyone else in a county (a contract's demander in a city
      // would be the city's own figure of achievements_transformed, which hides its counties').
      const std::string region = k == 19 ? AnyCity() : AnyCounty();
      org->Bind(1, id);
      org->Bind(2, kind);
      org->Bind(3, region);
      org->Exec();
      region_of_[id] = region;
      (k < 14   ? enterprises_
       : k < 18 ? research_
       : k < 19 ? financiers_
                : governments_)
          .push_back(id);
    }
  }

  void Indicators() {
    auto add = db_.Prepare(
        "INSERT INTO indicators (code, display_name_zh, display_name_en, unit, "
        "create_time, update_time, revision) VALUES (?1, ?1, ?1, ?2, 0, 0, 1)");
    for (size_t i = std::size(kObserved) - kAddedIndicators; i < std::size(kObserved); ++i) {
      add->Bind(1, kObserved[i].code);
      add->Bind(2, kObserved[i].unit);
      add->Exec();
    }
  }

  // Every indicator (the derived ones too) has a target per region for the year, the year
  // before and the year after.
  void Targets() {
    std::vector<std::pair<std::string, std::string>> indicators;
    db_.Query("SELECT code, unit FROM indicators ORDER BY code", {},
              [&](const bench::SqlRow& row) { indicators.emplace_back(row.Text(0), row.Text(1)); });
    auto add = db_.Prepare(
        "INSERT INTO targets (id, indicator_code, region_code, year, value, "
        "create_time, update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, "
        "1)");
    int64_t n = 0;
    for (int year = kReportYear - 1; year <= kReportYear + 1; ++year) {
      for (const auto& [code, unit] : indicators) {
        for (const std::string& region : province_.all) {
          add->Bind(1, absl::StrCat("t", n++));
          add->Bind(2, code);
          add->Bind(3, region);
          add->Bind(4, year);
          add->Bind(5, FigureValue(unit));
          add->Exec();
        }
      }
    }
  }

  int64_t FigureValue(absl::string_view unit) {
    if (unit == "PERCENT") return static_cast<int64_t>(Pick(10'000));
    if (unit == "MONEY") return static_cast<int64_t>(Pick(1'000'000'000));
    return static_cast<int64_t>(Pick(5'000));
  }

  // Every (year, indicator, region, half) key, the report's year first and then the years
  // around it, until the count is reached.
  void Observations() {
    auto add = db_.Prepare(
        "INSERT INTO observations (id, indicator_code, region_code, year, half, "
        "value, note, create_time, update_time, revision) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6, '', 0, 0, 1)");
    int64_t n = 0;
    for (int step = 0; n < options_.observations; ++step) {
      const int year = kReportYear + (step % 2 == 0 ? step / 2 : -(step + 1) / 2);
      if (step > 2 * (2100 - 1980)) break;  // Every year has every key.
      if (year < 1980 || year > 2100) continue;
      for (const ObservedIndicator& indicator : kObserved) {
        for (const std::string& region : province_.all) {
          for (int half : {kWholeYear, 1, 2}) {
            if (n >= options_.observations) return;
            add->Bind(1, absl::StrCat("obs", n++));
            add->Bind(2, indicator.code);
            add->Bind(3, region);
            add->Bind(4, year);
            add->Bind(5, half);
            add->Bind(6, FigureValue(indicator.unit));
            add->Exec();
          }
        }
      }
    }
  }

  void Projects() {
    auto project = db_.Prepare(
        "INSERT INTO projects (id, title, level, programme, lead_organization_id, partners, "
        "region_code, year, approved_funds, arrived_funds, arrival_count, create_time, "
        "update_time, revision) VALUES (?1, ?1, ?2, '科技计划', ?3, '', ?4, ?5, ?6, ?7, ?8, 0, 0, "
        "1)");
    auto member = db_.Prepare(
        "INSERT INTO project_organizations (project_id, organization_id) VALUES (?1, ?2)");
    auto arrival = db_.Prepare(
        "INSERT INTO project_fund_arrivals (project_id, id, amount, "
        "arrive_time, note, create_time) VALUES (?1, ?2, ?3, ?4, '', 0)");
    const char* const kLevels[] = {"NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY"};
    for (int64_t i = 0; i < options_.projects; ++i) {
      const std::string id = absl::StrFormat("p%07d", i);
      const std::string& lead = enterprises_[Pick(enterprises_.size())];
      const int year = AnyYear();
      const bool has_approved = Pick(20) != 0;
      const int64_t approved = static_cast<int64_t>(100'000 + Pick(5'000'000'000));
      // Up to three arrivals, each up to half the approved funds: some exceed them.
      const int arrivals = static_cast<int>(Pick(4));
      int64_t arrived = 0;
      for (int a = 1; a <= arrivals; ++a) {
        const int64_t amount = 1 + static_cast<int64_t>(Pick(approved / 2));
        arrived += amount;
        arrival->Bind(1, id);
        arrival->Bind(2, absl::StrFormat("%06d", a));
        arrival->Bind(3, amount);
        arrival->Bind(4, NanosIn(year + (Pick(3) == 0 ? 1 : 0), Fraction()));
        arrival->Exec();
      }
      project->ClearBindings();
      project->Bind(1, id);
      project->Bind(2, kLevels[Pick(4)]);
      project->Bind(3, lead);
      project->Bind(4, region_of_[lead]);
      project->Bind(5, year);
      if (has_approved) project->Bind(6, approved);
      project->Bind(7, arrived);
      project->Bind(8, arrivals);
      project->Exec();
      member->Bind(1, id);
      member->Bind(2, lead);
      member->Exec();
    }
  }

  void Commissioners() {
    auto add = db_.Prepare(
        "INSERT INTO commissioners (id, display_name, home_organization_id, region_code, year, "
        "service_model, technologies_promoted, new_products, projects, joint_ventures, "
        "cooperatives, enterprises_founded, investment, profit, farmer_income_increase, "
        "create_time, update_time, revision) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13, ?14, 0, 0, 1)");
    const char* const kModels[] = {"MARKET_LED", "TECHNOLOGY_PUSHED", "VENTURE"};
    for (int64_t i = 0; i < options_.projects / 5; ++i) {
      add->ClearBindings();
      add->Bind(1, absl::StrFormat("c%07d", i));
      add->Bind(2, research_[Pick(research_.size())]);
      add->Bind(3, AnyCounty());
      add->Bind(4, AnyYear());
      add->Bind(5, kModels[Pick(3)]);
      for (int f = 0; f < 6; ++f) add->Bind(6 + f, static_cast<int64_t>(Pick(20)));
      for (int f = 0; f < 3; ++f) {
        if (Pick(4) != 0) add->Bind(12 + f, static_cast<int64_t>(Pick(100'000'000)));
      }
      add->Exec();
    }
  }

  void Financings() {
    auto add = db_.Prepare(
        "INSERT INTO financings (id, kind, provider_id, recipient_id, amount, "
        "grant_time, grant_year, agreement_id, region_code, create_time, "
        "update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, "
        "0, 0, 1)");
    const char* const kKinds[] = {"LOAN", "GUARANTEE", "EQUITY", "AWARD", "SUBSIDY"};
    for (int64_t i = 0; i < options_.projects / 5; ++i) {
      const std::string& recipient = enterprises_[Pick(enterprises_.size())];
      const int year = AnyYear();
      add->Bind(1, absl::StrFormat("f%07d", i));
      add->Bind(2, kKinds[Pick(5)]);
      add->Bind(3, financiers_[Pick(financiers_.size())]);
      add->Bind(4, recipient);
      add->Bind(5, static_cast<int64_t>(1 + Pick(10'000'000'000)));
      add->Bind(6, NanosIn(year, Fraction()));
      add->Bind(7, year);
      add->Bind(8, region_of_[recipient]);
      add->Exec();
    }
  }

  void Events() {
    auto event = db_.Prepare(
        "INSERT INTO events (id, display_name, location, start_time, "
        "end_time, registration_close_time, organizers, create_time, "
        "update_time, revision) VALUES (?1, ?1, '', ?2, ?3, NULL, ?4, 0, 0, "
        "1)");
    auto organizer =
        db_.Prepare("INSERT INTO event_organizers (event_id, organization_id) VALUES (?1, ?2)");
    for (int year = kFirstYear; year <= kReportYear; ++year) {
      for (int e = 0; e < 2; ++e) {
        const std::string id = absl::StrFormat("fair-%d-%d", year, e);
        const std::string& by = governments_[Pick(governments_.size())];
        const int64_t start = NanosIn(year, Fraction() * 0.9);
        event->Bind(1, id);
        event->Bind(2, start);
        event->Bind(3, start + int64_t{86'400'000'000'000});
        event->Bind(4, by);
        event->Exec();
        organizer->Bind(1, id);
        organizer->Bind(2, by);
        organizer->Exec();
        events_.push_back(id);
      }
    }
  }

  // As summarize_bench: a supplier and one or two demanders (a government in a framework
  // agreement), one or two industries, amounts mostly set.
  void Agreements() {
    auto agreement = db_.Prepare(
        "INSERT INTO agreements (id, title, kind, parties, event_id, need_id, offering_id, "
        "industries, sign_time, sign_month, contract_amount, total_investment, "
        "expected_sales_revenue, expected_profit_tax, realized_output_value, "
        "realized_profit_tax, state, create_time, update_time, revision) VALUES (?1, ?1, ?2, "
        "?3, ?4, NULL, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0, 1)");
    auto party = db_.Prepare(
        "INSERT INTO agreement_parties (agreement_id, position, "
        "organization_id, role) VALUES (?1, ?2, ?3, ?4)");
    auto industry = db_.Prepare(
        "INSERT INTO agreement_industries (agreement_id, industry_code) VALUES (?1, ?2)");
    const std::vector<std::string> industries = {"liquor",    "chemicals",   "machinery",
                                                 "energy",    "agriculture", "pharmaceuticals",
                                                 "materials", "electronics", "environment"};
    const char* const kKinds[] = {"FRAMEWORK_COOPERATION", "TECHNOLOGY_DEVELOPMENT",
                                  "TECHNOLOGY_TRANSFER",   "TECHNOLOGY_LICENSE",
                                  "TECHNOLOGY_CONSULTING", "TECHNOLOGY_SERVICE"};
    const char* const kStates[] = {"SIGNED", "IMPLEMENTING", "COMPLETED", "TERMINATED"};
    for (int64_t n = 0; n < options_.agreements; ++n) {
      const std::string id = absl::StrFormat("a%08d", n);
      const bool framework = Pick(20) == 0;
      std::vector<std::pair<std::string, const char*>> parties;
      parties.emplace_back(research_[Pick(research_.size())], "SUPPLIER");
      if (framework) {
        parties.emplace_back(governments_[Pick(governments_.size())], "GOVERNMENT");
      } else {
        parties.emplace_back(enterprises_[Pick(enterprises_.size())], "DEMANDER");
        if (Pick(3) == 0) {
          std::string second = enterprises_[Pick(enterprises_.size())];
          if (second != parties[1].first) parties.emplace_back(second, "DEMANDER");
        }
      }
      std::vector<std::string> encoded;
      for (const auto& [org, role] : parties) encoded.push_back(absl::StrCat(role, ":", org));
      std::vector<std::string> codes = {industries[Pick(industries.size())]};
      if (Pick(3) == 0 && industries[0] != codes[0]) codes.push_back(industries[0]);
      const int64_t sign = NanosIn(AnyYear(), Fraction());
      const char* state = kStates[Pick(4)];
      agreement->ClearBindings();
      agreement->Bind(1, id);
      agreement->Bind(2, framework ? kKinds[0] : kKinds[1 + Pick(5)]);
      agreement->Bind(3, absl::StrJoin(encoded, "\x1F"));
      if (Pick(4) != 0) agreement->Bind(4, events_[Pick(events_.size())]);
      agreement->Bind(5, absl::StrJoin(codes, "\x1F"));
      agreement->Bind(6, sign);
      agreement->Bind(7, SignMonthOf(absl::FromUnixNanos(sign)));
      for (int f = 0; f < 6; ++f) {
        const bool realized = f >= 4;
        if (framework || (realized && std::string(state) == "SIGNED") || Pick(5) == 0) continue;
        agreement->Bind(8 + f, static_cast<int64_t>(Pick(1'000'000'000'000LL)));  // < 100億元
      }
      agreement->Bind(14, state);
      agreement->Exec();
      for (size_t p = 0; p < parties.size(); ++p) {
        party->Bind(1, id);
        party->Bind(2, static_cast<int64_t>(p));
        party->Bind(3, parties[p].first);
        party->Bind(4, parties[p].second);
        party->Exec();
      }
      for (const std::string& code : codes) {
        industry->Bind(1, id);
        industry->Bind(2, code);
        industry->Exec();
      }
    }
  }

  bench::BenchSql& db_;
  const Province& province_;
  const Options& options_;
  std::mt19937_64 rng_;
  std::map<std::string, std::string> region_of_;
  std::vector<std::string> enterprises_, research_, financiers_, governments_, events_;
};

// The figures both sides compute, compared after the runs.
struct Checked {
  int64_t agreements = 0;
  int64_t contract_amount = 0;
  int64_t projects = 0;
  int64_t projects_approved_funds = 0;
  int64_t projects_arrived_funds = 0;
  int64_t previous_projects = 0;
  int64_t commissioners = 0;
  int64_t financing = 0;
  int64_t achievements_transformed = 0;
  size_t over_arrived = 0;
  // Over the year's fairs, each fair's figures added up.
  int64_t event_agreements = 0;
  int64_t event_contract_amount = 0;
  int64_t event_framework = 0;  // framework agreements
  int64_t event_suppliers = 0;  // distinct per fair, in total
  int64_t event_demanders = 0;  // distinct per fair, among the technology contracts
  int64_t event_participants = 0;
  int64_t event_needs_and_offerings = 0;
  size_t event_partners = 0;

  friend bool operator==(const Checked&, const Checked&) = default;
};

std::string Describe(const Checked& c) {
  return absl::StrFormat(
      "agreements %d (contracts %d), projects %d (approved %d, arrived %d; year before %d), "
      "commissioners %d, financing %d, achievements transformed %d, over-arrived %d; fairs: "
      "agreements %d (contracts %d, framework %d), suppliers %d, demanders %d, participants %d, "
      "needs and offerings %d, framework partners %d",
      c.agreements, c.contract_amount, c.projects, c.projects_approved_funds,
      c.projects_arrived_funds, c.previous_projects, c.commissioners, c.financing,
      c.achievements_transformed, c.over_arrived, c.event_agreements, c.event_contract_amount,
      c.event_framework, c.event_suppliers, c.event_demanders, c.event_participants,
      c.event_needs_and_offerings, c.event_partners);
}

Checked CheckedOf(const ProgrammeReport& report) {
  const RegionProgrammeReport& r = report.region;
  Checked c;
  c.agreements = r.agreements.agreement_count;
  c.contract_amount = r.agreements.sum(AmountField::kContractAmount);
  c.projects = r.projects.total.current.count;
  c.projects_approved_funds = r.projects.total.current.approved;
  c.projects_arrived_funds = r.projects.total.current.arrived;
  c.previous_projects = r.projects.total.previous.count;
  c.commissioners = r.commissioners.count;
  c.financing = r.financing_total.amount;
  for (const IndicatorLine& line : r.indicators) {
    if (line.indicator.meta.id == "achievements_transformed") {
      c.achievements_transformed = line.actual.value_or(0);
    }
  }
  c.over_arrived = r.projects.over_arrived.size();
  for (const auto& [id, e] : report.events) {
    c.event_agreements += e.total.agreement_count;
    c.event_contract_amount += e.total.sum(AmountField::kContractAmount);
    c.event_framework += e.framework.agreement_count;
    c.event_suppliers += e.total.supplier_count;
    c.event_demanders += e.technology.demander_count;
    c.event_participants += e.enterprise_count + e.university_count + e.research_institute_count +
                            e.government_count + e.other_count;
    c.event_needs_and_offerings += e.needs_count + e.offerings_count;
    c.event_partners += e.framework_partners.size();
  }
  return c;
}

// What the report reads, by hand, in one read transaction.
// On PostgreSQL the same statements with its spelling: LIKE for GLOB, JOIN for SQLite's
// join-order CROSS JOIN (PostgreSQL plans from its statistics), no unary + on a column.
Checked RunHandWritten(bench::BenchSql& db, const std::string& region) {
  Checked checked;
  const bool province = region.substr(2) == "0000";
  const bool pg = db.postgres();
  const std::string glob = absl::StrCat(region.substr(0, province ? 2 : 4), pg ? "%" : "*");
  // GLOB, CROSS JOIN and + in the statements below, spelled for the database.
  const auto sql = [pg](std::string text) {
    if (!pg) return text;
    absl::StrReplaceAll({{" GLOB ", " LIKE "}, {"CROSS JOIN", "JOIN"}, {"+a.", "a."}}, &text);
    return text;
  };
  const auto key = [&](absl::string_view column) {
    return province ? absl::StrCat("substr(", column, ", 1, 4) || '00'") : std::string(column);
  };
  const int64_t year = kReportYear;
  const int64_t from = NanosIn(kReportYear, 0);
  const int64_t until = absl::ToUnixNanos(PeriodEnd(kReportYear, kWholeYear));
  auto ignore = [](const bench::SqlRow&) {};
  db.Exec(pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");

  // Indicators: their units, the year's targets and observations (each region's own figure,
  // whole year and halves, which the roll-up reads), and the derived figures.
  db.Query(sql("SELECT code, unit FROM indicators"), {}, ignore);
  db.Query(
      sql("SELECT indicator_code, region_code, value FROM targets WHERE year = ?1 AND region_code "
          "GLOB ?2"),
      {year, glob}, ignore);
  std::map<std::pair<std::string, std::string>, int64_t> own;  // (indicator, region) → value
  db.Query(
      sql("SELECT indicator_code, region_code, half, value FROM observations WHERE indicator_code "
          "IN (SELECT code FROM indicators) AND year = ?1 AND region_code GLOB ?2"),
      {year, glob}, [&](const bench::SqlRow& s) {
        own[{s.Text(0), s.Text(1)}] += s.Int(3);
      });
  db.Query(
      sql("WITH counted AS MATERIALIZED (SELECT (SELECT o.region_code FROM agreement_parties AS p "
          "JOIN organizations AS o ON o.id = p.organization_id WHERE p.agreement_id = a.id AND "
          "p.role = 'DEMANDER' AND o.region_code GLOB ?3 ORDER BY p.position LIMIT 1) AS "
          "region_code FROM agreements AS a WHERE a.sign_time >= ?1 AND a.sign_time < ?2 AND "
          "+a.kind IN ('TECHNOLOGY_TRANSFER', 'TECHNOLOGY_LICENSE', 'TECHNOLOGY_DEVELOPMENT') AND "
          "+a.state IN ('IMPLEMENTING', 'COMPLETED')) SELECT region_code, count(*) FROM counted "
          "WHERE region_code IS NOT NULL GROUP BY 1"),
      {from, until, glob},
      [&](const bench::SqlRow& s) { checked.achievements_transformed += s.Int(1); });
  db.Query(sql("SELECT count(*) FROM projects WHERE region_code GLOB ?1 AND year = ?2"),
           {glob, year}, ignore);
  db.Query(sql("SELECT sum(a.amount) FROM project_fund_arrivals AS a JOIN projects AS p ON p.id = "
               "a.project_id WHERE p.region_code GLOB ?1 AND a.arrive_time >= ?2 AND a.arrive_time "
               "< ?3"),
           {glob, from, until}, ignore);
  db.Query(sql("SELECT count(*) FROM commissioners WHERE region_code GLOB ?1 AND year = ?2"),
           {glob, year}, ignore);
  db.Query(
      sql("SELECT sum(amount), sum(CASE WHEN kind = 'LOAN' THEN amount END) FROM financings WHERE "
          "region_code GLOB ?1 AND grant_year = ?2"),
      {glob, year}, ignore);

  // The year's agreements with a party in the region: by subordinate region and in total,
  // with distinct suppliers and demanders. CROSS JOIN fixes the join order: a province's from
  // the year's agreements (by sign_time) to their parties and organizations, a city's (a
  // tenth of the organizations) from its organizations to their parties and agreements.
  const std::string amounts =
      "a.contract_amount AS c1, a.total_investment AS c2, a.expected_sales_revenue AS c3, "
      "a.expected_profit_tax AS c4, a.realized_output_value AS c5, a.realized_profit_tax AS c6";
  const std::string sums = "count(*), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5), sum(c6)";
  const std::string parties_in_region = absl::StrCat(
      province ? " FROM agreements AS a CROSS JOIN agreement_parties AS p ON p.agreement_id = "
                 "a.id CROSS JOIN organizations AS o ON o.id = p.organization_id"
               : " FROM organizations AS o CROSS JOIN agreement_parties AS p ON "
                 "p.organization_id = o.id CROSS JOIN agreements AS a ON a.id = p.agreement_id",
      " WHERE a.sign_time >= ?1 AND a.sign_time < ?2 AND o.region_code GLOB ?3");
  const std::string by_group = absl::StrCat("SELECT DISTINCT a.id AS aid, ", key("o.region_code"),
                                            " AS k, ", amounts, parties_in_region);
  const std::string distinct =
      "count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN p.organization_id END), "
      "count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN p.organization_id END)";
  db.Query(sql(absl::StrCat("SELECT k, ", sums, " FROM (", by_group, ") AS g GROUP BY k")),
           {from, until, glob}, ignore);
  db.Query(sql(absl::StrCat(
               "SELECT r.k, ", distinct, " FROM (", by_group,
               ") AS r CROSS JOIN agreement_parties AS p ON p.agreement_id = r.aid GROUP BY "
               "r.k")),
           {from, until, glob}, ignore);
  const std::string whole =
      absl::StrCat("SELECT DISTINCT a.id AS aid, ", amounts, parties_in_region);
  db.Query(sql(absl::StrCat("SELECT ", sums, " FROM (", whole, ") AS w")), {from, until, glob},
           [&](const bench::SqlRow& s) {
             checked.agreements = s.Int(0);
             checked.contract_amount = s.Int(1);
           });
  db.Query(sql(absl::StrCat("SELECT ", distinct, " FROM (", whole,
                            ") AS r CROSS JOIN agreement_parties AS p ON p.agreement_id = r.aid")),
           {from, until, glob}, ignore);

  // Projects of the year and the year before by subordinate region and level; over-arrived.
  db.Query(
      sql(absl::StrCat("SELECT ", key("region_code"),
                       " AS k, year, level, count(*), sum(approved_funds), sum(arrived_funds) FROM "
                       "projects WHERE region_code GLOB ?1 AND year IN (?2, ?3) GROUP BY k, year, "
                       "level")),
      {glob, year, year - 1}, [&](const bench::SqlRow& s) {
        if (s.Int(1) == year) {
          checked.projects += s.Int(3);
          checked.projects_approved_funds += s.Int(4);
          checked.projects_arrived_funds += s.Int(5);
        } else {
          checked.previous_projects += s.Int(3);
        }
      });
  db.Query(
      sql("SELECT id, title, level, region_code, approved_funds, arrived_funds FROM projects WHERE "
          "region_code GLOB ?1 AND year = ?2 AND arrived_funds > approved_funds ORDER BY id"),
      {glob, year}, [&](const bench::SqlRow&) { ++checked.over_arrived; });

  // Commissioners and financing by subordinate region (and kind), and in total.
  const std::string commissioner_sums =
      "count(*), count(DISTINCT home_organization_id), sum(technologies_promoted), "
      "sum(new_products), sum(projects), sum(joint_ventures), sum(cooperatives), "
      "sum(enterprises_founded), sum(investment), sum(profit), sum(farmer_income_increase) FROM "
      "commissioners WHERE region_code GLOB ?1 AND year = ?2";
  db.Query(
      sql(absl::StrCat("SELECT ", key("region_code"), " AS k, ", commissioner_sums, " GROUP BY k")),
      {glob, year}, ignore);
  db.Query(sql(absl::StrCat("SELECT ", commissioner_sums)), {glob, year},
           [&](const bench::SqlRow& s) { checked.commissioners = s.Int(0); });
  const std::string financing_sums =
      "count(*), count(DISTINCT recipient_id), sum(amount) FROM financings WHERE region_code "
      "GLOB ?1 AND grant_year = ?2";
  db.Query(sql(absl::StrCat("SELECT ", key("region_code"), " AS k, kind, ", financing_sums,
                            " GROUP BY k, kind")),
           {glob, year}, ignore);
  db.Query(
      sql(absl::StrCat("SELECT ", key("region_code"), " AS k, ", financing_sums, " GROUP BY k")),
      {glob, year}, ignore);
  db.Query(sql(absl::StrCat("SELECT kind, ", financing_sums, " GROUP BY kind")), {glob, year},
           ignore);
  db.Query(sql(absl::StrCat("SELECT ", financing_sums)), {glob, year},
           [&](const bench::SqlRow& s) { checked.financing = s.Int(2); });

  // The year's fairs organized in the region and the figures the report states for each: its
  // name, needs and offerings shown, participants by kind, its agreements by kind, framework
  // against the rest and in total with distinct suppliers and demanders (a college under its
  // university), and its framework partners. Each statement covers every fair at once.
  // The fairs' ids first, then each statement names them (?1, ?2, ...): planned from a
  // subquery instead, the framework partners' statement expected ten times the fairs'
  // agreements and scanned every SUPPLIER party.
  std::vector<bench::SqlValue> in_fairs;
  db.Query(
      sql("SELECT e.id, e.display_name FROM events AS e WHERE e.start_time >= ?1 AND e.start_time "
          "< ?2 AND EXISTS (SELECT 1 FROM event_organizers AS eo JOIN organizations AS o ON o.id "
          "= eo.organization_id WHERE eo.event_id = e.id AND o.region_code GLOB ?3)"),
      {from, until, glob}, [&](const bench::SqlRow& s) { in_fairs.push_back(s.Text(0)); });
  std::vector<std::string> markers;
  for (size_t i = 1; i <= in_fairs.size(); ++i) markers.push_back(absl::StrCat("?", i));
  const std::string fairs = absl::StrJoin(markers, ", ");
  if (in_fairs.empty()) {
    db.Exec("COMMIT");
    return checked;
  }
  for (const char* shown : {"SELECT s.event_id, count(*) FROM need_events AS s JOIN needs AS n "
                            "ON n.id = s.need_id WHERE n.state <> 'WITHDRAWN' AND n.review = ''",
                            "SELECT s.event_id, count(*) FROM offering_events AS s JOIN offerings "
                            "AS n ON n.id = s.offering_id WHERE n.state <> 'WITHDRAWN' AND "
                            "n.review = ''"}) {
    db.Query(sql(absl::StrCat(shown, " AND s.event_id IN (", fairs, ") GROUP BY 1")), in_fairs,
             [&](const bench::SqlRow& s) { checked.event_needs_and_offerings += s.Int(1); });
  }
  // An institution's college counts as the institution.
  const std::string as_parent =
      " LEFT JOIN organizations AS u ON u.id = o.parent_id AND o.kind IN ('UNIVERSITY', "
      "'RESEARCH_INSTITUTE') AND u.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE')";
  db.Query(sql(absl::StrCat("SELECT p.event_id, coalesce(u.kind, o.kind), count(DISTINCT "
                            "coalesce(u.id, o.id)) FROM participants AS p JOIN organizations AS o "
                            "ON o.id = p.organization_id",
                            as_parent, " WHERE p.event_id IN (", fairs, ") GROUP BY 1, 2")),
           in_fairs, [&](const bench::SqlRow& s) { checked.event_participants += s.Int(2); });
  // By kind; the framework, the rest and the total are sums of the kinds' sums.
  db.Query(sql(absl::StrCat("SELECT a.event_id, a.kind, count(*), sum(a.contract_amount), "
                            "sum(a.total_investment), sum(a.expected_sales_revenue), "
                            "sum(a.expected_profit_tax), sum(a.realized_output_value), "
                            "sum(a.realized_profit_tax) FROM agreements AS a WHERE a.event_id IN (",
                            fairs, ") GROUP BY 1, 2")),
           in_fairs, [&](const bench::SqlRow& s) {
             checked.event_agreements += s.Int(2);
             checked.event_contract_amount += s.Int(3);
             if (s.Text(1) == "FRAMEWORK_COOPERATION") checked.event_framework += s.Int(2);
           });
  // Distinct parties do not add up across kinds: by kind, framework or not, and in total
  // (the first column says which, as GROUPING numbers them: 1, 2, 3). SQLite has no GROUPING SETS:
  // three groupings in UNION ALL.
  const std::string counted =
      "count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN coalesce(u.id, o.id) END), "
      "count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN coalesce(u.id, o.id) END) FROM "
      "agreements AS a JOIN agreement_parties AS p ON p.agreement_id = a.id JOIN organizations "
      "AS o ON o.id = p.organization_id";
  const std::string of_fairs = absl::StrCat(as_parent, " WHERE a.event_id IN (", fairs, ")");
  const auto add_parties = [&](const bench::SqlRow& s) {
    if (s.Int(0) == 3) checked.event_suppliers += s.Int(4);
    if (s.Int(0) == 2 && s.Int(3) == 0) checked.event_demanders += s.Int(5);
  };
  if (pg) {
    db.Query(sql(absl::StrCat(
                 "SELECT GROUPING(a.kind, a.kind = 'FRAMEWORK_COOPERATION'), a.event_id, a.kind, "
                 "(a.kind = 'FRAMEWORK_COOPERATION')::int, ",
                 counted, of_fairs,
                 " GROUP BY GROUPING SETS ((a.event_id, a.kind), (a.event_id, a.kind = "
                 "'FRAMEWORK_COOPERATION'), (a.event_id))")),
             in_fairs, add_parties);
  } else {
    db.Query(
        absl::StrCat("SELECT 1, a.event_id, a.kind, 0, ", counted, of_fairs,
                     " GROUP BY 2, 3 UNION ALL SELECT 2, a.event_id, '', a.kind = "
                     "'FRAMEWORK_COOPERATION', ",
                     counted, of_fairs, " GROUP BY 2, 4 UNION ALL SELECT 3, a.event_id, '', 0, ",
                     counted, of_fairs, " GROUP BY 2"),
        in_fairs, add_parties);
  }
  db.Query(sql(absl::StrCat(
               "SELECT a.event_id, o.display_name FROM agreements AS a JOIN agreement_parties AS "
               "p ON p.agreement_id = a.id AND p.role = 'SUPPLIER' JOIN organizations AS o ON "
               "o.id = p.organization_id WHERE a.event_id IN (",
               fairs,
               ") AND a.kind = 'FRAMEWORK_COOPERATION' GROUP BY a.event_id, o.id, o.display_name "
               "ORDER BY a.event_id, min(a.sign_time), o.id")),
           in_fairs, [&](const bench::SqlRow&) { ++checked.event_partners; });
  db.Exec("COMMIT");
  return checked;
}

bool IsPostgresUri(absl::string_view target) {
  return absl::StartsWith(target, "postgresql://") || absl::StartsWith(target, "postgres://");
}

// The repository the server would open on `path`: a SQLite file or a PostgreSQL URI.
absl::StatusOr<std::unique_ptr<storage::Repository>> OpenRepository(const std::string& path) {
  if (IsPostgresUri(path)) {
    auto repo = storage::PostgresRepository::Open(path);
    if (!repo.ok()) return repo.status();
    return std::unique_ptr<storage::Repository>(*std::move(repo));
  }
  auto repo = storage::SqliteRepository::Open(path);
  if (!repo.ok()) return repo.status();
  return std::unique_ptr<storage::Repository>(*std::move(repo));
}

int Main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a line at a time, also into a file
  const Options options = ParseOptions(argc, argv);
  const Province province(options.counties);
  std::string path;  // The SQLite file, or the PostgreSQL database's URI.
  std::string dir;   // SQLite: the file's directory, removed at the end.
  std::unique_ptr<bench::PgBenchConnection> pg_admin;  // PostgreSQL: drops the database at the end.
  const std::string pg_name = absl::StrCat("programme_report_bench_", getpid());
  const bool pg = IsPostgresUri(options.reuse.empty() ? options.db : options.reuse);
  if (!options.reuse.empty()) {
    path = options.reuse;
    std::printf("reusing %s\n\n", path.c_str());
  } else {
    if (pg) {
      auto connection = bench::PgBenchConnection::Open(options.db);
      absl::Status status = connection.status();
      if (status.ok()) status = (*connection)->Exec(absl::StrCat("CREATE DATABASE ", pg_name));
      if (!status.ok()) {
        std::fprintf(stderr, "%s\n", status.ToString().c_str());
        return 1;
      }
      pg_admin = *std::move(connection);
      path = bench::WithDatabase(options.db, pg_name);
    } else {
      dir = absl::StrCat(options.dir, "/techmatch-programme-report-bench-", getpid());
      std::filesystem::create_directories(dir);
      path = dir + "/bench.db";
    }
    // The real schema, created (and on PostgreSQL migrated) by the repository.
    if (absl::Status opened = OpenRepository(path).status(); !opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.ToString().c_str());
      return 1;
    }
    std::printf(
        "loading a province of %zu cities and %d counties: %lld projects, %lld observations, "
        "%lld agreements into %s ...\n",
        province.cities.size(), options.counties, static_cast<long long>(options.projects),
        static_cast<long long>(options.observations), static_cast<long long>(options.agreements),
        pg ? pg_name.c_str() : path.c_str());
    const double load_s = TimeOnce([&] {
      if (pg) {
        std::unique_ptr<bench::BenchSql> db = bench::BenchSql::OpenPostgres(path);
        // Rows generated consistent, loaded without triggers and foreign-key checks (a project's
        // arrivals come before it); needs a superuser.
        db->Exec("SET session_replication_role = replica");
        db->Exec("SET synchronous_commit = off");
        db->Exec("BEGIN");
        Loader(*db, province, options).Load();
        db->Exec("COMMIT");
        db->Exec("VACUUM (ANALYZE)");  // Statistics and the visibility map, as in service.
      } else {
        std::unique_ptr<bench::BenchSql> db = bench::BenchSql::OpenSqlite(path, false);
        db->Exec("PRAGMA synchronous = OFF");
        db->Exec("PRAGMA cache_size = -2000000");  // 2 GB: the indexes stay in memory
        db->Exec("BEGIN");
        Loader(*db, province, options).Load();
        db->Exec("COMMIT");
        db->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    });
    std::printf("loaded in %.1f s\n\n", load_s);
  }

  auto repo_or = OpenRepository(path);
  if (!repo_or.ok()) {
    std::fprintf(stderr, "%s\n", repo_or.status().ToString().c_str());
    return 1;
  }
  absl::StatusOr<Currency> currency = Currency::FromCode("CNY");
  if (!currency.ok()) return 1;
  usecases::Reports reports(**repo_or, *currency);
  Principal admin;
  admin.key_id = "bench";
  admin.role = Role::kAdmin;
  std::unique_ptr<bench::BenchSql> hand;
  if (pg) {
    hand = bench::BenchSql::OpenPostgres(path);
  } else {
    hand = bench::BenchSql::OpenSqlite(path, true);
    hand->Exec("PRAGMA mmap_size = 268435456");  // As the repository's reader connections map it.
  }

  bool all_within = true;
  std::printf("%-8s %10s %12s %14s %8s %8s  %s\n", "region", "first_s", "report_s",
              "hand_written_s", "ratio", "regions", "check");
  for (const std::string& region : {province.code, province.cities.front()}) {
    absl::StatusOr<usecases::ProgrammeReportView> view;
    // The first report after the server starts also loads the agreements' summary index.
    const double first_s =
        TimeOnce([&] { view = reports.GetProgrammeReport(admin, kReportYear, region, "zh-Hans"); });
    if (!view.ok()) {
      std::fprintf(stderr, "%s: %s\n", region.c_str(), view.status().ToString().c_str());
      return 1;
    }
    std::vector<double> report_times, hand_times;
    Checked hand_checked;
    for (int run = 0; run < options.runs; ++run) {
      // The side that goes second finds in the page cache what the first one read: they take
      // turns at going first.
      if (run % 2 == 1) {
        hand_times.push_back(TimeOnce([&] { hand_checked = RunHandWritten(*hand, region); }));
      }
      report_times.push_back(TimeOnce(
          [&] { view = reports.GetProgrammeReport(admin, kReportYear, region, "zh-Hans"); }));
      if (!view.ok()) {
        std::fprintf(stderr, "%s: %s\n", region.c_str(), view.status().ToString().c_str());
        return 1;
      }
      if (run % 2 == 0) {
        hand_times.push_back(TimeOnce([&] { hand_checked = RunHandWritten(*hand, region); }));
      }
    }
    const Checked report_checked = CheckedOf(view->report);
    const bool same = report_checked == hand_checked;
    const double report_s = Median(report_times);
    const double hand_s = Median(hand_times);
    const double ratio = report_s / hand_s;
    const bool within = options.ratio_target == 0 || ratio <= options.ratio_target;
    all_within = all_within && within && same;
    std::printf("%-8s %10.3f %12.3f %14.3f %8.2f %8zu  %s\n", region.c_str(), first_s, report_s,
                hand_s, ratio, view->report.subordinates.size() + 1,
                same ? "same answer" : "DIFFERENT ANSWER");
    std::printf("  report: %s\n", Describe(report_checked).c_str());
    if (!same) std::printf("  hand:   %s\n", Describe(hand_checked).c_str());
  }
  if (options.ratio_target == 0) {
    std::printf("\nratio target not checked (--ratio_target=0); answers: %s\n",
                all_within ? "same" : "DIFFERENT");
  } else {
    std::printf("\ntarget: ratio <= %.2f for the province and the city: %s\n", options.ratio_target,
                all_within ? "met" : "NOT met");
  }
  repo_or->reset();
  hand.reset();
  if (options.keep) {
    std::printf("kept %s\n", path.c_str());
  } else if (pg_admin != nullptr) {
    if (absl::Status dropped = pg_admin->Exec(absl::StrCat("DROP DATABASE ", pg_name));
        !dropped.ok()) {
      std::fprintf(stderr, "%s\n", dropped.ToString().c_str());
    }
  } else if (!dir.empty()) {
    std::filesystem::remove_all(dir);
  }
  return all_within ? 0 : 1;
}

}  // namespace
}  // namespace techmatch

int main(int argc, char** argv) { return techmatch::Main(argc, argv); }
