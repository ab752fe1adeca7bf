// An event's summary as an official reports it (GetEventSummary): the narrative paragraph in
// the page's language (zh-Hans, zh-Hant or en, written by the server), the participants and
// records counted, and the agreements by kind with technology contracts and all agreements
// together, every amount exact.
import {useEffect, useState} from 'preact/hooks';
import {Agreement_Kind} from '../gen/techmatch/v1/agreement_pb';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import type {AgreementSummary, EventSummary} from '../gen/techmatch/v1/report_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {kKindKeys} from '../pages/agreement_labels';
import {ErrorBanner} from './field';

export function EventSummaryPanel() {
  const {lang, t} = useI18n();
  const [events, setEvents] = useState<Fair[] | null>(null);
  const [event, setEvent] = useState('');
  const [summary, setSummary] = useState<EventSummary | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.events().listEvents({pageSize: 200}).then((r) => {
      setEvents(r.events);
      setEvent((chosen) => chosen || r.events[0]?.name || '');
    }, (e) => setError(errorMessage(e, t)));
  }, []);
  useEffect(() => {
    if (!event) return;
    setSummary(null);
    setError('');
    api.reports().getEventSummary({event, languageCode: lang})
      .then(setSummary, (e) => setError(errorMessage(e, t)));
  }, [event, lang]);

  const row = (label: string, s: AgreementSummary | undefined, key: string) => s && (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td class="number">{s.agreementCount.toString()}</td>
      <td class="number">{s.supplierCount.toString()}</td>
      <td class="number">{s.demanderCount.toString()}</td>
      <td class="number">{formatMoney(s.contractAmount, lang)}</td>
      <td class="number">{formatMoney(s.totalInvestment, lang)}</td>
    </tr>
  );
  const counts: Array<[string, bigint]> = summary ? [
    [t.needsCount, summary.needsCount], [t.offeringsCount, summary.offeringsCount],
    [t.enterpriseCount, summary.enterpriseCount], [t.universityCount, summary.universityCount],
    [t.researchInstituteCount, summary.researchInstituteCount],
    [t.governmentCount, summary.governmentCount], [t.otherCount, summary.otherCount],
  ] : [];
  return (
    <section class="card event-summary" aria-labelledby="event-summary-title">
      <h3 id="event-summary-title">{t.eventSummary}</h3>
      {events && events.length > 0 && (
        <div class="field">
          <label for="event-summary-event">{t.navEvents}</label>
          <select id="event-summary-event" value={event}
                  onChange={(e) => setEvent((e.currentTarget as HTMLSelectElement).value)}>
            {events.map((ev) => <option key={ev.name} value={ev.name}>{ev.displayName}</option>)}
          </select>
        </div>
      )}
      <ErrorBanner messages={error ? [error] : []} />
      {events && events.length === 0 && <p>{t.empty}</p>}
      {event && !summary && !error && <p aria-live="polite">{t.loading}</p>}
      {summary && (
        <>
          <p class="narrative" lang={summary.languageCode || lang}>{summary.narrative}</p>
          <div class="table-scroll" tabIndex={0} role="group" aria-label={t.eventCounts}>
            <table>
              <caption>{t.eventCounts}</caption>
              <tbody>
                {counts.map(([label, n]) => (
                  <tr key={label}><th scope="row">{label}</th><td class="number">{n.toString()}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-scroll" tabIndex={0} role="group" aria-label={t.eventAgreements}>
            <table>
              <caption>{t.eventAgreements}</caption>
              <thead>
                <tr><th scope="col">{t.kind}</th><th scope="col">{t.agreementCount}</th>
                  <th scope="col">{t.supplierCount}</th><th scope="col">{t.demanderCount}</th>
                  <th scope="col">{t.contractAmount}</th><th scope="col">{t.totalInvestment}</th></tr>
              </thead>
              <tbody>
                {summary.agreementsByKind.map((k) => {
                  const key = kKindKeys[Agreement_Kind[k.kind]];
                  return row(key ? t[key] : Agreement_Kind[k.kind], k.summary, String(k.kind));
                })}
              </tbody>
              <tfoot>
                {row(t.technologyContracts, summary.technologyContracts, 'technology')}
                {row(t.total, summary.total, 'total')}
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
