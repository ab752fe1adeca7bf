// Indicators and targets: a year's targets as a table — indicator, region, target, actual
// (rolled up by the server), completion and assessment — narrowed to a region and the regions
// under it. Organizers issue a target, change its value (sending the etag it read) and record
// a region's figure for an indicator (an observation).
import {useState} from 'preact/hooks';
import {indicatorName, useIndicators} from '../components/indicators';
import {usePagedList} from '../components/paged_list';
import type {Target} from '../gen/techmatch/v1/target_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {formatFigure, formatPercentBp} from '../lib/figures';
import {YearRegionFilter} from './ledger_filter';
import {kAssessments, labelOf, thisYear} from './ledger_labels';
import {LedgerList} from './ledger_list';
import {ObservationForm} from './ledger_observation_form';
import {TargetForm} from './ledger_target_form';

type Editing = {kind: 'none'}|{kind: 'new-target'}|{kind: 'observation'}|{kind: 'target'; target: Target};

export function Targets({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const indicators = useIndicators();
  const [query, setQuery] = useState({year: thisYear(), region});
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Editing>({kind: 'none'});
  const list = usePagedList(async (pageToken, signal) => {
    const response = await api.targets().listTargets(
        {year: query.year, regionCode: query.region, pageSize: 1000, pageToken}, {signal});
    return {items: response.targets, next: response.nextPageToken};
  }, [query]);

  function done(message: string|null) {
    setEditing({kind: 'none'});
    if (message === null) return;
    setNotice(message);
    list.reload();
  }

  // "星火培训人次 510500 2025": what a notice names.
  const named = (r: {indicator: string; regionCode: string; year: number}) =>
    `${indicatorName(indicators, r.indicator, lang)} ${r.regionCode} ${r.year}`;
  const assessment = (target: Target) => {
    const key = labelOf(kAssessments, target.assessment);
    return key ? t[key] : '—';
  };
  const filter = (
    <YearRegionFilter id="targets" year={query.year} region={query.region}
                      onApply={(year, region) => setQuery({year: year ?? thisYear(), region})} yearRequired />
  );
  return (
    <LedgerList id="targets" title={t.ledgerTargets} label={`${t.ledgerTargets} ${query.year}`} notice={notice}
                list={list} filter={filter}
                head={[t.indicator, t.region, t.targetValue, t.actual, t.completion, t.assessment,
                       ...(editable ? [t.actions] : [])]}
                row={(target) => (
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
                )}>
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
    </LedgerList>
  );
}
