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
//
//   summarize_bench --db=postgresql://... [--agreements=N] [--runs=N] [--keep | --reuse]
//
// does the same on PostgreSQL: a database of its own on that server, migrated through
// PostgresRepository, the same generated rows loaded with COPY (bench/agreement_data.h), then
// the repository's SummarizeAgreements (its SQL; PostgreSQL has no summary index yet) against
// the hand-written SQL written for PostgreSQL, alternating.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
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
#include "bench/agreement_data.h"
#include "bench/pg_bench_connection.h"
#include "core/agreements/agreement.h"
#include "core/reports/agreement_report.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/sqlite/sqlite_options.h"
#include "storage/sqlite/sqlite_repository.h"

namespace techmatch {
namespace {

struct Options {
  int64_t agreements = 1'000'000;
  int runs = 3;
  std::string dir = "/tmp";
  // PostgreSQL instead of SQLite: a URI of a server the bench creates its own database on.
  std::string db;
  bool keep = false;   // PostgreSQL: keep the database (its URI is printed)
  bool reuse = false;  // PostgreSQL: the URI names a kept database; time it without loading
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
    } else if (absl::ConsumePrefix(&arg, "--db=")) {
      options.db = std::string(arg);
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--reuse") {
      options.reuse = true;
    } else {
      std::fprintf(stderr,
                   "usage: summarize_bench [--agreements=N] [--runs=N] [--dir=DIR]\n"
                   "       summarize_bench --db=postgresql://... [--agreements=N] [--runs=N] "
                   "[--keep | --reuse]\n");
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

template <typename F>
double TimeOnce(F&& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return Seconds(std::chrono::steady_clock::now() - start);
}

double MedianOf(std::vector<double> times) {
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

// The agreements row's `parties`: ROLE:organization, joined by U+001F, in position order.
std::string EncodedParties(const bench::GeneratedAgreement& a) {
  std::vector<std::string> encoded;
  for (const auto& [org, role] : a.parties) encoded.push_back(absl::StrCat(role, ":", org));
  return absl::StrJoin(encoded, "\x1F");
}

// Fills the file with the generated organizations, events and agreements in one transaction.
class SqliteSink : public bench::AgreementSink {
 public:
  explicit SqliteSink(SQLite::Database& db)
      : org_(db,
             "INSERT INTO organizations (id, display_name, kind, parent_id, region_code, "
             "industries, create_time, update_time, revision) "
             "VALUES (?1, ?1, ?2, NULL, ?3, '', 0, 0, 1)"),
        event_(db,
               "INSERT INTO events (id, display_name, location, start_time, end_time, "
               "registration_close_time, organizers, create_time, update_time, revision) "
               "VALUES (?1, ?1, '', 0, 1, NULL, '', 0, 0, 1)"),
        agreement_(db,
                   "INSERT INTO agreements (id, title, kind, parties, event_id, need_id, "
                   "offering_id, industries, sign_time, sign_month, contract_amount, "
                   "total_investment, expected_sales_revenue, expected_profit_tax, "
                   "realized_output_value, realized_profit_tax, state, create_time, "
                   "update_time, revision) VALUES (?1, ?1, ?2, ?3, ?4, NULL, NULL, ?5, ?6, ?7, "
                   "?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0, 1)"),
        party_(db,
               "INSERT INTO agreement_parties (agreement_id, position, organization_id, role) "
               "VALUES (?1, ?2, ?3, ?4)"),
        industry_(db,
                  "INSERT INTO agreement_industries (agreement_id, industry_code) "
                  "VALUES (?1, ?2)") {}

  void Organization(const std::string& id, const char* kind,
                    const std::string& region_code) override {
    org_.reset();
    org_.bind(1, id);
    org_.bind(2, kind);
    org_.bind(3, region_code);
    org_.exec();
  }
  void Event(const std::string& id) override {
    event_.reset();
    event_.bind(1, id);
    event_.exec();
  }
  void Agreement(const bench::GeneratedAgreement& a) override {
    agreement_.reset();
    agreement_.clearBindings();
    agreement_.bind(1, a.id);
    agreement_.bind(2, a.kind);
    agreement_.bind(3, EncodedParties(a));
    if (a.event_id) agreement_.bind(4, *a.event_id);
    agreement_.bind(5, absl::StrJoin(a.industries, "\x1F"));
    agreement_.bind(6, a.sign_time_nanos);
    agreement_.bind(7, a.sign_month);
    for (int f = 0; f < 6; ++f) {
      if (a.amounts[f]) agreement_.bind(8 + f, *a.amounts[f]);
    }
    agreement_.bind(14, a.state);
    agreement_.exec();
    for (size_t p = 0; p < a.parties.size(); ++p) {
      party_.reset();
      party_.bind(1, a.id);
      party_.bind(2, static_cast<int64_t>(p));
      party_.bind(3, a.parties[p].first);
      party_.bind(4, a.parties[p].second);
      party_.exec();
    }
    for (const std::string& code : a.industries) {
      industry_.reset();
      industry_.bind(1, a.id);
      industry_.bind(2, code);
      industry_.exec();
    }
  }

 private:
  SQLite::Statement org_, event_, agreement_, party_, industry_;
};

void Load(const std::string& path, int64_t count) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = OFF");
  db.exec("BEGIN");
  {
    SqliteSink sink(db);
    bench::GenerateAgreements(count, sink);
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

std::vector<Grouping> Groupings() {
  using D = GroupDimension;
  return {
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
}

// --- PostgreSQL ---------------------------------------------------------------------------------

// COPY rows of the generated data, sent every kBatch agreements inside the load's transaction
// (organizations and events first, so that every row's references exist when it arrives).
class PostgresSink : public bench::AgreementSink {
 public:
  explicit PostgresSink(bench::PgBenchConnection& connection) : connection_(connection) {}

  void Organization(const std::string& id, const char* kind,
                    const std::string& region_code) override {
    absl::StrAppend(&organizations_, id, "\t", id, "\t", kind, "\t\\N\t", region_code,
                    "\t\t0\t0\t1\n");
  }
  void Event(const std::string& id) override {
    absl::StrAppend(&events_, id, "\t", id, "\t\t0\t1\t\\N\t\t0\t0\t1\n");
  }
  void Agreement(const bench::GeneratedAgreement& a) override {
    absl::StrAppend(&agreements_, a.id, "\t", a.id, "\t", a.kind, "\t", EncodedParties(a), "\t",
                    a.event_id ? *a.event_id : "\\N", "\t\\N\t\\N\t",
                    absl::StrJoin(a.industries, "\x1F"), "\t", a.sign_time_nanos, "\t",
                    a.sign_month);
    for (const std::optional<int64_t>& amount : a.amounts) {
      absl::StrAppend(&agreements_, "\t", amount ? absl::StrCat(*amount) : "\\N");
    }
    absl::StrAppend(&agreements_, "\t", a.state, "\t0\t0\t1\n");
    for (size_t p = 0; p < a.parties.size(); ++p) {
      absl::StrAppend(&parties_, a.id, "\t", p, "\t", a.parties[p].first, "\t", a.parties[p].second,
                      "\n");
    }
    for (const std::string& code : a.industries) {
      absl::StrAppend(&industries_, a.id, "\t", code, "\n");
    }
    if (++pending_ == kBatch) Flush();
  }

  // Sends what is buffered; the first error stays in status().
  void Flush() {
    Send(
        "organizations (id, display_name, kind, parent_id, region_code, industries, "
        "create_time, update_time, revision)",
        organizations_);
    Send(
        "events (id, display_name, location, start_time, end_time, registration_close_time, "
        "organizers, create_time, update_time, revision)",
        events_);
    Send(
        "agreements (id, title, kind, parties, event_id, need_id, offering_id, industries, "
        "sign_time, sign_month, contract_amount, total_investment, expected_sales_revenue, "
        "expected_profit_tax, realized_output_value, realized_profit_tax, state, create_time, "
        "update_time, revision)",
        agreements_);
    Send("agreement_parties (agreement_id, position, organization_id, role)", parties_);
    Send("agreement_industries (agreement_id, industry_code)", industries_);
    pending_ = 0;
  }
  const absl::Status& status() const { return status_; }

 private:
  static constexpr int kBatch = 50'000;
  void Send(absl::string_view target, std::string& rows) {
    if (!rows.empty() && status_.ok()) status_ = connection_.Copy(target, rows);
    rows.clear();
  }
  bench::PgBenchConnection& connection_;
  std::string organizations_, events_, agreements_, parties_, industries_;
  int pending_ = 0;
  absl::Status status_;
};

// Migrates the new database `uri` names through the repository and fills it with COPY in one
// transaction.
absl::Status LoadPostgres(const std::string& uri, int64_t count) {
  {
    // The real schema: the repository migrates the new database.
    auto repo = storage::PostgresRepository::Open(uri);
    if (!repo.ok()) return repo.status();
  }
  auto loader = bench::PgBenchConnection::Open(uri);
  if (!loader.ok()) return loader.status();
  // Without triggers (the summary change log) and foreign-key checks: a bulk load of rows
  // generated consistent. Needs a superuser; without one the load is slower, not different.
  if (!(*loader)->Exec("SET session_replication_role = replica").ok()) {
    std::printf("(not a superuser: loading with triggers and foreign-key checks)\n");
  }
  absl::Status status = (*loader)->Exec("SET synchronous_commit = off");
  if (status.ok()) status = (*loader)->Exec("BEGIN");
  if (!status.ok()) return status;
  PostgresSink sink(**loader);
  bench::GenerateAgreements(count, sink);
  sink.Flush();
  if (!sink.status().ok()) return sink.status();
  status = (*loader)->Exec("COMMIT");
  // Statistics and the visibility map, as a database in service has them.
  if (status.ok()) status = (*loader)->Exec("VACUUM (ANALYZE)");
  return status;
}

// The same answer as SummarizeAgreements, by hand on PostgreSQL: plain sum() (exact numeric),
// the rest as on SQLite, in one read-only snapshot.
absl::StatusOr<HandResult> RunHandWrittenPostgres(bench::PgBenchConnection& db,
                                                  const std::string& group_expr,
                                                  const std::string& joins) {
  HandResult result;
  const std::string sums =
      "count(*), sum(a.contract_amount), sum(a.total_investment), "
      "sum(a.expected_sales_revenue), sum(a.expected_profit_tax), sum(a.realized_output_value), "
      "sum(a.realized_profit_tax)";
  const std::string distinct =
      "count(DISTINCT CASE WHEN p.role = 'SUPPLIER' THEN p.organization_id END), "
      "count(DISTINCT CASE WHEN p.role = 'DEMANDER' THEN p.organization_id END)";
  absl::Status status = db.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  auto query = [&](const std::string& sql) {
    absl::StatusOr<std::vector<std::vector<std::string>>> rows;
    if (status.ok()) rows = db.Query(sql);
    if (status.ok() && !rows.ok()) status = rows.status();
    return status.ok() ? *std::move(rows) : std::vector<std::vector<std::string>>{};
  };
  result.rows =
      static_cast<int64_t>(query(absl::StrCat("SELECT ", group_expr, ", ", sums,
                                              " FROM agreements AS a", joins, " GROUP BY 1"))
                               .size());
  query(absl::StrCat("SELECT ", group_expr, ", ", distinct, " FROM agreements AS a", joins,
                     " JOIN agreement_parties AS p ON p.agreement_id = a.id GROUP BY 1"));
  const auto total = query(absl::StrCat("SELECT ", sums, " FROM agreements AS a"));
  if (total.size() == 1) {
    (void)absl::SimpleAtoi(total[0][0], &result.total_count);
    (void)absl::SimpleAtoi(total[0][1], &result.total_contract);
  }
  const auto total_parties =
      query(absl::StrCat("SELECT ", distinct, " FROM agreement_parties AS p"));
  if (total_parties.size() == 1)
    (void)absl::SimpleAtoi(total_parties[0][0], &result.total_suppliers);
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) return status;
  return result;
}

// The benchmark's database on the server `options.db` names: created and loaded (or, with
// --reuse, the one the URI names as it is), dropped at the end unless --keep or --reuse.
int RunPostgres(const Options& options) {
  const std::string name = absl::StrCat("summarize_bench_", getpid());
  std::unique_ptr<bench::PgBenchConnection> admin;
  std::string uri = options.db;
  if (!options.reuse) {
    auto connection = bench::PgBenchConnection::Open(options.db);
    absl::Status status = connection.status();
    if (status.ok()) status = (*connection)->Exec(absl::StrCat("CREATE DATABASE ", name));
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
    admin = *std::move(connection);
    uri = bench::WithDatabase(options.db, name);
    std::printf("loading %lld agreements into PostgreSQL database %s ...\n",
                static_cast<long long>(options.agreements), name.c_str());
    const auto load_start = std::chrono::steady_clock::now();
    if (absl::Status loaded = LoadPostgres(uri, options.agreements); !loaded.ok()) {
      std::fprintf(stderr, "load: %s\n", loaded.ToString().c_str());
      (void)admin->Exec(absl::StrCat("DROP DATABASE IF EXISTS ", name));
      return 1;
    }
    std::printf("loaded in %.1f s\n\n", Seconds(std::chrono::steady_clock::now() - load_start));
  }
  bool all_within = true;
  {
    auto repo_or = storage::PostgresRepository::Open(uri);
    auto hand_or = bench::PgBenchConnection::Open(uri);
    if (!repo_or.ok() || !hand_or.ok()) {
      std::fprintf(stderr, "%s %s\n", repo_or.status().ToString().c_str(),
                   hand_or.status().ToString().c_str());
      return 1;
    }
    storage::PostgresRepository& repo = **repo_or;
    bench::PgBenchConnection& hand = **hand_or;
    auto count = hand.Query("SELECT count(*) FROM agreements");
    std::printf(
        "PostgreSQL: %s agreements; repository (its SQL) against "
        "hand-written SQL (sum), alternating, median of %d runs\n\n",
        count.ok() && !count->empty() ? (*count)[0][0].c_str() : "?", options.runs);
    std::printf("%-12s %12s %14s %8s %8s  %s\n", "group_by", "repository_s", "hand_written_s",
                "ratio", "rows", "check");
    for (const Grouping& g : Groupings()) {
      absl::StatusOr<AgreementReport> report;
      absl::StatusOr<HandResult> hand_result;
      std::vector<double> repo_times, hand_times;
      for (int run = 0; run < options.runs; ++run) {
        repo_times.push_back(
            TimeOnce([&] { report = repo.SummarizeAgreements({}, g.group_by, {}); }));
        hand_times.push_back(TimeOnce(
            [&] { hand_result = RunHandWrittenPostgres(hand, g.hand_expr, g.hand_joins); }));
        if (!report.ok() || !hand_result.ok()) {
          std::fprintf(stderr, "%s: %s %s\n", g.label.c_str(), report.status().ToString().c_str(),
                       hand_result.status().ToString().c_str());
          return 1;
        }
      }
      const double repo_s = MedianOf(repo_times);
      const double hand_s = MedianOf(hand_times);
      const bool same =
          hand_result->rows == static_cast<int64_t>(report->rows.size()) &&
          hand_result->total_count == report->total.agreement_count &&
          hand_result->total_contract == report->total.sum(AmountField::kContractAmount) &&
          hand_result->total_suppliers == report->total.supplier_count;
      const double ratio = repo_s / hand_s;
      all_within = all_within && ratio <= 1.25 && same;
      std::printf("%-12s %12.3f %14.3f %8.2f %8zu  %s\n", g.label.c_str(), repo_s, hand_s, ratio,
                  report->rows.size(), same ? "same answer" : "DIFFERENT ANSWER");
    }
  }
  std::printf("\ntarget: ratio <= 1.25 for every grouping: %s\n", all_within ? "met" : "NOT met");
  if (admin != nullptr) {
    if (options.keep) {
      std::printf("kept: %s\n", uri.c_str());
    } else if (absl::Status dropped = admin->Exec(absl::StrCat("DROP DATABASE ", name));
               !dropped.ok()) {
      std::fprintf(stderr, "%s\n", dropped.ToString().c_str());
    }
  }
  return all_within ? 0 : 1;
}

int Main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a line at a time, also into a file
  const Options options = ParseOptions(argc, argv);
  if (!options.db.empty()) return RunPostgres(options);
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

  const std::vector<Grouping> groupings = Groupings();

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
