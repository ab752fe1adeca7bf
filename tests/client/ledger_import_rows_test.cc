// The ledger imports' row → request conversion: each kind's columns, and every unreadable cell
// of a row named at once (the row is then never sent).
#include "client/ledger_import_rows.h"

#include <string>
#include <vector>

#include "client/ledger_import_runner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportRejection;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

CsvColumns Columns(const std::vector<std::string>& header, const CsvSchema& schema) {
  absl::StatusOr<CsvColumns> columns = CsvColumns::Bind(header, schema.required, schema.optional);
  EXPECT_TRUE(columns.ok()) << columns.status();
  return *columns;
}

std::vector<std::string> Fields(const ImportRejection& rejection) {
  std::vector<std::string> fields;
  for (const auto& v : rejection.field_violations()) fields.push_back(v.field());
  return fields;
}

const std::vector<std::string> kObservationHeader = {
    "indicator", "region_code", "year", "half", "count", "money", "percent_bp", "note"};

TEST(ObservationRowTest, ConvertsEveryColumn) {
  const CsvColumns columns = Columns(kObservationHeader, ObservationCsvSchema());
  techmatch::v1::RecordObservationRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(ObservationRowToRequest(
      columns, {3, {"spark_trainees", "510521", "2025", "1", "1,200", "", "", "县科技局"}}, "CNY",
      &request, &rejection))
      << rejection.DebugString();
  const auto& o = request.observation();
  EXPECT_EQ(o.indicator(), "indicators/spark_trainees");
  EXPECT_EQ(o.region_code(), "510521");
  EXPECT_EQ(o.year(), 2025);
  EXPECT_EQ(o.half(), 1);
  EXPECT_EQ(o.count(), 1200);
  EXPECT_EQ(o.note(), "县科技局");
  EXPECT_TRUE(request.request_id().empty());  // The runner derives it.

  ASSERT_TRUE(ObservationRowToRequest(
      columns, {4, {"indicators/new_output_value", "510500", "2025", "", "", "1234.5万", "", ""}},
      "CNY", &request, &rejection));
  EXPECT_EQ(request.observation().indicator(), "indicators/new_output_value");
  EXPECT_FALSE(request.observation().has_half());
  EXPECT_EQ(request.observation().money().units(), 12'345'000);
}

TEST(ObservationRowTest, NamesEveryUnreadableCellAtOnce) {
  const CsvColumns columns = Columns(kObservationHeader, ObservationCsvSchema());
  techmatch::v1::RecordObservationRequest request;
  ImportRejection rejection;
  EXPECT_FALSE(ObservationRowToRequest(
      columns, {9, {"spark_trainees", "510521", "2025年", "first", "12.5", "", "", ""}}, "CNY",
      &request, &rejection));
  EXPECT_EQ(rejection.row_number(), 9);
  EXPECT_THAT(Fields(rejection), ElementsAre("year", "half", "count"));
}

TEST(ObservationRowTest, OneFigureColumnOnly) {
  const CsvColumns columns = Columns(kObservationHeader, ObservationCsvSchema());
  techmatch::v1::RecordObservationRequest request;
  ImportRejection rejection;
  EXPECT_FALSE(ObservationRowToRequest(
      columns, {2, {"spark_trainees", "510521", "2025", "", "5", "5", "", ""}}, "CNY", &request,
      &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("value"));
}

TEST(TargetRowTest, ConvertsAndRefusesMoreThanTwoDecimals) {
  const CsvColumns columns =
      Columns({"indicator", "region_code", "year", "count", "money"}, TargetCsvSchema());
  techmatch::v1::CreateTargetRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(TargetRowToRequest(columns, {2, {"rd_budget", "510500", "2025", "", "2.5亿"}}, "CNY",
                                 &request, &rejection));
  EXPECT_EQ(request.target().money().units(), 250'000'000);
  ASSERT_TRUE(TargetRowToRequest(columns, {3, {"rd_budget", "510500", "2025", "", "12345678.90"}},
                                 "CNY", &request, &rejection));
  EXPECT_EQ(request.target().money().units(), 12'345'678);
  EXPECT_EQ(request.target().money().nanos(), 900'000'000);
  EXPECT_FALSE(TargetRowToRequest(columns, {4, {"rd_budget", "510500", "2025", "", "1.234万"}},
                                  "CNY", &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("money"));
  EXPECT_THAT(rejection.field_violations(0).description(), HasSubstr("3 decimals"));
  EXPECT_FALSE(TargetRowToRequest(columns, {5, {"rd_budget", "510500", "2025", "", "1.005"}}, "CNY",
                                  &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("money"));
}

const std::vector<std::string> kProjectHeader = {
    "id",       "title", "level",          "programme",  "lead_organization",
    "partners", "year",  "approved_funds", "region_code"};

TEST(ProjectRowTest, ConvertsEveryColumn) {
  const CsvColumns columns = Columns(kProjectHeader, ProjectCsvSchema());
  techmatch::v1::CreateProjectRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(ProjectRowToRequest(columns,
                                  {2,
                                   {"lx-1", "白酒固态发酵", "national", "国家科技支撑计划", "acme",
                                    "scu；organizations/lzvtc", "2025", "300万", "510521"}},
                                  "CNY", &request, &rejection))
      << rejection.DebugString();
  EXPECT_EQ(request.project_id(), "lx-1");
  const auto& p = request.project();
  EXPECT_EQ(p.level(), techmatch::v1::Project::NATIONAL);
  EXPECT_EQ(p.lead_organization(), "organizations/acme");
  EXPECT_THAT(p.partners(), ElementsAre("organizations/scu", "organizations/lzvtc"));
  EXPECT_EQ(p.year(), 2025);
  EXPECT_EQ(p.approved_funds().units(), 3'000'000);
  EXPECT_EQ(p.region_code(), "510521");
}

TEST(ProjectRowTest, NamesEveryUnreadableCellAtOnce) {
  const CsvColumns columns = Columns(kProjectHeader, ProjectCsvSchema());
  techmatch::v1::CreateProjectRequest request;
  ImportRejection rejection;
  EXPECT_FALSE(ProjectRowToRequest(
      columns, {5, {"lx-1", "t", "global", "p", "acme", "", "99999999999", "abc", "510521"}}, "CNY",
      &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("level", "year", "approved_funds"));
}

TEST(FundArrivalRowTest, ConvertsAndNamesBadCells) {
  const CsvColumns columns =
      Columns({"project", "amount", "arrive_time", "note"}, FundArrivalCsvSchema());
  techmatch::v1::RecordFundArrivalRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(FundArrivalRowToRequest(columns,
                                      {2, {"lx-1", "150万", "2025-06-01T10:00:00+08:00", "第一笔"}},
                                      "CNY", &request, &rejection));
  EXPECT_EQ(request.project(), "projects/lx-1");
  EXPECT_EQ(request.amount().units(), 1'500'000);
  EXPECT_EQ(request.arrive_time().seconds(), 1'748'743'200);
  EXPECT_EQ(request.note(), "第一笔");
  EXPECT_FALSE(FundArrivalRowToRequest(columns, {3, {"lx-1", "-5", "yesterday", ""}}, "CNY",
                                       &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("amount", "arrive_time"));
}

const std::vector<std::string> kCommissionerHeader = {
    "id",          "display_name",  "home_organization", "region_code",
    "year",        "service_model", "cooperatives",      "farmer_income_increase",
    "new_products"};

TEST(CommissionerRowTest, ConvertsAndNamesBadCells) {
  const CsvColumns columns = Columns(kCommissionerHeader, CommissionerCsvSchema());
  techmatch::v1::CreateCommissionerRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(CommissionerRowToRequest(
      columns,
      {2, {"wang-li", "王力", "scu", "510521", "2025", "technology-pushed", "3", "15万", ""}},
      "CNY", &request, &rejection))
      << rejection.DebugString();
  const auto& c = request.commissioner();
  EXPECT_EQ(request.commissioner_id(), "wang-li");
  EXPECT_EQ(c.home_organization(), "organizations/scu");
  EXPECT_EQ(c.service_model(), techmatch::v1::Commissioner::TECHNOLOGY_PUSHED);
  EXPECT_EQ(c.cooperatives(), 3);
  EXPECT_EQ(c.farmer_income_increase().units(), 150'000);
  EXPECT_FALSE(c.has_profit());
  EXPECT_FALSE(CommissionerRowToRequest(
      columns, {3, {"", "王力", "scu", "510521", "2025", "freelance", "three", "", "2.5"}}, "CNY",
      &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("service_model", "new_products", "cooperatives"));
}

TEST(FinancingRowTest, ConvertsAndNamesBadCells) {
  const CsvColumns columns =
      Columns({"id", "kind", "provider", "recipient", "amount", "grant_time", "agreement"},
              FinancingCsvSchema());
  techmatch::v1::CreateFinancingRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(FinancingRowToRequest(
      columns, {2, {"f1", "loan", "bank", "organizations/acme", "500万", "2025-03-01", "a1"}},
      "CNY", &request, &rejection));
  const auto& f = request.financing();
  EXPECT_EQ(f.kind(), techmatch::v1::Financing::LOAN);
  EXPECT_EQ(f.provider(), "organizations/bank");
  EXPECT_EQ(f.recipient(), "organizations/acme");
  EXPECT_EQ(f.amount().units(), 5'000'000);
  EXPECT_EQ(f.agreement(), "agreements/a1");
  EXPECT_TRUE(f.region_code().empty());  // The recipient's, by the server's default.
  EXPECT_FALSE(FinancingRowToRequest(columns,
                                     {3, {"f2", "gift", "bank", "acme", "1,2,3", "2025-13-01", ""}},
                                     "CNY", &request, &rejection));
  EXPECT_THAT(Fields(rejection), ElementsAre("kind", "amount", "grant_time"));
}

TEST(LedgerImportRequestIdTest, DependsOnTheFileAndTheLine) {
  const std::string hash(64, 'a');
  EXPECT_EQ(LedgerImportRequestId(hash, 7), "import-" + hash + "-7");
  EXPECT_NE(LedgerImportRequestId(hash, 7), LedgerImportRequestId(hash, 8));
  EXPECT_LE(LedgerImportRequestId(hash, 1'000'000).size(), 128u);
}

}  // namespace
}  // namespace techmatch::client
