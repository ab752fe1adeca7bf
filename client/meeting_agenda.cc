#include "client/meeting_agenda.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/display_width.h"
#include "xlsxwriter.h"

namespace techmatch::client {
namespace {

constexpr size_t kMaxSheetChars = 31;

absl::Time TimeOf(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

std::string SlotText(const techmatch::v1::Meeting& meeting, absl::TimeZone zone) {
  return absl::StrCat(absl::FormatTime("%Y-%m-%d %H:%M", TimeOf(meeting.start_time()), zone), "–",
                      absl::FormatTime("%H:%M", TimeOf(meeting.end_time()), zone));
}

// UTF-8 code points of `text`, at most `limit`.
std::string FirstCodePoints(const std::string& text, size_t limit) {
  size_t count = 0, i = 0;
  while (i < text.size() && count < limit) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++count;
  }
  return text.substr(0, i);
}

size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::vector<Agenda> BuildAgendas(const std::vector<techmatch::v1::Meeting>& meetings,
                                 absl::TimeZone zone) {
  std::map<std::string, Agenda> by_participant;
  for (const techmatch::v1::Meeting& m : meetings) {
    const std::pair<const std::string*, const std::string*> sides[] = {
        {&m.enterprise(), &m.enterprise_display_name()},
        {&m.institute(), &m.institute_display_name()}};
    for (int side = 0; side < 2; ++side) {
      const auto [own, own_name] = sides[side];
      const auto [other, other_name] = sides[1 - side];
      Agenda& agenda = by_participant[*own];
      agenda.participant = *own;
      agenda.display_name = own_name->empty() ? *own : *own_name;
      agenda.rows.push_back({SlotText(m, zone), m.slot(), m.table(),
                             other_name->empty() ? *other : *other_name, m.need_title(),
                             m.offering_title(), m.name(), m.locked()});
    }
  }
  std::vector<Agenda> agendas;
  for (auto& [participant, agenda] : by_participant) {
    std::sort(agenda.rows.begin(), agenda.rows.end(), [](const AgendaRow& a, const AgendaRow& b) {
      return std::tie(a.slot, a.table) < std::tie(b.slot, b.table);
    });
    agendas.push_back(std::move(agenda));
  }
  std::sort(agendas.begin(), agendas.end(), [](const Agenda& a, const Agenda& b) {
    return std::tie(a.display_name, a.participant) < std::tie(b.display_name, b.participant);
  });
  return agendas;
}

Table AgendasCsvTable(const std::vector<Agenda>& agendas) {
  Table table({{"participant"},
               {"participant_name"},
               {"time"},
               {"slot"},
               {"table"},
               {"counterpart"},
               {"need"},
               {"offering"},
               {"meeting"},
               {"locked"}});
  for (const Agenda& agenda : agendas) {
    for (const AgendaRow& row : agenda.rows) {
      table.AddRow({agenda.participant, agenda.display_name, row.time, std::to_string(row.slot),
                    std::to_string(row.table), row.counterpart, row.need_title, row.offering_title,
                    row.meeting, row.locked ? "true" : "false"});
    }
  }
  return table;
}

std::string SheetName(const std::string& display_name, std::vector<std::string>& taken) {
  std::string clean;
  for (char c : display_name) {
    const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' ||
                           c == '\\' || (static_cast<unsigned char>(c) < 0x20);
    clean.push_back(forbidden ? '_' : c);
  }
  // Excel also refuses a name starting or ending with an apostrophe, or empty.
  while (!clean.empty() && clean.front() == '\'') clean.erase(clean.begin());
  while (!clean.empty() && clean.back() == '\'') clean.pop_back();
  if (clean.empty()) clean = "participant";
  std::string name = FirstCodePoints(clean, kMaxSheetChars);
  for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
    const std::string suffix = absl::StrCat(" (", n, ")");
    name = FirstCodePoints(clean, kMaxSheetChars - CodePoints(suffix)) + suffix;
  }
  taken.push_back(name);
  return name;
}

absl::Status WriteAgendasXlsx(const std::vector<Agenda>& agendas, const std::string& title,
                              const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create workbook '", path, "'"));
  }
  lxw_format* heading = workbook_add_format(workbook);
  format_set_bold(heading);
  format_set_font_size(heading, 14);
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* cell = workbook_add_format(workbook);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  const char* kColumns[] = {"时间 Time", "桌号 Table", "洽谈对象 Counterpart", "需求 Need",
                            "成果 Offering"};
  const double kWidths[] = {22, 9, 30, 40, 40};
  std::vector<std::string> taken;
  for (const Agenda& agenda : agendas) {
    lxw_worksheet* sheet =
        workbook_add_worksheet(workbook, SheetName(agenda.display_name, taken).c_str());
    if (sheet == nullptr) {
      workbook_close(workbook);
      return absl::InternalError(
          absl::StrCat("cannot add a sheet for ", agenda.participant, " to '", path, "'"));
    }
    worksheet_write_string(sheet, 0, 0, agenda.display_name.c_str(), heading);
    worksheet_write_string(sheet, 1, 0, title.c_str(), nullptr);
    for (int c = 0; c < 5; ++c) {
      worksheet_write_string(sheet, 3, c, kColumns[c], header);
      worksheet_set_column(sheet, c, c, kWidths[c], nullptr);
    }
    for (size_t r = 0; r < agenda.rows.size(); ++r) {
      const AgendaRow& row = agenda.rows[r];
      const lxw_row_t at = static_cast<lxw_row_t>(r + 4);
      worksheet_write_string(sheet, at, 0, row.time.c_str(), cell);
      worksheet_write_number(sheet, at, 1, row.table, cell);
      worksheet_write_string(sheet, at, 2, row.counterpart.c_str(), cell);
      worksheet_write_string(sheet, at, 3, row.need_title.c_str(), cell);
      worksheet_write_string(sheet, at, 4, row.offering_title.c_str(), cell);
    }
    // Printable: A4 landscape, one page wide, the column header on every page.
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_repeat_rows(sheet, 3, 3);
    std::string name_in_header;  // `&` starts a control code in page headers.
    for (char c : agenda.display_name) {
      name_in_header += c;
      if (c == '&') name_in_header += '&';
    }
    worksheet_set_header(sheet, ("&L" + name_in_header + "&R&P / &N").c_str());
  }
  if (agendas.empty()) workbook_add_worksheet(workbook, "agendas");
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
    return absl::InternalError(absl::StrCat("cannot write '", path, "': ", lxw_strerror(error)));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::client
