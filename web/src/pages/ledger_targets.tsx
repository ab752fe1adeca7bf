// Indicators and targets: a year's targets as a table — indicator, region, target, actual
// (rolled up by the server), completion and assessment — narrowed to a region and the regions
// under it. Organizers issue a target, change its value (sending the etag it read) and record
// a region's figure for an indicator (an observation).
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {indicatorName, useIndicators} from '../components/indicators';
import type {Target} from '../gen/techmatch/v1/target_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatFigure, formatPercentBp} from '../lib/figures';
import {YearRegionFilter} from './ledger_filter';
import {kAssessments, labelOf, thisYear} from './ledger_labels';
import {ObservationForm} from './ledger_observation_form';
import {TargetForm} from './ledger_target_form';

type Editing = {kind: 'none'}|{kind: 'new-target'}|{kind: 'observation'}|{kind: 'target'; target: Target};

export function Targets({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const indicators = useIndicators();
  const [query, setQuery] = useState({year: thisYear(), region});
  const [targets, setTargets] = useState<Target[]|null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Editing>({kind: 'none'});

  async function load(pageToken: string) {
    setError('');
    try {
      const response = await api.targets().listTargets(
          {year: query.year, regionCode: query.region, pageSize: 1000, pageToken});
      setTargets((previous) => [...(pageToken ? previous ?? [] : []), ...response.targets]);
      setNext(response.nextPageToken);
    } catch (e) {
      setError(errorMessage(e, t));
      setTargets([]);
    }
  }
  useEffect(() => {
    setTargets(null);
    load('');
  }, [query]);

  function done(message: string|null) {
    setEditing({kind: 'none'});
    if (message === null) return;
    setNotice(message);
    load('');
  }

  // "星火培训人次 510500 2025": what a notice names.
  const named = (r: {indicator: string; regionCode: string; year: number}) =>
    `${indicatorName(indicators, r.indicator, lang)} ${r.regionCode} ${r.year}`;
  const assessment = (target: Target) => {
    const key = labelOf(kAssessments, target.assessment);
    return key ? t[key] : '—';
  };
  return (
    <section aria-labelledby="targets-title">
      <h3 id="targets-title">{t.ledgerTargets}</h3>
      <YearRegionFilter id="targets" year={query.year} region={query.region}
                        onApply={(year, region) => setQuery({year: year ?? thisYear(), region})}
                        yearRequired />
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editable && editing.kind === 'none' && (
        <div class="actions">
          <button type="button" onClick={() => { setNotice(''); setEditing({kind: 'new-target'}); }}>
            {t.newTarget}
          </button>
          <button type="button" class="secondary"
                  onClick={() => { setNotice(''); setEditing({kind: 'observation'}); }}>
            {t.recordObservation}
          </button>
        </div>
      )}
      {editing.kind === 'new-target' && (
        <TargetForm year={query.year} region={query.region}
                    onDone={(saved) => done(saved && `${t.saved}: ${named(saved)}`)} />
      )}
      {editing.kind === 'target' && (
        <TargetForm target={editing.target} year={query.year} region={query.region}
                    onDone={(saved) => done(saved && `${t.saved}: ${named(saved)}`)} />
      )}
      {editing.kind === 'observation' && (
        <ObservationForm year={query.year} region={query.region}
                         onDone={(saved) => done(saved && `${t.observationRecorded}: ${named(saved)}`)} />
      )}
      {targets === null && <p>{t.loading}</p>}
      {targets && targets.length === 0 && !error && <p>{t.empty}</p>}
      {targets && targets.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={`${t.ledgerTargets} ${query.year}`}>
          <table>
            <caption class="visually-hidden">{`${t.ledgerTargets} ${query.year}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th><th scope="col">{t.region}</th>
                <th scope="col">{t.targetValue}</th><th scope="col">{t.actual}</th>
                <th scope="col">{t.completion}</th><th scope="col">{t.assessment}</th>
                {editable && <th scope="col">{t.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.name}>
                  <th scope="row">{indicatorName(indicators, target.indicator, lang)}</th>
                  <td>{target.regionCode}</td>
                  <td class="number">{formatFigure(target.value, lang)}</td>
                  <td class="number">{formatFigure(target.actual?.value, lang)}</td>
                  <td class="number">{formatPercentBp(target.completion)}</td>
                  <td>{assessment(target)}</td>
                  {editable && (
                    <td class="actions-cell">
                      <button type="button" class="secondary"
                              aria-label={`${t.edit}: ${indicatorName(indicators, target.indicator, lang)} ${target.regionCode}`}
                              onClick={() => { setNotice(''); setEditing({kind: 'target', target}); }}>
                        {t.edit}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && <button type="button" class="secondary" onClick={() => load(next)}>{t.more}</button>}
    </section>
  );
}
