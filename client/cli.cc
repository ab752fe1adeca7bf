#include "client/cli.h"

#include "CLI/CLI.hpp"
#include "absl/strings/ascii.h"
#include "client/command_env.h"
#include "client/commands.h"
#include "client/people_commands.h"

namespace techmatch::client {

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CommandEnv env(out, err);
  CLI::App app{
      "techmatch: the command-line client of techmatch-server "
      "(technology-transfer matchmaking fairs)",
      "techmatch"};
  app.require_subcommand(1);
  // Global options may also follow the subcommand: `techmatch need list --json`.
  app.fallthrough();
  GlobalOptions& options = env.options();
  app.add_option("--server", options.server, "Server address host:port")
      ->envname("TECHMATCH_SERVER")
      ->capture_default_str();
  app.add_option("--token", options.token,
                 "API key or session token (prefer the environment variable: a flag shows in "
                 "the process list); without one, the session `techmatch login` kept")
      ->envname("TECHMATCH_TOKEN")
      ->transform(CLI::Validator(
          [](std::string& token) -> std::string {
            // Surrounding blanks come from files and copy-paste; anything else that could not
            // travel in a header is refused here rather than by gRPC at call time.
            token = std::string(absl::StripAsciiWhitespace(token));
            for (char c : token) {
              if (c < 0x21 || c > 0x7E) {
                return "must be the one-line token `techmatch-server keys create` printed";
              }
            }
            return "";
          },
          "TOKEN"));
  app.add_option("--timeout", options.timeout_seconds, "Deadline of each call, in seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  auto* json = app.add_flag("--json", options.json, "Print the protobuf JSON mapping");
  app.add_flag("--csv", options.csv, "Print CSV")->excludes(json);
  app.add_option("--unit", options.unit, "Unit for printed amounts: yuan, wan (万) or yi (亿)")
      ->check(CLI::IsMember({"yuan", "wan", "yi"}))
      ->capture_default_str();
  app.add_option("--currency", options.currency,
                 "Currency of amounts given on the command line or in CSV (ISO 4217)")
      ->capture_default_str();

  app.add_option("--tls_ca", options.tls.ca_file,
                 "Connect with TLS, trusting this PEM CA for the server's certificate")
      ->envname("TECHMATCH_TLS_CA")
      ->check(CLI::ExistingFile);
  auto* tls_cert = app.add_option("--tls_cert", options.tls.cert_file,
                                  "PEM client certificate, for servers that require mutual TLS")
                       ->envname("TECHMATCH_TLS_CERT")
                       ->check(CLI::ExistingFile);
  auto* tls_key = app.add_option("--tls_key", options.tls.key_file, "PEM key of --tls_cert")
                      ->envname("TECHMATCH_TLS_KEY")
                      ->check(CLI::ExistingFile);
  tls_cert->needs(tls_key);
  tls_key->needs(tls_cert);

  AddIndustryCommands(app, env);
  AddOrganizationCommands(app, env);
  AddEventCommands(app, env);
  AddNeedCommands(app, env);
  AddOfferingCommands(app, env);
  AddMatchCommands(app, env);
  AddMeetingCommands(app, env);
  AddAgreementCommands(app, env);
  AddReportCommands(app, env);
  AddProjectCommands(app, env);
  AddCommissionerCommands(app, env);
  AddFinancingCommands(app, env);
  AddAuditCommands(app, env);
  AddIndicatorCommands(app, env);
  AddTargetCommands(app, env);
  AddThesaurusCommands(app, env);
  AddSessionCommands(app, env);
  AddUserCommands(app, env);
  AddKeyCommands(app, env);
  AddApplicationCommands(app, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  return env.exit_code();
}

}  // namespace techmatch::client
