// `techmatch key create|list|revoke` (KeyService, ADMIN only): API keys for scripts.
#include <memory>
#include <string>

#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"
#include "client/people_commands.h"
#include "client/people_views.h"
#include "client/resource_name.h"

namespace techmatch::client {

void AddKeyCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("key", "API keys for scripts (ADMIN)");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand(
        "create", "Create a key; prints its token once (only its hash is stored)");
    struct Flags {
      std::string role, organization, region_code, display_name, expire_time, request_id;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("--role", flags->role, "ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE, OFFICIAL")
        ->required();
    command->add_option("--organization", flags->organization,
                        "Organization (required for INSTITUTE and ENTERPRISE)");
    command->add_option("--region-code", flags->region_code, "GB/T 2260 region scope");
    command->add_option("--display-name", flags->display_name, "What the key is for");
    command->add_option("--expire-time", flags->expire_time,
                        "When it stops working, RFC 3339 (e.g. 2027-01-01T00:00:00Z)");
    command->add_option("--request-id", flags->request_id, "Idempotency key");
    OnRun(command, env, [&env, flags] {
      absl::StatusOr<techmatch::v1::Role> role = ParseRole(flags->role);
      if (!role.ok()) return env.FailLocal(role.status());
      techmatch::v1::CreateApiKeyRequest request;
      techmatch::v1::ApiKey* key = request.mutable_api_key();
      key->set_role(*role);
      if (!flags->organization.empty()) {
        key->set_organization(QualifyName("organizations", flags->organization));
      }
      key->set_region_code(flags->region_code);
      key->set_display_name(flags->display_name);
      if (!flags->expire_time.empty()) {
        absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(flags->expire_time);
        if (!time.ok()) return env.FailLocal(time.status());
        *key->mutable_expire_time() = *time;
      }
      request.set_request_id(flags->request_id);
      techmatch::v1::CreateApiKeyResponse response;
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      if (grpc::Status status =
              env.session().keys().CreateApiKey(context.get(), request, &response);
          !status.ok()) {
        return env.Fail(status);
      }
      if (env.output().format() == OutputFormat::kJson) {
        env.output().stream() << ToJson(response) << '\n';
      } else {
        // The token alone on stdout, for `TOKEN=$(techmatch key create ...)`.
        env.output().stream() << response.token() << '\n';
        env.err() << "created " << response.api_key().name() << "; the token above is shown "
                  << "only now\n";
      }
      return kExitOk;
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List keys, revoked ones included");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(), "Filter on role, organization, e.g. 'role = OFFICIAL'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListApiKeysResponse>(
          env, *flags, techmatch::v1::ListApiKeysRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().keys().ListApiKeys(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.api_keys(); }, ApiKeyView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("revoke", "Revoke a key for good");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The key (apiKeys/{id})");
    OnRun(command, env, [&env, name] {
      techmatch::v1::RevokeApiKeyRequest request;
      request.set_name(QualifyName("apiKeys", *name));
      return CallAndPrint<techmatch::v1::ApiKey>(
          env,
          [&](grpc::ClientContext* context, techmatch::v1::ApiKey* response) {
            return env.session().keys().RevokeApiKey(context, request, response);
          },
          ApiKeyView());
    });
  }
}

}  // namespace techmatch::client
