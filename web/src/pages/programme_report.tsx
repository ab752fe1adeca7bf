// The programme's annual report of a region (GetProgrammeReport) for officials, organizers and
// administrators: a year and a region chosen, the narrative paragraphs in the page's language
// (written by the server; asked again when the language changes), then every section as
// tables — indicators against targets, the year's fairs, agreements, funded projects by level
// against the previous year (and those where more arrived than was approved), commissioners,
// financing by kind and the direct subordinate regions side by side — every amount exact.
// **Print** uses the browser's print (to PDF); the print stylesheet leaves out the navigation
// and the controls and keeps table rows and headings with their tables.
import type {ComponentChildren} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import type {
  CommissionersReport, FinancingKindReport, IndicatorReport, ProgrammeReport as Report,
  ProjectLevelReport, RegionProgrammeFigures,
} from '../gen/techmatch/v1/report_pb';
import {useI18n, type Strings} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {formatChange, formatCount, formatFigure, formatPercentBp} from '../lib/figures';
import {formatMoney} from '../lib/money';
import {kCountOutcomes, kMoneyOutcomes} from './ledger_commissioner_fields';
import {kAssessments, kFinancingKinds, kLevels, labelOf, thisYear} from './ledger_labels';

// The agreement figures the report shows, by their names in the API and the string tables.
const kAgreementAmounts =
    ['contractAmount', 'totalInvestment', 'realizedOutputValue', 'realizedProfitTax'] as const;

function Table({label, head, children, foot}: {
  label: string;
  head: string[];
  children: ComponentChildren;
  foot?: ComponentChildren;
}) {
  return (
    <div class="table-scroll" tabIndex={0} role="group" aria-label={label}>
      <table>
        <caption class="visually-hidden">{label}</caption>
        <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}

// A labelled figure: the rows of the sections that are lists of figures.
function FigureRow({label, value}: {label: string; value: string}) {
  return <tr><th scope="row">{label}</th><td class="number">{value}</td></tr>;
}

function IndicatorsTable({rows, label}: {rows: IndicatorReport[]; label: string}) {
  const {lang, t} = useI18n();
  if (rows.length === 0) return <p>{t.empty}</p>;
  return (
    <Table label={label} head={[t.indicator, t.targetValue, t.actual, t.completion, t.assessment]}>
      {rows.map((r) => {
        const key = labelOf(kAssessments, r.assessment);
        return (
          <tr key={r.indicator}>
            <th scope="row">{(lang === 'en' ? r.displayNameEn : r.displayNameZh) || r.indicator}</th>
            <td class="number">{formatFigure(r.target?.value, lang)}</td>
            <td class="number">{formatFigure(r.actual?.value, lang)}</td>
            <td class="number">{r.completion !== undefined ? formatPercentBp(r.completion) : '—'}</td>
            <td>{key ? t[key] : '—'}</td>
          </tr>
        );
      })}
    </Table>
  );
}

function levelName(row: ProjectLevelReport, t: Strings): string {
  const key = labelOf(kLevels, row.level);
  return key ? t[key] : t.total;
}

function ProjectsTables({figures, label}: {figures: RegionProgrammeFigures; label: string}) {
  const {lang, t} = useI18n();
  const projects = figures.projects;
  if (!projects || (projects.levels.length === 0 && projects.overArrived.length === 0)) return <p>{t.empty}</p>;
  const row = (r: ProjectLevelReport, total: boolean) => (
    <tr key={total ? 'total' : r.level}>
      <th scope="row">{total ? t.total : levelName(r, t)}</th>
      <td class="number">{formatCount(r.projectCount, lang)}</td>
      <td class="number">{formatChange(r.projectCountChange, lang)}</td>
      <td class="number">{formatMoney(r.approvedFunds, lang)}</td>
      <td class="number">{formatChange(r.approvedFundsChange, lang)}</td>
      <td class="number">{formatMoney(r.arrivedFunds, lang)}</td>
      <td class="number">{formatChange(r.arrivedFundsChange, lang)}</td>
    </tr>
  );
  return (
    <>
      <Table label={label}
             head={[t.level, t.projectCount, t.yearChange, t.approvedFunds, t.yearChange, t.arrivedFunds,
                    t.yearChange]}
             foot={projects.total && row(projects.total, true)}>
        {projects.levels.map((r) => row(r, false))}
      </Table>
      {projects.overArrived.length > 0 && (
        <Table label={`${label}: ${t.overArrivedProjects}`}
               head={[t.fieldTitle, t.level, t.region, t.approvedFunds, t.arrivedFunds, t.excess]}>
          {projects.overArrived.map((p) => {
            const key = labelOf(kLevels, p.level);
            return (
              <tr key={p.project}>
                <th scope="row">{p.title}</th>
                <td>{key ? t[key] : '—'}</td>
                <td>{p.regionCode}</td>
                <td class="number">{formatMoney(p.approvedFunds, lang)}</td>
                <td class="number">{formatMoney(p.arrivedFunds, lang)}</td>
                <td class="number">{formatMoney(p.excess, lang)}</td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}

function CommissionersTable({report, label}: {report: CommissionersReport|undefined; label: string}) {
  const {lang, t} = useI18n();
  if (!report || report.commissionerCount === 0n) return <p>{t.empty}</p>;
  return (
    <Table label={label} head={[t.item, t.figure]}>
      <FigureRow label={t.commissionerCount} value={formatCount(report.commissionerCount, lang)} />
      <FigureRow label={t.homeOrganizationCount} value={formatCount(report.homeOrganizationCount, lang)} />
      {kCountOutcomes.map((o) => (
        <FigureRow key={o.path} label={t[o.key]} value={formatCount(report[o.field], lang)} />
      ))}
      {kMoneyOutcomes.map((o) => (
        <FigureRow key={o.path} label={t[o.key]} value={formatMoney(report[o.field], lang)} />
      ))}
    </Table>
  );
}

function FinancingTable({figures, label}: {figures: RegionProgrammeFigures; label: string}) {
  const {lang, t} = useI18n();
  const financing = figures.financing;
  if (!financing || financing.kinds.length === 0) return <p>{t.empty}</p>;
  const row = (r: FinancingKindReport, total: boolean) => {
    const key = labelOf(kFinancingKinds, r.kind);
    return (
      <tr key={total ? 'total' : r.kind}>
        <th scope="row">{total ? t.total : key ? t[key] : '—'}</th>
        <td class="number">{formatCount(r.financingCount, lang)}</td>
        <td class="number">{formatCount(r.recipientCount, lang)}</td>
        <td class="number">{formatMoney(r.amount, lang)}</td>
      </tr>
    );
  };
  return (
    <Table label={label} head={[t.financingKind, t.financingCount, t.recipientCount, t.amount]}
           foot={financing.total && row(financing.total, true)}>
      {financing.kinds.map((r) => row(r, false))}
    </Table>
  );
}

function SubordinatesTable({regions, label}: {regions: RegionProgrammeFigures[]; label: string}) {
  const {lang, t} = useI18n();
  if (regions.length === 0) return <p>{t.empty}</p>;
  return (
    <Table label={label}
           head={[t.region, t.agreementCount, t.contractAmount, t.projectCount, t.approvedFunds, t.arrivedFunds,
                  t.commissionerCount, t.financingAmount]}>
      {regions.map((r) => (
        <tr key={r.regionCode}>
          <th scope="row">{r.regionCode}</th>
          <td class="number">{formatCount(r.agreements?.agreementCount ?? 0n, lang)}</td>
          <td class="number">{formatMoney(r.agreements?.contractAmount, lang)}</td>
          <td class="number">{formatCount(r.projects?.total?.projectCount ?? 0n, lang)}</td>
          <td class="number">{formatMoney(r.projects?.total?.approvedFunds, lang)}</td>
          <td class="number">{formatMoney(r.projects?.total?.arrivedFunds, lang)}</td>
          <td class="number">{formatCount(r.commissioners?.commissionerCount ?? 0n, lang)}</td>
          <td class="number">{formatMoney(r.financing?.total?.amount, lang)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function ProgrammeReport({region}: {region: string}) {
  const {lang, t} = useI18n();
  const [yearText, setYearText] = useState(String(thisYear()));
  const [regionText, setRegionText] = useState(region);
  const [query, setQuery] = useState<{year: number; region: string}|null>(
      region ? {year: thisYear(), region} : null);
  const [report, setReport] = useState<Report|null>(null);
  const [events, setEvents] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    api.events().listEvents({pageSize: 200}).then(
        (r) => setEvents(new Map(r.events.map((e: Fair) => [e.name, e.displayName]))), () => {});
  }, []);
  useEffect(() => {
    if (!query) return;
    setLoading(true);
    setErrors(new Map());
    api.reports().getProgrammeReport({year: query.year, regionCode: query.region, languageCode: lang}).then(
        (r) => setReport(r),
        (e) => {
          const found = fieldErrors(e);
          if (found.size === 0) found.set('', errorMessage(e, t));
          setErrors(found);
          setReport(null);
        }).finally(() => setLoading(false));
  }, [query, lang]);

  function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    if (!/^\d{4}$/.test(yearText.trim())) local.set('year', t.yearBad);
    if (!/^\d{6}$/.test(regionText.trim())) local.set('region_code', t.regionBad);
    if (local.size > 0) {
      setErrors(local);
      return;
    }
    setQuery({year: Number(yearText.trim()), region: regionText.trim()});
  }

  const yearError = errorAt(errors, 'year');
  const regionError = errorAt(errors, 'region_code');
  const figures = report?.region;
  const section = (id: string, title: string, body: ComponentChildren) => (
    <section class="report-section" aria-labelledby={`report-${id}`}>
      <h3 id={`report-${id}`}>{title}</h3>
      {body}
    </section>
  );
  return (
    <section class="programme-report" aria-labelledby="report-title">
      <h2 id="report-title">
        {report ? `${t.reportTitle} · ${report.region?.regionCode ?? ''} · ${report.year}` : t.reportTitle}
      </h2>
      <form class="filter-bar ledger-filter report-controls" onSubmit={submit} noValidate aria-label={t.reportChoose}>
        <div class={yearError ? 'field field-invalid' : 'field'}>
          <label for="report-year">{t.year}</label>
          <input id="report-year" value={yearText} inputMode="numeric" size={6}
                 aria-invalid={yearError ? true : undefined} aria-describedby={yearError ? 'report-year-error' : undefined}
                 onInput={(e) => setYearText((e.currentTarget as HTMLInputElement).value)} />
          {yearError && <p id="report-year-error" class="field-error" role="alert">{yearError}</p>}
        </div>
        <div class={regionError ? 'field field-invalid' : 'field'}>
          <label for="report-region">{t.regionCode}</label>
          <input id="report-region" value={regionText} inputMode="numeric" size={8}
                 aria-invalid={regionError ? true : undefined} aria-describedby={regionError ? 'report-region-error' : undefined}
                 onInput={(e) => setRegionText((e.currentTarget as HTMLInputElement).value)} />
          {regionError && <p id="report-region-error" class="field-error" role="alert">{regionError}</p>}
        </div>
        <button type="submit">{t.showReport}</button>
        <button type="button" class="secondary" disabled={!report} onClick={() => window.print()}>
          {t.print}
        </button>
      </form>
      <ErrorBanner messages={unownedErrors(errors, ['year', 'region_code'])} />
      {loading && <p aria-live="polite">{t.loading}</p>}
      {report && figures && (
        <>
          {section('narrative', t.reportNarrative, (
            <div class="narrative">
              {report.narrative.length === 0 ? <p>{t.empty}</p> : report.narrative.map((p, i) => <p key={i}>{p}</p>)}
            </div>
          ))}
          {section('indicators', t.ledgerTargets,
                   <IndicatorsTable rows={figures.indicators} label={t.ledgerTargets} />)}
          {section('events', t.reportEvents, report.events.length === 0 ? <p>{t.empty}</p> : (
            <Table label={t.reportEvents}
                   head={[t.navEvents, t.enterpriseCount, t.universityCount, t.needsCount, t.offeringsCount,
                          t.agreementCount, t.contractAmount]}>
              {report.events.map((e) => (
                <tr key={e.event}>
                  <th scope="row">{events.get(e.event) ?? e.event}</th>
                  <td class="number">{formatCount(e.enterpriseCount, lang)}</td>
                  <td class="number">{formatCount(e.universityCount + e.researchInstituteCount, lang)}</td>
                  <td class="number">{formatCount(e.needsCount, lang)}</td>
                  <td class="number">{formatCount(e.offeringsCount, lang)}</td>
                  <td class="number">{formatCount(e.total?.agreementCount ?? 0n, lang)}</td>
                  <td class="number">{formatMoney(e.total?.contractAmount, lang)}</td>
                </tr>
              ))}
            </Table>
          ))}
          {section('agreements', t.reportAgreements, !figures.agreements ? <p>{t.empty}</p> : (
            <Table label={t.reportAgreements} head={[t.item, t.figure]}>
              <FigureRow label={t.agreementCount} value={formatCount(figures.agreements.agreementCount, lang)} />
              {kAgreementAmounts.map((f) => (
                <FigureRow key={f} label={t[f]} value={formatMoney(figures.agreements?.[f], lang)} />
              ))}
            </Table>
          ))}
          {section('projects', t.ledgerProjects, <ProjectsTables figures={figures} label={t.ledgerProjects} />)}
          {section('commissioners', t.ledgerCommissioners,
                   <CommissionersTable report={figures.commissioners} label={t.ledgerCommissioners} />)}
          {section('financing', t.ledgerFinancing, <FinancingTable figures={figures} label={t.ledgerFinancing} />)}
          {section('regions', t.reportSubordinates,
                   <SubordinatesTable regions={report.subordinateRegions} label={t.reportSubordinates} />)}
        </>
      )}
    </section>
  );
}
