// gMock matchers for absl::Status and absl::StatusOr (Abseil 20220623 ships none).
#ifndef TECHMATCH_TESTS_COMMON_STATUS_MATCHERS_H_
#define TECHMATCH_TESTS_COMMON_STATUS_MATCHERS_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"

namespace techmatch::testing {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// EXPECT_THAT(result, StatusIs(absl::StatusCode::kNotFound));
// EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("title")));
MATCHER_P(StatusIs, code, "has status code " + ::testing::PrintToString(code)) {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code;
}

MATCHER_P2(StatusIs, code, message_matcher,
           "has status code " + ::testing::PrintToString(code) + " and a matching message") {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code &&
         ::testing::Matches(message_matcher)(std::string(status.message()));
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.ok();
}

}  // namespace techmatch::testing

// Asserts `expr` (a StatusOr) is OK and moves its value into `lhs`.
#define TM_ASSERT_OK_AND_ASSIGN(lhs, expr)                            \
  auto TM_TEST_CONCAT_(tm_test_sor_, __LINE__) = (expr);              \
  ASSERT_TRUE(TM_TEST_CONCAT_(tm_test_sor_, __LINE__).ok())           \
      << TM_TEST_CONCAT_(tm_test_sor_, __LINE__).status().ToString(); \
  lhs = std::move(TM_TEST_CONCAT_(tm_test_sor_, __LINE__)).value()
#define TM_TEST_CONCAT_INNER_(a, b) a##b
#define TM_TEST_CONCAT_(a, b) TM_TEST_CONCAT_INNER_(a, b)

#endif  // TECHMATCH_TESTS_COMMON_STATUS_MATCHERS_H_
