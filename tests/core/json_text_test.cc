#include "core/json/json_text.h"

#include <string>

#include "gtest/gtest.h"

namespace techmatch {
namespace {

TEST(JsonTextTest, QuotesAndEscapesWhatJsonRequires) {
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
  EXPECT_EQ(JsonString("a\nb\rc\td"), "\"a\\nb\\rc\\td\"");
  EXPECT_EQ(JsonString(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(JsonString(std::string(1, '\0')), "\"\\u0000\"");
}

TEST(JsonTextTest, Utf8AndSlashesPassThrough) {
  EXPECT_EQ(JsonString("花椒烘干 / 螢幕"), "\"花椒烘干 / 螢幕\"");
  EXPECT_EQ(JsonString("\x7f"), "\"\x7f\"");
}

TEST(JsonTextTest, AppendsAfterWhatIsThere) {
  std::string out = "{\"k\":";
  AppendJsonString("v", out);
  EXPECT_EQ(out, "{\"k\":\"v\"");
}

}  // namespace
}  // namespace techmatch
