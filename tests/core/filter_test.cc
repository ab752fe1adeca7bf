#include "core/common/filter.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// The filter fields of needs, plus an integer and a free string field.
const std::vector<FilterField>& NeedFilterFields() {
  static const std::vector<FilterField> fields = {
      {"enterprise", FilterFieldType::kResource, "organizations", {}},
      {"industry", FilterFieldType::kResource, "industries", {}},
      {"state", FilterFieldType::kEnum, "", {"OPEN", "WITHDRAWN", "CLOSED"}},
      {"create_time", FilterFieldType::kTime, "", {}},
      {"trl", FilterFieldType::kInteger, "", {}},
      {"title", FilterFieldType::kString, "", {}},
  };
  return fields;
}

absl::StatusOr<std::vector<FilterTerm>> Parse(absl::string_view text) {
  return ParseFilter(text, NeedFilterFields());
}

// Expects `text` to be refused with one violation on "filter" whose description has `why`.
void ExpectRejected(absl::string_view text, absl::string_view why) {
  absl::StatusOr<std::vector<FilterTerm>> terms = Parse(text);
  EXPECT_THAT(terms, StatusIs(absl::StatusCode::kInvalidArgument)) << text;
  const std::vector<FieldViolation> violations = FieldViolationsOf(terms.status());
  ASSERT_THAT(violations, SizeIs(1)) << text;
  EXPECT_EQ(violations[0].field, "filter") << text;
  EXPECT_THAT(violations[0].description, HasSubstr(std::string(why))) << text;
}

TEST(FilterTest, EmptyIsNoFilter) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> terms, Parse(""));
  EXPECT_THAT(terms, IsEmpty());
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> blank, Parse("  \t "));
  EXPECT_THAT(blank, IsEmpty());
}

TEST(FilterTest, ParsesEveryOperator) {
  const std::vector<std::pair<std::string, FilterOp>> cases = {
      {"=", FilterOp::kEq},  {"!=", FilterOp::kNe}, {"<", FilterOp::kLt},
      {"<=", FilterOp::kLe}, {">", FilterOp::kGt},  {">=", FilterOp::kGe},
  };
  for (const auto& [text, op] : cases) {
    TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> spaced, Parse("trl " + text + " 5"));
    ASSERT_THAT(spaced, SizeIs(1)) << text;
    EXPECT_EQ(spaced[0].field, "trl");
    EXPECT_EQ(spaced[0].op, op) << text;
    EXPECT_EQ(std::get<int64_t>(spaced[0].value), 5);
    TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> tight, Parse("trl" + text + "5"));
    ASSERT_THAT(tight, SizeIs(1)) << text;
    EXPECT_EQ(tight[0].op, op) << text;
  }
}

TEST(FilterTest, ParsesAndChains) {
  TM_ASSERT_OK_AND_ASSIGN(
      std::vector<FilterTerm> terms,
      Parse("enterprise = organizations/lzlj AND industry = \"industries/liquor\" AND "
            "state != WITHDRAWN AND trl >= 4"));
  ASSERT_THAT(terms, SizeIs(4));
  EXPECT_EQ(terms[0].field, "enterprise");
  EXPECT_EQ(std::get<std::string>(terms[0].value), "lzlj");
  EXPECT_EQ(terms[1].field, "industry");
  EXPECT_EQ(std::get<std::string>(terms[1].value), "liquor");
  EXPECT_EQ(terms[2].field, "state");
  EXPECT_EQ(terms[2].op, FilterOp::kNe);
  EXPECT_EQ(std::get<std::string>(terms[2].value), "WITHDRAWN");
  EXPECT_EQ(terms[3].op, FilterOp::kGe);
  EXPECT_EQ(std::get<int64_t>(terms[3].value), 4);
}

TEST(FilterTest, ResourceFieldsTakeNamesOrBareIds) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> named, Parse("enterprise = organizations/a-1"));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> bare, Parse("enterprise = a-1"));
  EXPECT_EQ(std::get<std::string>(named[0].value), "a-1");
  EXPECT_EQ(std::get<std::string>(bare[0].value), "a-1");
  ExpectRejected("enterprise = needs/a-1", "takes 'organizations/{id}'");
  ExpectRejected("industry = \"Liquor\"", "takes 'industries/{id}'");
}

TEST(FilterTest, QuotedStringsWithEscapes) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> terms,
                          Parse(R"(title = "say \"白酒\" \\ and AND = <")"));
  ASSERT_THAT(terms, SizeIs(1));
  EXPECT_EQ(std::get<std::string>(terms[0].value), R"(say "白酒" \ and AND = <)");
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> empty, Parse(R"(title = "")"));
  EXPECT_EQ(std::get<std::string>(empty[0].value), "");
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> bare, Parse("title = 纤维素乙醇"));
  EXPECT_EQ(std::get<std::string>(bare[0].value), "纤维素乙醇");
}

TEST(FilterTest, ParsesRfc3339Times) {
  const absl::Time expected =
      absl::FromCivil(absl::CivilSecond(2026, 11, 1, 1, 0, 0), absl::UTCTimeZone());
  for (const char* text :
       {"create_time >= 2026-11-01T09:00:00+08:00", "create_time >= 2026-11-01T01:00:00Z",
        "create_time >= \"2026-11-01T01:00:00.000Z\"", "create_time>=2026-10-31T20:00:00-05:00"}) {
    TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> terms, Parse(text));
    ASSERT_THAT(terms, SizeIs(1)) << text;
    EXPECT_EQ(terms[0].op, FilterOp::kGe);
    EXPECT_EQ(std::get<absl::Time>(terms[0].value), expected) << text;
  }
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> fractional,
                          Parse("create_time < 2026-11-01T01:00:00.25Z"));
  EXPECT_EQ(std::get<absl::Time>(fractional[0].value), expected + absl::Milliseconds(250));
}

TEST(FilterTest, RejectsTimesThatAreNotRfc3339) {
  for (const char* text : {"create_time > 2026-11-01", "create_time > 2026-11-01T09:00:00",
                           "create_time > yesterday", "create_time > 1700000000"}) {
    ExpectRejected(text, "RFC 3339");
  }
}

TEST(FilterTest, RejectsUnknownFieldsListingTheAllowedOnes) {
  ExpectRejected("colour = red", "unknown field 'colour' at column 1");
  ExpectRejected("colour = red", "allowed fields: enterprise, industry, state, create_time");
  ExpectRejected("trl = 3 AND budget > 5", "unknown field 'budget' at column 13");
  absl::StatusOr<std::vector<FilterTerm>> none = ParseFilter("kind = X", {});
  EXPECT_THAT(none, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no filter fields")));
}

TEST(FilterTest, RejectsBadOperators) {
  ExpectRejected("trl ~ 3", "unexpected character '~' at column 5");
  ExpectRejected("trl ! 3", "expected '!=' at column 5");
  ExpectRejected("trl 3", "expected an operator");
  ExpectRejected("trl == 3", "expected an operator (=, !=, <, <=, >, >=) after 'trl' at column 5");
  ExpectRejected("trl => 3", "expected a value after 'trl =' at column 6");
  ExpectRejected("trl (3)", "unexpected character '('");
}

TEST(FilterTest, RejectsMissingValues) {
  ExpectRejected("trl >", "expected a value after 'trl >' at column 6");
  ExpectRejected("trl", "expected an operator");
  ExpectRejected("= 3", "expected a field name at column 1");
  ExpectRejected("title = \"unterminated", "unterminated string at column 9");
}

TEST(FilterTest, RejectsBadConjunctions) {
  ExpectRejected("trl = 3 AND", "expected a comparison after AND");
  ExpectRejected("trl = 3 AND  ", "expected a comparison after AND");
  ExpectRejected("trl = 3 OR trl = 4", "expected AND or the end at column 9, got 'OR'");
  ExpectRejected("trl = 3 and trl = 4", "got 'and'");
  ExpectRejected("trl = 3 trl = 4", "expected AND");
  ExpectRejected("AND trl = 3", "unknown field 'AND'");
}

TEST(FilterTest, EnumFieldsTakeOnlyTheirValues) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> terms, Parse("state = OPEN"));
  EXPECT_EQ(std::get<std::string>(terms[0].value), "OPEN");
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> quoted, Parse("state = \"CLOSED\""));
  EXPECT_EQ(std::get<std::string>(quoted[0].value), "CLOSED");
  ExpectRejected("state = OPENED", "takes one of OPEN, WITHDRAWN, CLOSED, got 'OPENED'");
  ExpectRejected("state = open", "got 'open'");
}

TEST(FilterTest, OrderingOnlyOnNumbersAndTimes) {
  ExpectRejected("title < \"b\"", "field 'title' supports only = and !=, not <");
  ExpectRejected("state >= OPEN", "supports only = and !=, not >=");
  ExpectRejected("enterprise > a", "supports only = and !=");
}

TEST(FilterTest, IntegersMustBeIntegers) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> negative, Parse("trl > -1"));
  EXPECT_EQ(std::get<int64_t>(negative[0].value), -1);
  ExpectRejected("trl = four", "takes an integer, got 'four'");
  ExpectRejected("trl = 4.5", "takes an integer");
  ExpectRejected("trl = 99999999999999999999", "takes an integer");
}

TEST(FilterTest, CanonicalFormIgnoresSpelling) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> a,
                          Parse("enterprise = organizations/lzlj AND "
                                "create_time >= 2026-11-01T09:00:00+08:00"));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> b,
                          Parse("enterprise=\"lzlj\"   AND create_time>=2026-11-01T01:00:00Z"));
  EXPECT_EQ(CanonicalFilter(a), CanonicalFilter(b));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> c, Parse("enterprise = other"));
  EXPECT_NE(CanonicalFilter(a), CanonicalFilter(c));
  EXPECT_EQ(CanonicalFilter({}), "");
  // Strings are quoted and escaped: a value cannot pose as another term.
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> tricky, Parse(R"(title = "x\" AND trl=1")"));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<FilterTerm> two, Parse(R"(title = "x" AND trl = 1)"));
  EXPECT_NE(CanonicalFilter(tricky), CanonicalFilter(two));
}

TEST(FilterTest, TermCountAndValueLengthAreBounded) {
  std::string twenty = "title = \"t0\"";
  for (int i = 1; i < 20; ++i) twenty += " AND title = \"t" + std::to_string(i) + "\"";
  absl::StatusOr<std::vector<FilterTerm>> accepted = Parse(twenty);
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_THAT(*accepted, SizeIs(20));
  std::string thousand = twenty;
  for (int i = 20; i < 1000; ++i) thousand += " AND title = \"t" + std::to_string(i) + "\"";
  ExpectRejected(thousand, "at most 20 comparisons");
  ExpectRejected(twenty + " AND trl > 3", "at most 20 comparisons");
  ExpectRejected("title = \"" + std::string(501, 'x') + "\"", "has 501 bytes; at most 500");
  EXPECT_TRUE(Parse("title = \"" + std::string(500, 'x') + "\"").ok());
}

TEST(FilterTest, EchoedTextIsBounded) {
  const std::string field(100000, 'f');
  absl::StatusOr<std::vector<FilterTerm>> terms = Parse(field + " = 1");
  ASSERT_THAT(terms, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_LT(terms.status().message().size(), 1000u);
  EXPECT_THAT(terms.status().message(), HasSubstr("truncated, 100000 bytes"));
}

}  // namespace
}  // namespace techmatch
