// Use cases over a real SQLite repository on a temporary file (tests/storage/test_db.h) and a
// real matching engine, with callers of every role.
#ifndef TECHMATCH_TESTS_USECASES_USECASE_FIXTURE_H_
#define TECHMATCH_TESTS_USECASES_USECASE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/matching/matching_engine.h"
#include "core/text/text_analyzer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"
#include "usecases/call_state.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases::testing {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;

inline Principal Caller(Role role, const std::string& organization_id = "") {
  Principal principal;
  principal.key_id = "key-" + std::string(RoleName(role));
  principal.role = role;
  principal.organization_id = organization_id;
  return principal;
}

// The fields of the violations `status` carries.
template <typename T>
std::vector<std::string> ViolatedFields(const T& status_or) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(::techmatch::testing::GetStatus(status_or))) {
    fields.push_back(v.field);
  }
  return fields;
}

// A caller that waits, or has gone away after `wanted` checks.
class TestCallState final : public CallState {
 public:
  explicit TestCallState(int wanted = -1) : wanted_(wanted) {}
  absl::Status StillWanted() const override {
    if (wanted_ < 0 || checks_++ < wanted_) return absl::OkStatus();
    return absl::CancelledError("the client cancelled the call");
  }

 private:
  const int wanted_;
  mutable int checks_ = 0;
};

// Organizations `acme` (enterprise) and `scu` (university), an event `fair` whose registration
// is open and one `closed` whose registration has closed.
class UseCaseTest : public storage::testing::RepositoryTest {
 protected:
  // The analyser loads its dictionaries once per process; every suite shares it.
  static void SetUpTestSuite() {
    if (analyzer_ != nullptr) return;
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = new std::shared_ptr<const TextAnalyzer>(*std::move(analyzer));
  }

  void SetUp() override {
    storage::testing::RepositoryTest::SetUp();
    engine_ = std::make_unique<MatchingEngine>(*analyzer_);
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
    MustCreate(Fair("fair"));
    Event closed = Fair("closed");
    closed.start_time = absl::Now() + absl::Hours(24);
    closed.end_time = closed.start_time + absl::Hours(48);
    closed.registration_close_time = absl::Now() - absl::Hours(1);
    MustCreate(closed);
  }

  MatchingEngine& engine() { return *engine_; }

  const Principal admin_ = Caller(Role::kAdmin);
  const Principal organizer_ = Caller(Role::kOrganizer);
  const Principal acme_ = Caller(Role::kEnterprise, "acme");
  const Principal scu_ = Caller(Role::kInstitute, "scu");
  const Principal official_ = Caller(Role::kOfficial);
  const PageTokenCodec tokens_{std::string(32, 'k')};

 private:
  static std::shared_ptr<const TextAnalyzer>* analyzer_;
  std::unique_ptr<MatchingEngine> engine_;
};

inline std::shared_ptr<const TextAnalyzer>* UseCaseTest::analyzer_ = nullptr;

}  // namespace techmatch::usecases::testing

#endif  // TECHMATCH_TESTS_USECASES_USECASE_FIXTURE_H_
