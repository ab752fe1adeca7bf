// Each resource's SQL filter table (storage/sqlite/*_rows.cc) declares exactly the fields the API
// allows for it (Repository::*FilterFields), each with the same value type; and the filter
// compiler refuses a term whose value is not of its field's type.
#include <map>
#include <string>
#include <vector>

#include "core/common/filter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/repository.h"
#include "storage/sqlite/agreement_rows.h"
#include "storage/sqlite/audit_rows.h"
#include "storage/sqlite/commissioner_rows.h"
#include "storage/sqlite/event_rows.h"
#include "storage/sqlite/financing_rows.h"
#include "storage/sqlite/meeting_rows.h"
#include "storage/sqlite/need_rows.h"
#include "storage/sqlite/offering_rows.h"
#include "storage/sqlite/organization_rows.h"
#include "storage/sqlite/participant_rows.h"
#include "storage/sqlite/project_rows.h"
#include "storage/sqlite/sql_filter.h"
#include "tests/common/status_matchers.h"

namespace techmatch::storage::sqlite {
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
  EXPECT_THAT(Declared(OrganizationRows::FilterFields()),
              ContainerEq(Allowed(Repository::OrganizationFilterFields())));
  EXPECT_THAT(Declared(EventRows::FilterFields()),
              ContainerEq(Allowed(Repository::EventFilterFields())));
  EXPECT_THAT(Declared(ParticipantRows::FilterFields()),
              ContainerEq(Allowed(Repository::ParticipantFilterFields())));
  EXPECT_THAT(Declared(NeedRows::FilterFields()),
              ContainerEq(Allowed(Repository::NeedFilterFields())));
  EXPECT_THAT(Declared(OfferingRows::FilterFields()),
              ContainerEq(Allowed(Repository::OfferingFilterFields())));
  EXPECT_THAT(Declared(MeetingRequestRows::FilterFields()),
              ContainerEq(Allowed(Repository::MeetingRequestFilterFields())));
  EXPECT_THAT(Declared(AgreementRows::FilterFields()),
              ContainerEq(Allowed(Repository::AgreementFilterFields())));
  EXPECT_THAT(Declared(ProjectRows::FilterFields()),
              ContainerEq(Allowed(Repository::ProjectFilterFields())));
  EXPECT_THAT(Declared(CommissionerRows::FilterFields()),
              ContainerEq(Allowed(Repository::CommissionerFilterFields())));
  EXPECT_THAT(Declared(FinancingRows::FilterFields()),
              ContainerEq(Allowed(Repository::FinancingFilterFields())));
  EXPECT_THAT(Declared(AuditRows::FilterFields()),
              ContainerEq(Allowed(Repository::AuditEventFilterFields())));
}

TEST(FilterFieldsTest, AValueOfAnotherTypeIsRefused) {
  SqlWhere where;
  EXPECT_THAT(
      where.AddFilter({{"trl", FilterOp::kGe, int64_t{5}}}, OfferingRows::FilterFields(), "id"),
      IsOk());
  for (const FilterTerm& term : {FilterTerm{"trl", FilterOp::kGe, std::string("5")},
                                 FilterTerm{"state", FilterOp::kEq, int64_t{1}},
                                 FilterTerm{"trl", FilterOp::kEq, absl::UnixEpoch()}}) {
    SqlWhere other;
    EXPECT_THAT(other.AddFilter({term}, OfferingRows::FilterFields(), "id"),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr(term.field)));
  }
}

}  // namespace
}  // namespace techmatch::storage::sqlite
