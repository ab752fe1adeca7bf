// Agendas: an event's meetings regrouped per participant, in time order, the way each
// participant's delegates read them on the day; written as CSV or as a workbook with one
// printable sheet per participant.
#ifndef TECHMATCH_CLIENT_MEETING_AGENDA_H_
#define TECHMATCH_CLIENT_MEETING_AGENDA_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client/table.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "techmatch/v1/meeting.pb.h"

namespace techmatch::client {

struct AgendaRow {
  std::string time;  // "2026-10-20 09:00–09:20" in `zone`.
  int slot = 0;
  int table = 0;
  std::string counterpart;  // Display name (organizations/x when it has none).
  std::string need_title;
  std::string offering_title;
  std::string meeting;  // Resource name.
  bool locked = false;
};

struct Agenda {
  std::string participant;   // organizations/x
  std::string display_name;  // Its display name.
  std::vector<AgendaRow> rows;
};

// One agenda per organization that has meetings, in display-name order (then name); each
// meeting appears in the agendas of both its enterprise and its institute.
std::vector<Agenda> BuildAgendas(const std::vector<techmatch::v1::Meeting>& meetings,
                                 absl::TimeZone zone);

// Every agenda row with the participant first, for `--csv`.
Table AgendasCsvTable(const std::vector<Agenda>& agendas);

// A sheet name Excel accepts (≤ 31 characters, none of []:*?/\) and unique among `taken`,
// which it joins.
std::string SheetName(const std::string& display_name, std::vector<std::string>& taken);

// `path`: one sheet per agenda headed by the participant and `title` (the event), columns
// time, table, counterpart, need, offering; A4 landscape, fitted to one page wide, the header
// row repeated on every printed page. INTERNAL naming the libxlsxwriter error on failure.
absl::Status WriteAgendasXlsx(const std::vector<Agenda>& agendas, const std::string& title,
                              const std::string& path);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_MEETING_AGENDA_H_
