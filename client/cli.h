// The `techmatch` command line as a function, so tests can run it without a process.
#ifndef TECHMATCH_CLIENT_CLI_H_
#define TECHMATCH_CLIENT_CLI_H_

#include <ostream>

namespace techmatch::client {

// Parses `argv`, runs the chosen command, returns the process exit code.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_CLI_H_
