// Every CSV writer of the CLI writes a cell a spreadsheet would run as a formula as text: lists
// (needs, audit events, ...) through Output, agendas, match lists, import reports. Each goes
// through CsvQuote (table_test.cc tests the rule itself).
#include <sstream>
#include <vector>

#include "client/import_report.h"
#include "client/match_format.h"
#include "client/meeting_agenda.h"
#include "client/output.h"
#include "client/table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/audit.pb.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kFormula[] = "=HYPERLINK(\"http://x\",\"y\")";
constexpr char kEscaped[] = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";

TEST(CsvWritersTest, ListsOfRecordsSuchAsAuditEvents) {
  v1::AuditEvent event;
  event.set_name("auditEvents/1");
  event.set_request_id(kFormula);
  event.set_resource("@SUM(A1)");
  const View<v1::AuditEvent> view{[](const v1::AuditEvent& e, const ValueFormat&) {
                                    return Record{{"name", e.name()},
                                                  {"resource", e.resource()},
                                                  {"request_id", e.request_id()}};
                                  },
                                  {}};
  v1::ListAuditEventsResponse response;
  *response.add_audit_events() = event;
  std::ostringstream out;
  Output output(OutputFormat::kCsv, ValueFormat(), out);
  output.PrintList(response, response.audit_events(), view);
  EXPECT_THAT(out.str(), HasSubstr(kEscaped));
  EXPECT_THAT(out.str(), HasSubstr("\"'@SUM(A1)\""));
  EXPECT_THAT(out.str(), Not(HasSubstr(",=HYPERLINK")));
}

TEST(CsvWritersTest, Agendas) {
  Agenda agenda;
  agenda.participant = "organizations/evil";
  agenda.display_name = "+cmd|' /C calc'!A0";
  AgendaRow row;
  row.counterpart = "-2+3";
  row.need_title = kFormula;
  row.offering_title = "\tplain";
  agenda.rows.push_back(row);
  std::ostringstream out;
  AgendasCsvTable({agenda}).RenderCsv(out);
  EXPECT_THAT(out.str(), HasSubstr("\"'+cmd|' /C calc'!A0\""));
  EXPECT_THAT(out.str(), HasSubstr("\"'-2+3\""));
  EXPECT_THAT(out.str(), HasSubstr(kEscaped));
  EXPECT_THAT(out.str(), HasSubstr("\"'\tplain\""));
}

TEST(CsvWritersTest, MatchListsAndWatchedMatches) {
  google::protobuf::RepeatedPtrField<v1::Match> matches;
  v1::Match* match = matches.Add();
  match->set_need("needs/n");
  match->set_offering("offerings/o");
  match->set_score(0.5);
  match->set_counterpart_title(kFormula);
  std::ostringstream out;
  for (const auto& row : MatchCsvRows(matches, Counterpart::kOffering)) RenderCsvRow(row, out);
  RenderCsvRow(WatchCsvRow(*match, Counterpart::kOffering, "2026-10-20T01:00:00Z"), out);
  EXPECT_THAT(out.str(), HasSubstr(kEscaped));
  EXPECT_THAT(out.str(), Not(HasSubstr(",=HYPERLINK")));
}

TEST(CsvWritersTest, ImportReports) {
  v1::ImportSummary summary;
  summary.set_rejected_count(1);
  v1::ImportRejection* rejection = summary.add_rejections();
  rejection->set_row_number(7);
  auto* violation = rejection->add_field_violations();
  violation->set_field("title");
  violation->set_description(kFormula);
  std::ostringstream out;
  Output output(OutputFormat::kCsv, ValueFormat(), out);
  PrintImportReport(summary, output);
  EXPECT_THAT(out.str(), HasSubstr(kEscaped));
}

}  // namespace
}  // namespace techmatch::client
