// Events (fairs): the list, and for the chosen one its participants, the meeting requests
// (a participant's incoming and outgoing ones, or all of them), the agenda (all meetings, or
// the workspace organization's own with its downloads), and for organizers the meeting plan,
// matching the whole event (MatchEvent, streamed need by need), scheduling the accepted
// meeting requests and locking, unlocking or cancelling meetings.
import {useEffect, useState} from 'preact/hooks';
import {Agenda, when} from '../components/agenda';
import {ErrorBanner} from '../components/field';
import {MeetingPlanEditor} from '../components/meeting_plan';
import {MeetingRequests} from '../components/meeting_requests';
import {displayName, useOrganizations} from '../components/organizations';
import type {Event, Participant} from '../gen/techmatch/v1/event_pb';
import type {MatchEventResponse} from '../gen/techmatch/v1/match_pb';
import type {Meeting} from '../gen/techmatch/v1/meeting_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import type {Workspace} from '../lib/workspace';

function EventDetail({event, workspace}: {event: Event; workspace: Workspace}) {
  const {lang, t} = useI18n();
  const [participants, setParticipants] = useState<Participant[] | null>(null);
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [matches, setMatches] = useState<MatchEventResponse[] | null>(null);
  const [status, setStatus] = useState('');
  // Why each accepted request the last scheduling left out got no meeting (the server's words).
  const [unscheduled, setUnscheduled] = useState<string[]>([]);
  const [error, setError] = useState('');
  const organizations = useOrganizations();
  const organizer = workspace.role === 'ORGANIZER';
  const own = organizer ? '' : workspace.organization;
  const fail = (e: unknown) => setError(errorMessage(e, t));

  const loadMeetings = () => api.matches().listMeetings({parent: event.name, participant: own, pageSize: 1000})
    .then((r) => setMeetings(r.meetings), fail);
  useEffect(() => {
    setParticipants(null);
    setMeetings(null);
    setMatches(null);
    setUnscheduled([]);
    setError('');
    api.events().listParticipants({parent: event.name, pageSize: 1000})
      .then((r) => setParticipants(r.participants), fail);
    loadMeetings();
  }, [event.name, own]);

  async function matchEvent() {
    setError('');
    const found: MatchEventResponse[] = [];
    setMatches([]);
    try {
      for await (const message of api.matches().matchEvent({event: event.name, perNeedLimit: 3})) {
        found.push(message);
        setMatches([...found]);
      }
      setStatus(t.matchedNeeds.replace('{n}', String(found.length)));
    } catch (e) {
      fail(e);
    }
  }

  async function schedule() {
    setError('');
    try {
      const result = await api.matches().scheduleMeetings({event: event.name});
      setStatus(t.scheduled.replace('{n}', String(result.meetings.length))
        .replace('{u}', String(result.unscheduled.length)));
      setUnscheduled(result.unscheduled.map((u) => u.explanation));
      loadMeetings();
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section class="card" aria-labelledby="event-title">
      <h3 id="event-title">{event.displayName}</h3>
      <p class="meta">{event.location} · {when(event.startTime, lang)} – {when(event.endTime, lang)}</p>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{status}</p>
      {unscheduled.length > 0 && <ul class="unscheduled">{unscheduled.map((u, i) => <li key={i}>{u}</li>)}</ul>}
      {organizer && (
        <div class="actions">
          <button type="button" onClick={matchEvent}>{t.matchEvent}</button>
          <button type="button" class="secondary" onClick={schedule}>{t.scheduleMeetings}</button>
        </div>
      )}
      {matches && matches.length > 0 && (
        <section aria-label={t.eventMatches}>
          <h4>{t.eventMatches}</h4>
          <ul>
            {matches.map((m) => (
              <li key={m.need}>
                <strong>{m.needTitle}</strong>: {m.matches.length === 0 ? t.noMatches : m.matches.map((x) =>
                  `${x.counterpartTitle} (${(x.score * 100).toFixed(1)})`).join('、')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {organizer && <MeetingPlanEditor event={event} onSaved={loadMeetings} />}
      {(organizer || own) && <MeetingRequests event={event} workspace={workspace} onChanged={loadMeetings} />}
      <Agenda event={event} meetings={meetings} participant={own} manage={organizer} onChanged={loadMeetings} />
      <h4>{t.participants}</h4>
      {participants === null ? <p>{t.loading}</p> : participants.length === 0 ? <p>{t.empty}</p> : (
        <ul class="tags">
          {participants.map((p) => <li key={p.name}>{organizations.has(p.organization)
            ? `${displayName(organizations, p.organization)} (${p.organization})` : p.organization}{p.lateRegistration ? ` (${t.late})` : ''}</li>)}
        </ul>
      )}
    </section>
  );
}

export function Events({workspace}: {workspace: Workspace}) {
  const {lang, t} = useI18n();
  const [events, setEvents] = useState<Event[] | null>(null);
  const [chosen, setChosen] = useState<Event | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.events().listEvents({pageSize: 200}).then((r) => setEvents(r.events), (e) => setError(errorMessage(e, t)));
  }, []);
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t.eventsTitle}</h2>
      <ErrorBanner messages={error ? [error] : []} />
      {events === null && !error && <p>{t.loading}</p>}
      {events && events.length === 0 && <p>{t.empty}</p>}
      <ul class="listings">
        {events?.map((event) => (
          <li key={event.name}>
            <button type="button" class="secondary" aria-pressed={chosen?.name === event.name}
                    onClick={() => setChosen(event)}>
              {event.displayName} · {when(event.startTime, lang)}
            </button>
          </li>
        ))}
      </ul>
      {chosen && <EventDetail event={chosen} workspace={workspace} />}
    </section>
  );
}
