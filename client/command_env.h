// What every command shares: the global options, the connection, the output and the exit code.
#ifndef TECHMATCH_CLIENT_COMMAND_ENV_H_
#define TECHMATCH_CLIENT_COMMAND_ENV_H_

#include <iostream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "client/channel_credentials.h"
#include "client/output.h"
#include "client/session.h"
#include "grpcpp/support/status.h"

namespace techmatch::client {

// Exit codes: scripts tell "the server said no" from "the command line was wrong".
inline constexpr int kExitOk = 0;
inline constexpr int kExitRpcFailed = 1;  // An RPC failed, or an import rejected rows.
inline constexpr int kExitBadInput = 2;   // Bad flags or an unusable input file.

struct GlobalOptions {
  std::string server = "127.0.0.1:50051";
  double timeout_seconds = 10;
  std::string token;  // API key token (--token or TECHMATCH_TOKEN)
  bool json = false;
  bool csv = false;
  std::string unit = "yuan";
  std::string currency = "CNY";
  TlsFiles tls;  // --tls_ca, --tls_cert, --tls_key
};

class CommandEnv {
 public:
  CommandEnv(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  // Bound to the command-line flags; read only once parsing is complete.
  GlobalOptions& options() { return options_; }

  // Created from the options on first use.
  Session& session();
  Output& output();
  std::ostream& err() { return err_; }

  // Prints a failed RPC (code, message, field violations); returns kExitRpcFailed.
  int Fail(const grpc::Status& status);
  // Prints a local problem (bad flag value, unreadable file); returns kExitBadInput.
  int FailLocal(const absl::Status& status);

  void set_exit_code(int code) { exit_code_ = code; }
  int exit_code() const { return exit_code_; }

 private:
  GlobalOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<Output> output_;
  int exit_code_ = kExitOk;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_COMMAND_ENV_H_
