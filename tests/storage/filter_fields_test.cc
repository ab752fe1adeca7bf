// Each resource's SQL filter table (storage/filter_columns.h) declares exactly the fields the API
// allows for it (Repository::*FilterFields), each with the same value type; the filter compiler
// refuses a term whose value is not of its field's type; and each SQL backend renders the same
// compiled terms in its own dialect, values always bound.
#include <map>
#include <string>
#include <vector>

#include "core/common/filter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/filter_columns.h"
#include "storage/postgres/sql_where.h"
#include "storage/repository.h"
#include "storage/sql_filter.h"
#include "storage/sqlite/sql_filter.h"
#include "tests/common/status_matchers.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ContainerEq;

std::map<std::string, FilterFieldType> Allowed(const std::vector<FilterField>& fields) {
  std::map<std::string, FilterFieldType> types;
  for (const FilterField& field : fields) types[field.name] = field.type;
  return types;
}

std::map<std::string, FilterFieldType> Declared(SqlFields fields) {
  std::map<std::string, FilterFieldType> types;
  for (const SqlField& field : fields) {
    EXPECT_TRUE(types.emplace(field.name, field.type).second) << field.name << " twice";
    EXPECT_FALSE(field.sql.empty()) << field.name;
  }
  return types;
}

TEST(FilterFieldsTest, EachSqlTableDeclaresTheAllowedFieldsWithTheirTypes) {
  EXPECT_THAT(Declared(OrganizationFilterColumns()),
              ContainerEq(Allowed(Repository::OrganizationFilterFields())));
  EXPECT_THAT(Declared(EventFilterColumns()),
              ContainerEq(Allowed(Repository::EventFilterFields())));
  EXPECT_THAT(Declared(ParticipantFilterColumns()),
              ContainerEq(Allowed(Repository::ParticipantFilterFields())));
  EXPECT_THAT(Declared(NeedFilterColumns()), ContainerEq(Allowed(Repository::NeedFilterFields())));
  EXPECT_THAT(Declared(OfferingFilterColumns()),
              ContainerEq(Allowed(Repository::OfferingFilterFields())));
  EXPECT_THAT(Declared(MeetingRequestFilterColumns()),
              ContainerEq(Allowed(Repository::MeetingRequestFilterFields())));
  EXPECT_THAT(Declared(AgreementFilterColumns()),
              ContainerEq(Allowed(Repository::AgreementFilterFields())));
  EXPECT_THAT(Declared(ProjectFilterColumns()),
              ContainerEq(Allowed(Repository::ProjectFilterFields())));
  EXPECT_THAT(Declared(CommissionerFilterColumns()),
              ContainerEq(Allowed(Repository::CommissionerFilterFields())));
  EXPECT_THAT(Declared(FinancingFilterColumns()),
              ContainerEq(Allowed(Repository::FinancingFilterFields())));
  EXPECT_THAT(Declared(AuditEventFilterColumns()),
              ContainerEq(Allowed(Repository::AuditEventFilterFields())));
  EXPECT_THAT(Declared(UserFilterColumns()), ContainerEq(Allowed(Repository::UserFilterFields())));
  EXPECT_THAT(Declared(ApplicationFilterColumns()),
              ContainerEq(Allowed(Repository::ApplicationFilterFields())));
}

TEST(FilterFieldsTest, AValueOfAnotherTypeIsRefused) {
  EXPECT_THAT(CompileFilter({{"trl", FilterOp::kGe, int64_t{5}}}, OfferingFilterColumns(), "id"),
              IsOk());
  for (const FilterTerm& term : {FilterTerm{"trl", FilterOp::kGe, std::string("5")},
                                 FilterTerm{"state", FilterOp::kEq, int64_t{1}},
                                 FilterTerm{"trl", FilterOp::kEq, absl::UnixEpoch()},
                                 FilterTerm{"region", FilterOp::kEq, std::string("51")}}) {
    EXPECT_THAT(CompileFilter({term}, OfferingFilterColumns(), "id"),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr(term.field)));
    sqlite::SqlWhere lite;
    EXPECT_THAT(lite.AddFilter({term}, OfferingFilterColumns(), "id"),
                StatusIs(absl::StatusCode::kInvalidArgument));
    postgres::SqlWhere pg;
    EXPECT_THAT(pg.AddFilter({term}, OfferingFilterColumns(), "id"),
                StatusIs(absl::StatusCode::kInvalidArgument));
  }
}

TEST(FilterFieldsTest, UnknownFieldAndOrderOnAMembershipAreRefused) {
  EXPECT_THAT(
      CompileFilter({{"colour", FilterOp::kEq, std::string("red")}}, NeedFilterColumns(), "id"),
      StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("colour")));
  EXPECT_THAT(CompileFilter({{"industry", FilterOp::kLt, std::string("energy")}},
                            NeedFilterColumns(), "id"),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("= and !=")));
}

// The first = on a field with a driver join becomes the join; a second one, and !=, stay
// membership conditions; a region is a prefix pattern; values are parameters, never text.
const std::vector<FilterTerm> kNeedTerms = {
    {"industry", FilterOp::kEq, std::string("energy")},
    {"event", FilterOp::kEq, std::string("fair")},
    {"industry", FilterOp::kNe, std::string("x'; DROP TABLE needs; --")},
    {"region", FilterOp::kEq, std::string("510500")},
    {"enterprise", FilterOp::kNe, std::string("acme")},
    {"create_time", FilterOp::kGe, absl::FromUnixSeconds(1)},
};

TEST(FilterFieldsTest, SqliteRendersQuestionMarksAndGlob) {
  sqlite::SqlWhere where;
  ASSERT_THAT(where.AddFilter(kNeedTerms, NeedFilterColumns(), "needs.id"), IsOk());
  EXPECT_EQ(where.Join(),
            " JOIN need_industries AS driver ON driver.need_id = needs.id AND "
            "driver.industry_code = ?");
  EXPECT_EQ(where.KeyColumn("needs.id"), "driver.need_id");
  EXPECT_EQ(where.Clause(),
            " WHERE needs.id IN (SELECT need_id FROM need_events WHERE event_id = ?) AND needs.id "
            "NOT IN (SELECT need_id FROM need_industries WHERE industry_code = ?) AND (SELECT "
            "ro.region_code FROM organizations AS ro WHERE ro.id = needs.enterprise_id) GLOB ? AND "
            "enterprise_id IS NOT ? AND create_time >= ?");
}

TEST(FilterFieldsTest, PostgresRendersNumberedParametersAndLike) {
  postgres::SqlWhere where;
  ASSERT_THAT(where.AddFilter(kNeedTerms, NeedFilterColumns(), "needs.id"), IsOk());
  EXPECT_EQ(where.Join(),
            " JOIN need_industries AS driver ON driver.need_id = needs.id AND "
            "driver.industry_code = $1");
  EXPECT_EQ(where.KeyColumn("needs.id"), "driver.need_id");
  EXPECT_EQ(where.Clause(),
            " WHERE needs.id IN (SELECT need_id FROM need_events WHERE event_id = $2) AND needs.id "
            "NOT IN (SELECT need_id FROM need_industries WHERE industry_code = $3) AND (SELECT "
            "ro.region_code FROM organizations AS ro WHERE ro.id = needs.enterprise_id) LIKE $4 "
            "AND enterprise_id IS DISTINCT FROM $5 AND create_time >= $6");
  EXPECT_EQ(where.params().size(), 6u);
  EXPECT_EQ(where.NextParameter(), "$7");
  where.AddTextArray("needs.id = ANY(", {"a", "b"}, ")");
  EXPECT_THAT(where.Clause(), ::testing::EndsWith(" AND needs.id = ANY($7)"));
  EXPECT_EQ(postgres::RegionPattern("510500"), "5105%");
}

}  // namespace
}  // namespace techmatch::storage
