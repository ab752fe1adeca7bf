// What a stopping import says: where it stopped and what of it is stored, keeping the code
// and the field violations of the cause.
#include "usecases/imports.h"

#include "tests/usecases/usecase_fixture.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::HasSubstr;

TEST(ImportStoppedTest, NamesWhereAndWhatLandedAndKeepsCodeAndViolations) {
  const absl::Status violation = InvalidArgumentError({{"need.title", "is not valid UTF-8"}});
  const absl::Status stopped =
      import_internal::Stopped(violation, "at message 3 of the stream (row 4)", 0, 2);
  EXPECT_EQ(stopped.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(stopped), FieldViolationsOf(violation));
  EXPECT_THAT(std::string(stopped.message()),
              HasSubstr("[the import stopped at message 3 of the stream (row 4); no row of this "
                        "import was stored; the 2 valid row(s) of the unfinished batch were not "
                        "stored]"));
  const absl::Status fault =
      import_internal::Stopped(absl::InternalError("row 7: disk I/O error"),
                               "after message 2000 of the stream (row 2001)", 1999, 0);
  EXPECT_EQ(fault.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(fault.message()),
              HasSubstr("row 7: disk I/O error [the import stopped after message 2000 of the "
                        "stream (row 2001); 1999 row(s) of this import are stored and stay"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
