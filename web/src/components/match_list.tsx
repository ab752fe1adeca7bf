// A need's or offering's matches with their explanation: score, shared terms and industries,
// the signals that made the score, and the bridges between differently worded terms.
import {useEffect, useState} from 'preact/hooks';
import type {Match} from '../gen/techmatch/v1/match_pb';
import {useI18n, type StringKey} from '../i18n/i18n';
import {errorMessage} from '../lib/field_errors';
import {useLatestRequest} from '../lib/latest_request';
import {ErrorBanner} from './field';
import type {ListingItem, ListingKind} from './listing_kind';

// The engine's signal ids by their names in the string tables; an id not listed shows as is.
const kSignalKeys: Partial<Record<string, StringKey>> = {
  text: 'signalText', coverage: 'signalCoverage', proximity: 'signalProximity',
  ruled_out: 'signalRuledOut', industry: 'signalIndustry', maturity: 'signalMaturity',
  price: 'signalPrice', cooperation_mode: 'signalCooperationMode', event: 'signalEvent',
};

export function MatchList({kind, item}: {kind: ListingKind; item: ListingItem}) {
  const {t} = useI18n();
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [error, setError] = useState('');
  // Per counterpart: the outcome of asking for a meeting.
  const [requested, setRequested] = useState<Record<string, string>>({});
  const event = item.events[0] ?? '';
  async function request(match: Match) {
    const key = kind.counterpart(match);
    try {
      await kind.requestMeeting(event, match);
      setRequested((r) => ({...r, [key]: t.meetingRequested}));
    } catch (e) {
      setRequested((r) => ({...r, [key]: errorMessage(e, t)}));
    }
  }
  const latest = useLatestRequest();
  useEffect(() => {
    const turn = latest.start();
    kind.match(item).then((found) => turn.current() && setMatches(found),
                          (e) => turn.current() && setError(errorMessage(e, t)));
  }, [kind, item.name]);
  if (error) return <ErrorBanner messages={[error]} />;
  if (!matches) return <p aria-live="polite">{t.loading}</p>;
  if (matches.length === 0) return <p>{t.noMatches}</p>;
  return (
    <section class="matches" aria-label={`${t.matchesTitle}: ${item.title}`}>
      <h3>{t.matchesTitle}</h3>
      <ol>
        {matches.map((match) => {
          const explanation = match.explanation;
          return (
            <li key={kind.counterpart(match)} class="match">
              <p class="match-head">
                <strong>{match.counterpartTitle || kind.counterpart(match)}</strong>
                <span class="score">{t.score} {(match.score * 100).toFixed(1)}</span>
              </p>
              {event && (
                <p class="actions">
                  <button type="button" class="secondary"
                          aria-label={`${t.requestMeeting}: ${match.counterpartTitle}`}
                          disabled={requested[kind.counterpart(match)] === t.meetingRequested}
                          onClick={() => request(match)}>
                    {t.requestMeeting}
                  </button>
                  <span role="status">{requested[kind.counterpart(match)] ?? ''}</span>
                </p>
              )}
              {explanation && explanation.sharedTerms.length > 0 && (
                <p>{t.sharedTerms}: {explanation.sharedTerms.map((term) =>
                  term.counterpartText && term.counterpartText !== term.text
                    ? `${term.text}↔${term.counterpartText}` : term.text).join('、')}</p>
              )}
              {explanation && explanation.sharedIndustries.length > 0 && (
                <p>{t.sharedIndustries}: {explanation.sharedIndustries.join('、')}</p>
              )}
              {explanation && explanation.bridges.length > 0 && (
                <p>{t.bridges}: {explanation.bridges.map((b) =>
                  b.text || `${b.from} → ${b.to}`).join('; ')}</p>
              )}
              {explanation && explanation.signals.length > 0 && (
                <table class="signals">
                  <caption>{t.signals}</caption>
                  <tbody>
                    {explanation.signals.map((s) => (
                      <tr key={s.signal}>
                        <th scope="row">{kSignalKeys[s.signal] ? t[kSignalKeys[s.signal]!] : s.signal}</th>
                        <td>{s.value.toFixed(3)} × {s.weight.toFixed(2)} = {s.contribution.toFixed(3)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
