// An event's meetings in time order: a participant's own agenda (time, table, counterpart, need,
// offering) with downloads as XLSX and CSV, or for organizers every meeting with lock, unlock
// and cancel (a locked meeting keeps its slot and table when the event is scheduled again).
import {timestampDate, type Timestamp} from '@bufbuild/protobuf/wkt';
import {useState} from 'preact/hooks';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import type {Meeting} from '../gen/techmatch/v1/meeting_pb';
import {useI18n, type Lang} from '../i18n/i18n';
import {api} from '../lib/api';
import {saveFile} from '../lib/download';
import {errorMessage} from '../lib/field_errors';
import {agendaCsv, agendaFileName, agendaXlsx, type AgendaOwner} from './agenda_export';
import {ErrorBanner} from './field';
import {displayName, useOrganizations} from './organizations';

const kXlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function when(time: Timestamp | undefined, lang: Lang): string {
  if (!time) return '—';
  return timestampDate(time).toLocaleString(lang === 'en' ? 'en-GB' : lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN',
    {dateStyle: 'medium', timeStyle: 'short'});
}

export function Agenda({event, meetings, participant, manage, onChanged}: {
  event: Fair;
  meetings: Meeting[] | null;
  // The organization whose agenda this is; empty for every meeting of the event.
  participant: string;
  // Organizers: lock, unlock, cancel.
  manage: boolean;
  onChanged: () => void;
}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const title = participant ? t.ownAgenda : t.agenda;

  async function act(meeting: Meeting, action: 'lock' | 'unlock' | 'cancel') {
    setError('');
    if (action === 'cancel' && !confirm(t.confirmCancelMeeting)) return;
    const target = {name: meeting.name, etag: meeting.etag};
    try {
      if (action === 'lock') await api.matches().lockMeeting(target);
      if (action === 'unlock') await api.matches().unlockMeeting(target);
      if (action === 'cancel') await api.matches().cancelMeeting(target);
      setStatus(action === 'lock' ? t.meetingLocked : action === 'unlock' ? t.meetingUnlocked : t.meetingCancelled);
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  function download(kind: 'xlsx' | 'csv') {
    if (!meetings) return;
    const owner: AgendaOwner = {
      participantName: displayName(organizations, participant), eventName: event.displayName,
    };
    if (kind === 'xlsx') {
      saveFile(agendaFileName(owner, 'xlsx'), agendaXlsx(owner, meetings, t), kXlsxType);
    } else {
      saveFile(agendaFileName(owner, 'csv'), agendaCsv(owner, meetings, t), 'text/csv;charset=utf-8');
    }
  }

  return (
    <section aria-labelledby="agenda-title">
      <h4 id="agenda-title">{title}</h4>
      <ErrorBanner messages={error ? [error] : []} />
      {manage && <p class="notice" role="status">{status}</p>}
      {participant && meetings && meetings.length > 0 && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => download('xlsx')}>{t.downloadXlsx}</button>
          <button type="button" class="secondary" onClick={() => download('csv')}>{t.downloadCsv}</button>
        </div>
      )}
      {meetings === null ? <p>{t.loading}</p> : meetings.length === 0 ? <p>{t.empty}</p> : (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={title}>
          <table>
            <thead>
              <tr><th scope="col">{t.time}</th><th scope="col">{t.table}</th>
                <th scope="col">{t.navNeeds}</th><th scope="col">{t.navOfferings}</th>
                <th scope="col">{t.counterpart}</th>
                {manage && <th scope="col">{t.actions}</th>}</tr>
            </thead>
            <tbody>
              {meetings.map((m) => {
                const who = m.counterpartDisplayName || `${m.enterpriseDisplayName} · ${m.instituteDisplayName}`;
                return (
                  <tr key={m.name}>
                    <th scope="row">{when(m.startTime, lang)}{m.locked ? ` · ${t.locked}` : ''}</th>
                    <td class="number">{m.table}</td>
                    <td>{m.needTitle}</td>
                    <td>{m.offeringTitle}</td>
                    <td>{who}</td>
                    {manage && (
                      <td class="actions-cell">
                        <button type="button" class="secondary"
                                aria-label={`${m.locked ? t.unlock : t.lock}: ${who}`}
                                onClick={() => act(m, m.locked ? 'unlock' : 'lock')}>
                          {m.locked ? t.unlock : t.lock}
                        </button>
                        <button type="button" class="danger" aria-label={`${t.cancelMeeting}: ${who}`}
                                onClick={() => act(m, 'cancel')}>
                          {t.cancelMeeting}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
