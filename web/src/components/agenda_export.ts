// A participant's agenda as files: an XLSX sheet (its name and the event on top, then time,
// table, counterpart, need, offering, as the CLI's `meeting agendas --xlsx` writes each
// participant) and CSV with the participant first on every row (as `--csv`), formula-like
// cells made text. Times are the browser's local time.
import {timestampDate, type Timestamp} from '@bufbuild/protobuf/wkt';
import type {Meeting} from '../gen/techmatch/v1/meeting_pb';
import type {Strings} from '../i18n/i18n';
import {csvText} from '../lib/csv';
import {xlsxWorkbook, type XlsxCell} from '../lib/xlsx';

const pad = (n: number) => String(n).padStart(2, '0');

// "2026-01-04 09:00" in local time.
export function localTime(time: Timestamp|undefined): string {
  if (!time) return '';
  const d = timestampDate(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${
      pad(d.getMinutes())}`;
}

// "2026-01-04 09:00–09:20".
export function slotText(meeting: Meeting): string {
  const end = localTime(meeting.endTime);
  return `${localTime(meeting.startTime)}–${end.slice(end.indexOf(' ') + 1)}`;
}

export interface AgendaOwner {
  participantName: string;
  eventName: string;
}

function header(t: Strings): string[] {
  return [t.time, t.table, t.counterpart, t.navNeeds, t.navOfferings];
}

function cells(meeting: Meeting): XlsxCell[] {
  return [
    slotText(meeting), meeting.table, meeting.counterpartDisplayName || meeting.counterpart,
    meeting.needTitle, meeting.offeringTitle
  ];
}

export function agendaXlsx(owner: AgendaOwner, meetings: Meeting[], t: Strings): Uint8Array<ArrayBuffer> {
  return xlsxWorkbook({
    name: owner.participantName,
    rows: [[owner.participantName], [owner.eventName], [], header(t), ...meetings.map(cells)],
    widths: [22, 6, 28, 36, 36],
  });
}

export function agendaCsv(owner: AgendaOwner, meetings: Meeting[], t: Strings): string {
  return csvText([
    [t.participant, ...header(t)],
    ...meetings.map((m) => [owner.participantName, ...cells(m).map(String)]),
  ]);
}

// A file name from the event's and participant's names (characters file systems refuse dropped).
export function agendaFileName(owner: AgendaOwner, extension: string): string {
  return `${owner.eventName}-${owner.participantName}`.replace(/[\\/:*?"<>|\s]+/g, '_') + `.${extension}`;
}
