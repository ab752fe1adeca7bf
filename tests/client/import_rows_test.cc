#include "client/import_rows.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ImportNeedsRequest;
using techmatch::v1::ImportOfferingsRequest;
using techmatch::v1::ImportRejection;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

CsvColumns Columns(const std::vector<std::string>& header, const CsvSchema& schema) {
  absl::StatusOr<CsvColumns> columns = CsvColumns::Bind(header, schema.required, schema.optional);
  EXPECT_TRUE(columns.ok()) << columns.status();
  return *columns;
}

const std::vector<std::string> kNeedHeader = {
    "id",         "enterprise", "title",   "description",       "keywords",
    "industries", "budget",     "min_trl", "cooperation_modes", "events"};

TEST(NeedRowToRequestTest, ConvertsEveryColumn) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  const CsvRecord record{
      7,
      {"lz-001", "luzhou-laojiao", "濃香型白酒窖池微生物調控", "窖泥老化", "窖池；微生物、窖泥",
       "liquor;agriculture", "230萬", "5", "joint_development;技術轉讓", "fair-2026"}};
  ImportNeedsRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(NeedRowToRequest(columns, record, "CNY", &request, &rejection))
      << rejection.DebugString();
  EXPECT_EQ(request.row_number(), 7);
  EXPECT_EQ(request.need_id(), "lz-001");
  const auto& need = request.need();
  EXPECT_EQ(need.enterprise(), "organizations/luzhou-laojiao");
  EXPECT_EQ(need.title(), "濃香型白酒窖池微生物調控");
  EXPECT_THAT(need.keywords(), ElementsAre("窖池", "微生物", "窖泥"));
  EXPECT_THAT(need.industries(), ElementsAre("industries/liquor", "industries/agriculture"));
  EXPECT_EQ(need.budget().currency_code(), "CNY");
  EXPECT_EQ(need.budget().units(), 2'300'000);
  EXPECT_EQ(need.budget().nanos(), 0);
  EXPECT_EQ(need.min_trl(), 5);
  EXPECT_THAT(need.cooperation_modes(),
              ElementsAre(techmatch::v1::JOINT_DEVELOPMENT, techmatch::v1::TRANSFER));
  EXPECT_THAT(need.events(), ElementsAre("events/fair-2026"));
}

TEST(NeedRowToRequestTest, EmptyOptionalCellsAreNotSet) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  const CsvRecord record{2, {"", "e", "t", "", "", "liquor", "", "", "", ""}};
  ImportNeedsRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(NeedRowToRequest(columns, record, "CNY", &request, &rejection));
  EXPECT_FALSE(request.need().has_budget());
  EXPECT_FALSE(request.need().has_min_trl());
  EXPECT_TRUE(request.need_id().empty());
}

TEST(NeedRowToRequestTest, UnreadableCellsRejectTheRowWithEveryField) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  const CsvRecord record{12, {"x", "e", "t", "", "", "liquor", "lots", "five", "barter", ""}};
  ImportNeedsRequest request;
  ImportRejection rejection;
  EXPECT_FALSE(NeedRowToRequest(columns, record, "CNY", &request, &rejection));
  EXPECT_EQ(rejection.row_number(), 12);
  std::vector<std::string> fields;
  for (const auto& v : rejection.field_violations()) fields.push_back(v.field());
  EXPECT_THAT(fields, ElementsAre("budget", "min_trl", "cooperation_modes"));
}

TEST(NeedRowToRequestTest, ShortRowNamesTheFirstMissingColumn) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  const CsvRecord record{4, {"x", "e", "t"}};
  ImportNeedsRequest request;
  ImportRejection rejection;
  EXPECT_FALSE(NeedRowToRequest(columns, record, "CNY", &request, &rejection));
  ASSERT_EQ(rejection.field_violations_size(), 1);
  EXPECT_EQ(rejection.field_violations(0).field(), "description");
  EXPECT_THAT(rejection.field_violations(0).description(), HasSubstr("missing"));
}

TEST(OfferingRowToRequestTest, ConvertsAndRejectsNonIntegerTrl) {
  const CsvColumns columns =
      Columns({"id", "institute", "title", "industries", "trl", "patents", "asking_price"},
              OfferingCsvSchema());
  ImportOfferingsRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(OfferingRowToRequest(
      columns,
      CsvRecord{3, {"o1", "scu", "纤维素乙醇", "energy", "6", "ZL201910123456.7", "2.8億"}}, "CNY",
      &request, &rejection));
  EXPECT_EQ(request.offering().trl(), 6);
  EXPECT_EQ(request.offering().asking_price().units(), 280'000'000);
  EXPECT_THAT(request.offering().patents(), ElementsAre("ZL201910123456.7"));

  EXPECT_FALSE(OfferingRowToRequest(columns,
                                    CsvRecord{4, {"o2", "scu", "x", "energy", "6.5", "", ""}},
                                    "CNY", &request, &rejection));
  ASSERT_EQ(rejection.field_violations_size(), 1);
  EXPECT_EQ(rejection.field_violations(0).field(), "trl");
}

TEST(OrganizationRowToRequestTest, KindAndParent) {
  const CsvColumns columns =
      Columns({"id", "display_name", "kind", "parent", "region_code", "industries"},
              OrganizationCsvSchema());
  techmatch::v1::CreateOrganizationRequest request;
  ImportRejection rejection;
  ASSERT_TRUE(OrganizationRowToRequest(
      columns,
      CsvRecord{2, {"scu-chem", "四川大學化學學院", "UNIVERSITY", "scu", "510107", "chemicals"}},
      &request, &rejection));
  EXPECT_EQ(request.organization().parent(), "organizations/scu");
  EXPECT_EQ(request.organization().kind(), techmatch::v1::Organization::UNIVERSITY);
  EXPECT_FALSE(OrganizationRowToRequest(columns, CsvRecord{3, {"x", "X", "club", "", "", ""}},
                                        &request, &rejection));
  EXPECT_EQ(rejection.field_violations(0).field(), "kind");
}

// A cell that is not UTF-8 (a GBK export, a stray byte) rejects its row naming the column; the
// row is never sent (the server could not even parse it: proto3 strings must be UTF-8).
TEST(NeedRowToRequestTest, RejectsCellsThatAreNotUtf8NamingTheirColumns) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  const CsvRecord record{
      4,
      {"n-1", "acme", "bad \xc3\x28 title", "", "\xb0\xd7\xbe\xc6;ok", "liquor", "", "", "", ""}};
  ImportNeedsRequest request;
  ImportRejection rejection;
  ASSERT_FALSE(NeedRowToRequest(columns, record, "CNY", &request, &rejection));
  EXPECT_EQ(rejection.row_number(), 4);
  ASSERT_EQ(rejection.field_violations_size(), 2) << rejection.DebugString();
  EXPECT_EQ(rejection.field_violations(0).field(), "title");
  EXPECT_THAT(rejection.field_violations(0).description(),
              HasSubstr("is not valid UTF-8 (byte 0xC3 at offset 4"));
  EXPECT_EQ(rejection.field_violations(1).field(), "keywords");
  EXPECT_THAT(rejection.field_violations(1).description(), HasSubstr("byte 0xB0 at offset 0"));
}

TEST(NeedRowToRequestTest, Utf8CheckIsStrictButAcceptsEveryPlane) {
  const CsvColumns columns = Columns(kNeedHeader, NeedCsvSchema());
  ImportNeedsRequest request;
  ImportRejection rejection;
  // 4-byte (𠮷) and 3-byte text is fine.
  ASSERT_TRUE(NeedRowToRequest(columns,
                               {2, {"", "acme", "𠮷野家 釀造", "", "", "liquor", "", "", "", ""}},
                               "CNY", &request, &rejection))
      << rejection.DebugString();
  // Overlong '/', a UTF-16 surrogate, past U+10FFFF, a truncated sequence: each rejected.
  for (const std::string bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe9\x85"}) {
    EXPECT_FALSE(NeedRowToRequest(columns,
                                  {3, {"", "acme", "t" + bad, "", "", "liquor", "", "", "", ""}},
                                  "CNY", &request, &rejection));
    ASSERT_EQ(rejection.field_violations_size(), 1);
    EXPECT_EQ(rejection.field_violations(0).field(), "title");
  }
}

TEST(OrganizationRowToRequestTest, RejectsCellsThatAreNotUtf8) {
  const CsvColumns columns =
      Columns({"id", "display_name", "kind", "parent", "region_code", "industries"},
              OrganizationCsvSchema());
  techmatch::v1::CreateOrganizationRequest request;
  ImportRejection rejection;
  ASSERT_FALSE(OrganizationRowToRequest(
      columns, {2, {"scu", "\xcb\xc4\xb4\xa8\xb4\xf3\xd1\xa7", "UNIVERSITY", "", "", ""}}, &request,
      &rejection));
  ASSERT_EQ(rejection.field_violations_size(), 1);
  EXPECT_EQ(rejection.field_violations(0).field(), "display_name");
}

}  // namespace
}  // namespace techmatch::client
