#include "client/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace techmatch::client {
namespace {
constexpr int kBarWidth = 30;
}  // namespace

ProgressBar::ProgressBar(std::ostream& out, int64_t total, std::string label, bool enabled)
    : out_(out), total_(total), label_(std::move(label)), enabled_(enabled && total > 0) {}

std::string ProgressBar::Render(int64_t done, int64_t total, const std::string& label) {
  done = std::clamp<int64_t>(done, 0, total);
  const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
  const int filled = total == 0 ? kBarWidth : static_cast<int>(done * kBarWidth / total);
  return absl::StrCat("[", std::string(filled, '#'), std::string(kBarWidth - filled, '.'), "] ",
                      percent, "%  ", done, "/", total, " ", label);
}

void ProgressBar::Update(int64_t done) {
  if (!enabled_) return;
  const int percent = static_cast<int>(std::clamp<int64_t>(done, 0, total_) * 100 / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  out_ << '\r' << Render(done, total_, label_) << std::flush;
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  enabled_ = false;
  out_ << "\r\033[K" << std::flush;  // Carriage return, then erase to the end of the line.
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace techmatch::client
