#include "core/text/chinese_script.h"

#include <opencc/opencc.h>

#include <cstdint>

namespace techmatch {
namespace {

// opencc_open() reports failure as (opencc_t)-1.
const opencc_t kNoOpenCC = reinterpret_cast<opencc_t>(static_cast<intptr_t>(-1));

// OpenCC handles are not safe to share between threads: one pair per thread, opened on first
// use (narratives are rare; the dictionaries load once per thread).
struct Converters {
  opencc_t t2s = opencc_open("t2s.json");
  opencc_t s2t = opencc_open("s2t.json");
  ~Converters() {
    if (t2s != kNoOpenCC) opencc_close(t2s);
    if (s2t != kNoOpenCC) opencc_close(s2t);
  }
};

Converters& ThreadConverters() {
  thread_local Converters converters;
  return converters;
}

std::string Convert(opencc_t converter, absl::string_view text) {
  if (converter == kNoOpenCC || text.empty()) return std::string(text);
  char* converted = opencc_convert_utf8(converter, text.data(), text.size());
  if (converted == nullptr) return std::string(text);
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

}  // namespace

std::string ToSimplifiedScript(absl::string_view text) {
  return Convert(ThreadConverters().t2s, text);
}

std::string ToTraditionalScript(absl::string_view text) {
  return Convert(ThreadConverters().s2t, text);
}

}  // namespace techmatch
