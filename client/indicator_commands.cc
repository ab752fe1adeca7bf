// `techmatch indicator list|create|record|observations` (IndicatorService): the programme
// ledger's indicators and the figures regions report for them.
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/ledger_figures.h"
#include "client/ledger_import_runner.h"
#include "client/list_runner.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Indicator;
using techmatch::v1::Observation;

template <typename Item>
void AppendMeta(const Item& item, Record& record) {
  record.emplace_back("create_time", FormatTime(item.create_time()));
  record.emplace_back("update_time", FormatTime(item.update_time()));
  record.emplace_back("etag", item.etag());
}

const View<Indicator>& IndicatorView() {
  static const auto* view = new View<Indicator>{
      [](const Indicator& indicator, const ValueFormat&) {
        Record record = {{"name", indicator.name()},
                         {"display_name_zh", indicator.display_name_zh()},
                         {"display_name_en", indicator.display_name_en()},
                         {"unit", techmatch::v1::IndicatorUnit_Name(indicator.unit())},
                         {"source", Indicator::Source_Name(indicator.source())},
                         {"source_description", indicator.source_description()}};
        AppendMeta(indicator, record);
        return record;
      },
      {{"name"}, {"display_name_zh"}, {"display_name_en"}, {"unit"}, {"source"}}};
  return *view;
}

const View<Observation>& ObservationView() {
  static const auto* view = new View<Observation>{
      [](const Observation& o, const ValueFormat& format) {
        Record record = {{"name", o.name()},
                         {"indicator", o.indicator()},
                         {"region_code", o.region_code()},
                         {"year", o.year() == 0 ? "" : absl::StrCat(o.year())},
                         {"half", o.has_half() ? absl::StrCat(o.half()) : ""},
                         {"value", FigureText(o, format)},
                         {"note", o.note()}};
        AppendMeta(o, record);
        return record;
      },
      {{"indicator"},
       {"region_code"},
       {"year"},
       {"half"},
       {"value", Align::kRight},
       {"note", Align::kLeft, 30}}};
  return *view;
}

void AddRecord(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "record", "Record a region's figure for an indicator and a year (or half-year)");
  struct Flags {
    FigureKeyFlags key;
    std::optional<int> half;
    std::string note;
    std::string etag;
    std::string request_id;
  };
  auto flags = std::make_shared<Flags>();
  AddFigureKeyFlags(command, &flags->key);
  command->add_option("--half", flags->half, "1 (January–June) or 2; omit for the whole year");
  command->add_option("--note", flags->note, "Where the figure comes from");
  command->add_option("--etag", flags->etag,
                      "Replace the recorded figure of this key, read with this etag");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry records nothing");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::RecordObservationRequest request;
    Observation* o = request.mutable_observation();
    if (absl::Status s = FillFigureKey(flags->key, env.options().currency, *o); !s.ok()) {
      return env.FailLocal(s);
    }
    if (flags->half) o->set_half(*flags->half);
    o->set_note(flags->note);
    o->set_etag(flags->etag);
    request.set_request_id(flags->request_id);
    return CallAndPrint<Observation>(
        env,
        [&](grpc::ClientContext* context, Observation* response) {
          return env.session().indicators().RecordObservation(context, request, response);
        },
        ObservationView());
  });
}

}  // namespace

void AddIndicatorCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group =
      app.add_subcommand("indicator", "Programme indicators (指标) and regions' figures for them");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand("list", "List indicators in code order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(), "Not supported for indicators; leave empty");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListIndicatorsResponse>(
          env, *flags, techmatch::v1::ListIndicatorsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().indicators().ListIndicators(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.indicators(); },
          IndicatorView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("create", "Create an indicator (administrators)");
    struct Flags {
      std::string code;
      std::string zh;
      std::string en;
      std::string unit;
      std::string request_id;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("code", flags->code, "The code, [a-z][a-z0-9_]{0,39}, e.g. tech_markets")
        ->required();
    command->add_option("--zh,--display-name-zh", flags->zh, "Chinese name, e.g. 技术市场");
    command->add_option("--en,--display-name-en", flags->en, "English name");
    command->add_option("--unit", flags->unit, "COUNT, MONEY or PERCENT")->required();
    command->add_option("--request-id", flags->request_id,
                        "Idempotency key: a retry creates nothing");
    OnRun(command, env, [&env, flags] {
      techmatch::v1::CreateIndicatorRequest request;
      techmatch::v1::IndicatorUnit unit;
      if (!techmatch::v1::IndicatorUnit_Parse(flags->unit, &unit)) {
        return env.FailLocal(absl::InvalidArgumentError(
            absl::StrCat("--unit must be COUNT, MONEY or PERCENT, got '", flags->unit, "'")));
      }
      request.set_indicator_id(flags->code);
      request.mutable_indicator()->set_display_name_zh(flags->zh);
      request.mutable_indicator()->set_display_name_en(flags->en);
      request.mutable_indicator()->set_unit(unit);
      request.set_request_id(flags->request_id);
      return CallAndPrint<Indicator>(
          env,
          [&](grpc::ClientContext* context, Indicator* response) {
            return env.session().indicators().CreateIndicator(context, request, response);
          },
          IndicatorView());
    });
  }
  AddRecord(group, env);
  AddLedgerImportCommand(
      group, env, "import-observations",
      "Record observations from CSV: indicator,region_code,year,half,count,money,percent_bp,note",
      RunObservationImport);
  {
    CLI::App* command =
        group->add_subcommand("observations", "List recorded figures in name order");
    auto flags = std::make_shared<LedgerListFlags>();
    AddLedgerListFlags(command, flags.get());
    OnRun(command, env, [&env, flags] {
      return RunLedgerList<techmatch::v1::ListObservationsResponse>(
          env, *flags, techmatch::v1::ListObservationsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().indicators().ListObservations(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.observations(); },
          ObservationView());
    });
  }
}

}  // namespace techmatch::client
