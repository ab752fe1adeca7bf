#include "client/command_env.h"

#include <cstdlib>

#include "absl/time/time.h"
#include "client/session_file.h"
#include "client/status_report.h"
#include "core/money/money_text.h"

namespace techmatch::client {

Session& CommandEnv::session() {
  if (!session_) {
    absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
        ChannelCredentialsFor(options_.tls);
    if (!credentials.ok()) {
      // The flags were checked while parsing (files exist, cert and key together); only a
      // file that vanished or cannot be read gets here, before any call is made.
      FailLocal(credentials.status());
      std::exit(kExitBadInput);
    }
    // Without --token or TECHMATCH_TOKEN, the session `techmatch login` kept.
    std::string token = options_.token.empty() ? ReadSessionToken() : options_.token;
    session_ = std::make_unique<Session>(options_.server, absl::Seconds(options_.timeout_seconds),
                                         *std::move(credentials), std::move(token));
  }
  return *session_;
}

Output& CommandEnv::output() {
  if (!output_) {
    ValueFormat values;
    // --unit is checked against yuan|wan|yi while parsing, so this cannot fail.
    values.unit = ParseMoneyUnit(options_.unit).value_or(MoneyUnit::kOne);
    values.currency = options_.currency;
    const OutputFormat format = options_.json  ? OutputFormat::kJson
                                : options_.csv ? OutputFormat::kCsv
                                               : OutputFormat::kTable;
    output_ = std::make_unique<Output>(format, values, out_);
  }
  return *output_;
}

int CommandEnv::Fail(const grpc::Status& status) {
  err_ << DescribeStatus(status);
  return kExitRpcFailed;
}

int CommandEnv::FailLocal(const absl::Status& status) {
  err_ << "error: " << status.message() << '\n';
  return kExitBadInput;
}

}  // namespace techmatch::client
