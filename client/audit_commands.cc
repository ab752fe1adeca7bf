// `techmatch audit list` (AuditService): the audit trail, for ADMIN and OFFICIAL keys.
#include <memory>
#include <string>

#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"

namespace techmatch::client {
namespace {

using techmatch::v1::AuditEvent;

const View<AuditEvent>& AuditEventView() {
  static const auto* view =
      new View<AuditEvent>{[](const AuditEvent& event, const ValueFormat&) {
                             return Record{{"name", event.name()},
                                           {"event_time", FormatTime(event.event_time())},
                                           {"principal", event.principal()},
                                           {"role", event.role()},
                                           {"method", event.method()},
                                           {"resource", event.resource()},
                                           {"request_id", event.request_id()},
                                           {"outcome", event.outcome()},
                                           {"hash", event.hash()}};
                           },
                           {{"name"},
                            {"event_time"},
                            {"principal"},
                            {"role"},
                            {"method", Align::kLeft, 48},
                            {"resource", Align::kLeft, 32},
                            {"outcome"}}};
  return *view;
}

}  // namespace

void AddAuditCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("audit", "The audit trail of every mutating call");
  group->require_subcommand(1);
  CLI::App* command = group->add_subcommand("list", "List audit events, oldest first");
  auto flags = std::make_shared<ListFlags>();
  AddListFlags(command, flags.get(),
               "e.g. 'outcome = PERMISSION_DENIED AND event_time >= \"2026-11-28T00:00:00Z\"' "
               "(fields: principal, role, method, resource, outcome, event_time)");
  OnRun(command, env, [&env, flags] {
    return RunList<techmatch::v1::ListAuditEventsResponse>(
        env, *flags, techmatch::v1::ListAuditEventsRequest(),
        [&env](grpc::ClientContext* context, const auto& request, auto* response) {
          return env.session().audit().ListAuditEvents(context, request, response);
        },
        [](const auto& response) -> const auto& { return response.audit_events(); },
        AuditEventView());
  });
}

}  // namespace techmatch::client
