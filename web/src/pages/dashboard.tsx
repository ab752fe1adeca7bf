// The official's dashboard: SummarizeAgreements grouped by kind, industry, region and signing
// month (aggregated on the server), each as a chart and an accessible table with exact money,
// and the CSV export. ECharts is loaded lazily, only here.
import {useEffect, useRef, useState} from 'preact/hooks';
import {GroupBy, type AgreementSummary} from '../gen/techmatch/v1/report_pb';
import {ErrorBanner} from '../components/field';
import {EventSummaryPanel} from '../components/event_summary';
import {useI18n, type Strings, type StringKey} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {kKindKeys} from './agreement_labels';
import {download, exportAgreementsCsv} from './agreements_csv';

interface Dimension {
  groupBy: GroupBy;
  titleKey: StringKey;
  line: boolean;
}

const kDimensions: Dimension[] = [
  {groupBy: GroupBy.KIND, titleKey: 'byKind', line: false},
  {groupBy: GroupBy.INDUSTRY, titleKey: 'byIndustry', line: false},
  {groupBy: GroupBy.REGION, titleKey: 'byRegion', line: false},
  {groupBy: GroupBy.SIGN_MONTH, titleKey: 'byMonth', line: true},
];

// Industry resource name → display name in the page's language (zh for both Chinese scripts).
type IndustryNames = Map<string, string>;

function label(row: AgreementSummary, t: Strings, industries: IndustryNames): string {
  const value = row.groupValues[0]?.value ?? '';
  const dimension = row.groupValues[0]?.dimension;
  const key = dimension === GroupBy.KIND ? kKindKeys[value] : undefined;
  if (key) return t[key];
  if (dimension === GroupBy.INDUSTRY) return industries.get(value) ?? value;
  return value || '—';
}

function SummaryBlock({dimension, filter, industries}: {
  dimension: Dimension;
  filter: string;
  industries: IndustryNames;
}) {
  const {lang, t} = useI18n();
  const [rows, setRows] = useState<AgreementSummary[] | null>(null);
  const [total, setTotal] = useState<AgreementSummary | undefined>();
  const [error, setError] = useState('');
  const chartRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setRows(null);
    setError('');
    api.reports().summarizeAgreements({filter, groupBy: [dimension.groupBy]}).then(
      (response) => {
        setRows(response.rows);
        setTotal(response.total);
      },
      (e) => setError(errorMessage(e, t)));
  }, [dimension, filter]);

  useEffect(() => {
    if (!rows || rows.length === 0 || !chartRef.current) return;
    let dispose: (() => void) | null = null;
    let cancelled = false;
    const element = chartRef.current;
    import('../lib/charts').then(({drawChart}) => {
      if (cancelled) return;
      dispose = drawChart(element, {
        labels: rows.map((row) => label(row, t, industries)),
        counts: rows.map((row) => Number(row.agreementCount)),
        amountTexts: rows.map((row) => `${t.contractAmount}: ${formatMoney(row.contractAmount, lang)}`),
        line: dimension.line,
        countName: t.agreementCount,
      });
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [rows, lang, industries]);

  const id = `summary-${GroupBy[dimension.groupBy].toLowerCase()}`;
  return (
    <section class="card summary" aria-labelledby={id}>
      <h3 id={id}>{t[dimension.titleKey]}</h3>
      <ErrorBanner messages={error ? [error] : []} />
      {rows === null && !error && <p aria-live="polite">{t.loading}</p>}
      {rows && rows.length === 0 && <p>{t.empty}</p>}
      {rows && rows.length > 0 && (
        <>
          <div class="chart" ref={chartRef} aria-hidden="true" />
          {/* Focusable, so keyboard users can scroll a table wider than the screen. */}
          <div class="table-scroll" tabIndex={0} role="group" aria-label={t[dimension.titleKey]}>
            <table>
              <caption class="visually-hidden">{t[dimension.titleKey]}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.group}</th>
                  <th scope="col">{t.agreementCount}</th>
                  <th scope="col">{t.contractAmount}</th>
                  <th scope="col">{t.totalInvestment}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.groupValues[0]?.value ?? ''}>
                    <th scope="row">{label(row, t, industries)}</th>
                    <td class="number">{row.agreementCount.toString()}</td>
                    <td class="number">{formatMoney(row.contractAmount, lang)}</td>
                    <td class="number">{formatMoney(row.totalInvestment, lang)}</td>
                  </tr>
                ))}
              </tbody>
              {total && (
                <tfoot>
                  <tr>
                    <th scope="row">{t.total}</th>
                    <td class="number">{total.agreementCount.toString()}</td>
                    <td class="number">{formatMoney(total.contractAmount, lang)}</td>
                    <td class="number">{formatMoney(total.totalInvestment, lang)}</td>
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function Dashboard() {
  const {t} = useI18n();
  const {lang} = useI18n();
  const [industries, setIndustries] = useState<IndustryNames>(new Map());
  // Fetch ECharts while the summaries are computed, not after they arrive.
  useEffect(() => {
    import('../lib/charts');
  }, []);
  useEffect(() => {
    api.industries().listIndustries({pageSize: 1000}).then(
      (response) => setIndustries(new Map(response.industries.map((industry) =>
        [industry.name, (lang === 'en' ? industry.displayNameEn : industry.displayNameZh) || industry.name]))),
      () => {});  // Without names the table shows the resource names.
  }, [lang]);
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function exportCsv() {
    setStatus(t.exporting);
    setError('');
    try {
      const {csv, count} = await exportAgreementsCsv(filter);
      download('agreements.csv', csv);
      setStatus(t.exported.replace('{n}', String(count)));
    } catch (e) {
      setStatus('');
      setError(errorMessage(e, t));
    }
  }

  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{t.dashboardTitle}</h2>
      <form class="filter-bar" onSubmit={(e) => { e.preventDefault(); setFilter(draft.trim()); }}>
        <label for="dashboard-filter">{t.filter}</label>
        <input id="dashboard-filter" value={draft} placeholder='kind = TECHNOLOGY_TRANSFER'
               onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t.apply}</button>
        <button type="button" class="secondary" onClick={exportCsv}>{t.exportCsv}</button>
      </form>
      <p class="notice" role="status">{status}</p>
      <ErrorBanner messages={error ? [error] : []} />
      <div class="summaries">
        {kDimensions.map((d) => <SummaryBlock key={d.groupBy} dimension={d} filter={filter}
                                                   industries={industries} />)}
      </div>
      <EventSummaryPanel />
    </section>
  );
}
