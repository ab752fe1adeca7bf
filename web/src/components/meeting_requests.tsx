// An event's meeting requests. An enterprise or institute sees its own, split into incoming
// (asked by the other side, an organizer or matching: it may accept or decline them) and
// outgoing (its own asks, which it may withdraw while pending). An organizer sees every request,
// accepts or declines for both sides, and generates requests from the event's matches
// (GenerateMeetingRequests: a minimum score, matches per need, created accepted or pending).
import {useEffect, useState} from 'preact/hooks';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import {MeetingRequest_Side, MeetingRequest_State, type MeetingRequest} from '../gen/techmatch/v1/meeting_pb';
import {useI18n, type StringKey} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';
import type {Workspace} from '../lib/workspace';
import {ErrorBanner, Field} from './field';
import {displayName, useOrganizations} from './organizations';

const kStateKeys: Record<MeetingRequest_State, StringKey> = {
  [MeetingRequest_State.STATE_UNSPECIFIED]: 'empty',
  [MeetingRequest_State.PENDING]: 'requestPending',
  [MeetingRequest_State.ACCEPTED]: 'requestAccepted',
  [MeetingRequest_State.DECLINED]: 'requestDeclined',
  [MeetingRequest_State.CANCELLED]: 'requestCancelled',
};

const kSideKeys: Record<MeetingRequest_Side, StringKey> = {
  [MeetingRequest_Side.SIDE_UNSPECIFIED]: 'empty',
  [MeetingRequest_Side.ENTERPRISE]: 'roleEnterprise',
  [MeetingRequest_Side.INSTITUTE]: 'roleInstitute',
  [MeetingRequest_Side.ORGANIZER]: 'roleOrganizer',
  [MeetingRequest_Side.MATCHING]: 'sideMatching',
};

// Need and offering titles of the event, by name (a request names only the records).
async function titlesOf(event: string): Promise<Map<string, string>> {
  const filter = `event = "${event}"`;
  const [needs, offerings] = await Promise.all([
    api.needs().listNeeds({filter, pageSize: 1000}),
    api.offerings().listOfferings({filter, pageSize: 1000}),
  ]);
  return new Map([...needs.needs, ...offerings.offerings].map((r) => [r.name, r.title]));
}

async function allRequests(event: string, filter: string): Promise<MeetingRequest[]> {
  const found: MeetingRequest[] = [];
  let pageToken = '';
  do {
    const response = await api.matches().listMeetingRequests({parent: event, filter, pageSize: 1000, pageToken});
    found.push(...response.meetingRequests);
    pageToken = response.nextPageToken;
  } while (pageToken);
  return found;
}

function GenerateForm({event, onDone}: {event: Fair; onDone: (status: string) => void}) {
  const {t} = useI18n();
  const [minScore, setMinScore] = useState('0.3');
  const [perNeed, setPerNeed] = useState('5');
  const [accept, setAccept] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const score = Number(minScore);
    if (minScore.trim() === '' || !(score >= 0 && score <= 1)) local.set('min_score', t.minScoreBad);
    const limit = Number(perNeed);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) local.set('per_need_limit', t.perNeedBad);
    setErrors(local);
    if (local.size > 0) return;
    try {
      const result = await api.matches().generateMeetingRequests(
          {parent: event.name, minScore: score, perNeedLimit: limit, accept});
      onDone(t.generated.replace('{n}', String(result.meetingRequests.length))
                 .replace('{e}', String(result.existingCount))
                 .replace('{u}', String(result.unregisteredCount)));
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    }
  }
  const unowned = [...errors].filter(([p]) => p !== 'min_score' && p !== 'per_need_limit')
    .map(([p, m]) => (p ? `${p}: ${m}` : m));
  return (
    <form class="card inline-form" onSubmit={submit} noValidate aria-label={t.generateRequests}>
      <ErrorBanner messages={unowned} />
      <Field id="generate-min-score" label={t.minScore} value={minScore} onInput={setMinScore}
             inputMode="decimal" error={errors.get('min_score')} />
      <Field id="generate-per-need" label={t.perNeedLimit} value={perNeed} onInput={setPerNeed}
             inputMode="numeric" error={errors.get('per_need_limit')} />
      <label class="check">
        <input type="checkbox" checked={accept}
               onChange={(e) => setAccept((e.currentTarget as HTMLInputElement).checked)} />
        {t.generateAccepted}
      </label>
      <button type="submit">{t.generateRequests}</button>
    </form>
  );
}

export function MeetingRequests({event, workspace, onChanged}: {
  event: Fair;
  workspace: Workspace;
  // Called after a change that may move meetings (a decline removes its meeting).
  onChanged: () => void;
}) {
  const {t} = useI18n();
  const organizations = useOrganizations();
  const [requests, setRequests] = useState<MeetingRequest[] | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const organizer = workspace.role === 'ORGANIZER';
  const ownSide = workspace.role === 'ENTERPRISE' ? MeetingRequest_Side.ENTERPRISE
    : workspace.role === 'INSTITUTE' ? MeetingRequest_Side.INSTITUTE : MeetingRequest_Side.ORGANIZER;
  const filter = organizer ? ''
    : `${ownSide === MeetingRequest_Side.ENTERPRISE ? 'enterprise' : 'institute'} = "${workspace.organization}"`;

  const load = () => allRequests(event.name, filter).then(setRequests, (e) => setError(errorMessage(e, t)));
  useEffect(() => {
    setRequests(null);
    setError('');
    setStatus('');
    load();
    titlesOf(event.name).then(setTitles, () => {});
  }, [event.name, filter]);

  async function act(request: MeetingRequest, accept: boolean) {
    setError('');
    try {
      const target = {name: request.name, etag: request.etag};
      if (accept) {
        await api.matches().acceptMeetingRequest(target);
      } else {
        await api.matches().declineMeetingRequest(target);
      }
      setStatus(accept ? t.requestAcceptedNotice : t.requestDeclinedNotice);
      await load();
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  const pair = (r: MeetingRequest) => organizer
    ? `${displayName(organizations, r.enterprise)} · ${displayName(organizations, r.institute)}`
    : displayName(organizations, ownSide === MeetingRequest_Side.ENTERPRISE ? r.institute : r.enterprise);

  function table(label: string, rows: MeetingRequest[], incoming: boolean) {
    return (
      <section aria-label={label}>
        <h5>{label}</h5>
        {rows.length === 0 ? <p>{t.empty}</p> : (
          <div class="table-scroll" tabIndex={0} role="group" aria-label={label}>
            <table>
              <thead>
                <tr><th scope="col">{organizer ? t.parties : t.counterpart}</th>
                  <th scope="col">{t.navNeeds}</th><th scope="col">{t.navOfferings}</th>
                  <th scope="col">{t.score}</th><th scope="col">{t.requestedBy}</th>
                  <th scope="col">{t.state}</th><th scope="col">{t.actions}</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const who = pair(r);
                  const open = r.state === MeetingRequest_State.PENDING || r.state === MeetingRequest_State.ACCEPTED;
                  return (
                    <tr key={r.name}>
                      <th scope="row">{who}</th>
                      <td>{titles.get(r.need) ?? r.need}</td>
                      <td>{titles.get(r.offering) ?? r.offering}</td>
                      <td class="number">{(r.score * 100).toFixed(1)}</td>
                      <td>{t[kSideKeys[r.requestedBy]]}{r.mutual ? ` (${t.mutual})` : ''}</td>
                      <td>{t[kStateKeys[r.state]]}</td>
                      <td class="actions-cell">
                        {incoming && r.state === MeetingRequest_State.PENDING && (
                          <button type="button" aria-label={`${t.accept}: ${who}`} onClick={() => act(r, true)}>
                            {t.accept}
                          </button>
                        )}
                        {incoming && open && (
                          <button type="button" class="danger" aria-label={`${t.decline}: ${who}`}
                                  onClick={() => act(r, false)}>
                            {t.decline}
                          </button>
                        )}
                        {!incoming && r.state === MeetingRequest_State.PENDING && (
                          <button type="button" class="danger" aria-label={`${t.withdrawRequest}: ${who}`}
                                  onClick={() => act(r, false)}>
                            {t.withdrawRequest}
                          </button>
                        )}
                      </td>
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

  return (
    <section aria-labelledby="meeting-requests-title">
      <h4 id="meeting-requests-title">{t.meetingRequests}</h4>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{status}</p>
      {organizer && <GenerateForm event={event} onDone={(s) => { setStatus(s); load(); }} />}
      {requests === null && !error && <p>{t.loading}</p>}
      {requests && organizer && table(t.allRequests, requests, true)}
      {requests && !organizer && (
        <>
          {table(t.incomingRequests, requests.filter((r) => r.requestedBy !== ownSide), true)}
          {table(t.outgoingRequests, requests.filter((r) => r.requestedBy === ownSide), false)}
        </>
      )}
    </section>
  );
}
