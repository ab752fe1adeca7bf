// `techmatch target create|get|list|update` (TargetService): targets issued to regions, with
// their actual figures, completion and assessment.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/commands.h"
#include "client/ledger_figures.h"
#include "client/ledger_import_runner.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Target;

// "H1 2500 (25.00%) NOT_MET; year … PENDING": each check in one cell.
std::string ChecksText(const Target& target, const ValueFormat& format) {
  std::vector<std::string> parts;
  for (const techmatch::v1::TargetCheck& check : target.checks()) {
    parts.push_back(absl::StrCat(check.has_half() ? "H1" : "year", " ",
                                 check.has_actual() ? FigureText(check.actual(), format) : "-",
                                 " (", BasisPointsText(check.completion()), ") ",
                                 techmatch::v1::Assessment_Name(check.assessment())));
  }
  return absl::StrJoin(parts, "; ");
}

const View<Target>& TargetView() {
  static const auto* view = new View<Target>{
      [](const Target& t, const ValueFormat& format) {
        Record record = {{"name", t.name()},
                         {"indicator", t.indicator()},
                         {"region_code", t.region_code()},
                         {"year", t.year() == 0 ? "" : absl::StrCat(t.year())},
                         {"target", FigureText(t, format)},
                         {"actual", t.has_actual() ? FigureText(t.actual(), format) : ""},
                         {"completion", BasisPointsText(t.completion())},
                         {"assessment", techmatch::v1::Assessment_Name(t.assessment())},
                         {"checks", ChecksText(t, format)},
                         {"create_time", FormatTime(t.create_time())},
                         {"update_time", FormatTime(t.update_time())},
                         {"etag", t.etag()}};
        return record;
      },
      {{"indicator"},
       {"region_code"},
       {"year"},
       {"target", Align::kRight},
       {"actual", Align::kRight},
       {"completion", Align::kRight},
       {"assessment"}}};
  return *view;
}

}  // namespace

void AddTargetCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "target", "Targets (目标任务) issued to regions, with actual, completion and assessment");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand("create", "Issue a target to a region for a year");
    struct Flags {
      FigureKeyFlags key;
      std::string request_id;
    };
    auto flags = std::make_shared<Flags>();
    AddFigureKeyFlags(command, &flags->key);
    command->add_option("--request-id", flags->request_id,
                        "Idempotency key: a retry creates nothing");
    OnRun(command, env, [&env, flags] {
      techmatch::v1::CreateTargetRequest request;
      Target* t = request.mutable_target();
      if (absl::Status s = FillFigureKey(flags->key, env.options().currency, *t); !s.ok()) {
        return env.FailLocal(s);
      }
      request.set_request_id(flags->request_id);
      return CallAndPrint<Target>(
          env,
          [&](grpc::ClientContext* context, Target* response) {
            return env.session().targets().CreateTarget(context, request, response);
          },
          TargetView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one target with its checks");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The target, e.g. spark-trainees-510500-2025");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetTargetRequest request;
      request.set_name(QualifyName("targets", *name));
      return CallAndPrint<Target>(
          env,
          [&](grpc::ClientContext* context, Target* response) {
            return env.session().targets().GetTarget(context, request, response);
          },
          TargetView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List targets in name order");
    auto flags = std::make_shared<LedgerListFlags>();
    AddLedgerListFlags(command, flags.get());
    OnRun(command, env, [&env, flags] {
      return RunLedgerList<techmatch::v1::ListTargetsResponse>(
          env, *flags, techmatch::v1::ListTargetsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().targets().ListTargets(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.targets(); }, TargetView());
    });
  }
  AddLedgerImportCommand(
      group, env, "import",
      "Issue targets from CSV: indicator,region_code,year,count,money,percent_bp", RunTargetImport);
  {
    CLI::App* command = group->add_subcommand("update", "Change a target's value");
    struct Flags {
      std::string name;
      FigureFlags figure;
      std::string etag;
    };
    auto flags = std::make_shared<Flags>();
    AddNameArgument(command, &flags->name, "The target");
    AddFigureFlags(command, &flags->figure);
    command->add_option("--etag", flags->etag, "Refuse the update if the target changed since");
    OnRun(command, env, [&env, flags] {
      techmatch::v1::UpdateTargetRequest request;
      Target* t = request.mutable_target();
      t->set_name(QualifyName("targets", flags->name));
      t->set_etag(flags->etag);
      if (absl::Status s = FillFigure(flags->figure, env.options().currency, *t); !s.ok()) {
        return env.FailLocal(s);
      }
      if (t->value_case() == Target::VALUE_NOT_SET) {
        return env.FailLocal(absl::InvalidArgumentError(
            "nothing to update: give one of --count, --money and --percent-bp"));
      }
      return CallAndPrint<Target>(
          env,
          [&](grpc::ClientContext* context, Target* response) {
            return env.session().targets().UpdateTarget(context, request, response);
          },
          TargetView());
    });
  }
}

}  // namespace techmatch::client
