// One funded project in full: level, programme, lead and partners by name, region, year,
// approved and arrived funds exactly (marked when more arrived than was approved), and its fund
// arrivals in recording order. Organizers edit it (with the etag it read) and record an arrival
// (append-only: arrivals are never changed), after which the project is read again for its sums.
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {displayName, useOrganizations} from '../components/organizations';
import type {FundArrival, Project} from '../gen/techmatch/v1/project_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {cstDay} from './agreement_fields';
import {ArrivalForm} from './ledger_arrival_form';
import {kLevels, labelOf} from './ledger_labels';
import {ProjectForm} from './ledger_project_form';

async function allArrivals(parent: string): Promise<FundArrival[]> {
  const found: FundArrival[] = [];
  let pageToken = '';
  for (let page = 0; page < 20; ++page) {
    const response = await api.projects().listFundArrivals({parent, pageSize: 1000, pageToken});
    found.push(...response.fundArrivals);
    pageToken = response.nextPageToken;
    if (!pageToken) break;
  }
  return found;
}

export function ProjectDetail({name, editable, onChanged, onClose}: {
  name: string;
  editable: boolean;
  onChanged: (project: Project) => void;
  onClose: () => void;
}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [project, setProject] = useState<Project|null>(null);
  const [arrivals, setArrivals] = useState<FundArrival[]>([]);
  const [mode, setMode] = useState<'view'|'edit'|'arrival'>('view');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function load() {
    try {
      const [read, listed] = await Promise.all([api.projects().getProject({name}), allArrivals(name)]);
      setProject(read);
      setArrivals(listed);
      return read;
    } catch (e) {
      setError(errorMessage(e, t));
      return null;
    }
  }
  useEffect(() => {
    setProject(null);
    setMode('view');
    setError('');
    setStatus('');
    load();
  }, [name]);

  if (!project) {
    return <section class="card"><ErrorBanner messages={error ? [error] : []} />{!error && <p>{t.loading}</p>}</section>;
  }
  if (mode === 'edit') {
    return (
      <ProjectForm project={project} onDone={(saved) => {
        setMode('view');
        if (!saved) return;
        setStatus(`${t.saved}: ${saved.title}`);
        setProject(saved);
        onChanged(saved);
      }} />
    );
  }
  const levelKey = labelOf(kLevels, project.level);
  return (
    <section class="card" aria-labelledby="project-detail-title">
      <h4 id="project-detail-title">{project.title}</h4>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{status}</p>
      <dl class="details">
        <dt>{t.level}</dt><dd>{levelKey ? t[levelKey] : '—'}</dd>
        <dt>{t.programme}</dt><dd>{project.programme}</dd>
        <dt>{t.leadOrganization}</dt><dd>{displayName(organizations, project.leadOrganization)}</dd>
        {project.partners.length > 0 && (
          <>
            <dt>{t.partners}</dt>
            <dd><ul>{project.partners.map((p) => <li key={p}>{displayName(organizations, p)}</li>)}</ul></dd>
          </>
        )}
        <dt>{t.region}</dt><dd>{project.regionCode}</dd>
        <dt>{t.yearApproved}</dt><dd>{project.year}</dd>
        <dt>{t.approvedFunds}</dt><dd class="number">{formatMoney(project.approvedFunds, lang)}</dd>
        <dt>{t.arrivedFunds}</dt>
        <dd class="number">
          {formatMoney(project.arrivedFunds, lang)}
          {project.overApproved && <span class="over-approved"> ({t.overApproved})</span>}
        </dd>
      </dl>
      {editable && mode === 'view' && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => { setStatus(''); setMode('edit'); }}>{t.edit}</button>
          <button type="button" onClick={() => { setStatus(''); setMode('arrival'); }}>{t.recordArrival}</button>
        </div>
      )}
      {mode === 'arrival' && (
        <ArrivalForm project={project} onDone={async (arrival) => {
          setMode('view');
          if (!arrival) return;
          setStatus(`${t.arrivalRecorded}: ${formatMoney(arrival.amount, lang)}`);
          const read = await load();
          if (read) onChanged(read);
        }} />
      )}
      <div class="table-scroll" tabIndex={0} role="group" aria-label={t.fundArrivals}>
        <table>
          <caption>{t.fundArrivals}</caption>
          <thead>
            <tr><th scope="col">{t.arriveDay}</th><th scope="col">{t.amount}</th><th scope="col">{t.note}</th></tr>
          </thead>
          <tbody>
            {arrivals.length === 0 && <tr><td colSpan={3}>{t.empty}</td></tr>}
            {arrivals.map((a) => (
              <tr key={a.name}>
                <th scope="row">{cstDay(a.arriveTime) || '—'}</th>
                <td class="number">{formatMoney(a.amount, lang)}</td>
                <td>{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>{t.close}</button>
      </div>
    </section>
  );
}

