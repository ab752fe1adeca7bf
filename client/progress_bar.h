// A one-line progress bar on stderr for long imports; silent when stderr is not a terminal,
// so logs and pipes stay clean.
#ifndef TECHMATCH_CLIENT_PROGRESS_BAR_H_
#define TECHMATCH_CLIENT_PROGRESS_BAR_H_

#include <cstdint>
#include <ostream>
#include <string>

namespace techmatch::client {

class ProgressBar {
 public:
  // Enabled only when `enabled` (normally: isatty(stderr)) and there is something to count.
  ProgressBar(std::ostream& out, int64_t total, std::string label, bool enabled);
  ~ProgressBar() { Finish(); }

  // Redraws when the shown percentage changes, so a large import does not flood the terminal.
  void Update(int64_t done);
  // Erases the bar (idempotent).
  void Finish();

  // "[#####.....]  50%  5/10 rows": exposed for tests.
  static std::string Render(int64_t done, int64_t total, const std::string& label);

 private:
  std::ostream& out_;
  int64_t total_;
  std::string label_;
  bool enabled_;
  int last_percent_ = -1;
};

// Whether stderr is a terminal.
bool StderrIsTerminal();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PROGRESS_BAR_H_
