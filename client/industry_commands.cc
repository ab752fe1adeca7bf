// `techmatch industry list|get|create` (IndustryService).
#include <memory>
#include <string>

#include "client/commands.h"
#include "client/list_runner.h"
#include "client/resource_name.h"
#include "client/resource_views.h"

namespace techmatch::client {

using techmatch::v1::Industry;

void AddIndustryCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("industry", "Industries (reference data)");
  group->require_subcommand(1);

  {
    CLI::App* command = group->add_subcommand("list", "List industries in code order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(), "Not supported for industries; leave empty");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListIndustriesResponse>(
          env, *flags, techmatch::v1::ListIndustriesRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().industries().ListIndustries(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.industries(); },
          IndustryView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one industry");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The industry, e.g. industries/liquor or liquor");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetIndustryRequest request;
      request.set_name(QualifyName("industries", *name));
      return CallAndPrint<Industry>(
          env,
          [&](grpc::ClientContext* context, Industry* response) {
            return env.session().industries().GetIndustry(context, request, response);
          },
          IndustryView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("create", "Create an industry");
    auto code = std::make_shared<std::string>();
    auto zh = std::make_shared<std::string>();
    auto en = std::make_shared<std::string>();
    auto request_id = std::make_shared<std::string>();
    command->add_option("code", *code, "The industry code, e.g. tea")->required();
    command->add_option("--zh,--display-name-zh", *zh, "Chinese name, e.g. 茶業");
    command->add_option("--en,--display-name-en", *en, "English name, e.g. Tea");
    command->add_option("--request-id", *request_id, "Idempotency key: a retry creates nothing");
    OnRun(command, env, [&env, code, zh, en, request_id] {
      techmatch::v1::CreateIndustryRequest request;
      request.set_industry_id(IdOf(*code));
      request.mutable_industry()->set_display_name_zh(*zh);
      request.mutable_industry()->set_display_name_en(*en);
      request.set_request_id(*request_id);
      return CallAndPrint<Industry>(
          env,
          [&](grpc::ClientContext* context, Industry* response) {
            return env.session().industries().CreateIndustry(context, request, response);
          },
          IndustryView());
    });
  }
}

}  // namespace techmatch::client
