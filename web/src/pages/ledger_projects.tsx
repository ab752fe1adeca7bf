// Funded projects: the list, narrowed by year approved, level and region (the server's filter;
// a region includes every region under it), with approved and arrived funds exactly and a mark
// where more arrived than was approved. A title opens the project with its fund arrivals.
// Organizers record new projects, edit them and record arrivals; others read what the server
// lists to them (an enterprise or institute: the projects its organization leads or joins).
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {displayName, useOrganizations} from '../components/organizations';
import {Project_Level, type Project} from '../gen/techmatch/v1/project_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {listFilter, YearRegionFilter} from './ledger_filter';
import {kLevels, labelOf} from './ledger_labels';
import {ProjectDetail} from './ledger_project_detail';
import {ProjectForm} from './ledger_project_form';

export function Projects({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, level: '', region});
  const [levelDraft, setLevelDraft] = useState('');
  const [projects, setProjects] = useState<Project[]|null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState('');

  async function load(pageToken: string) {
    setError('');
    try {
      const response = await api.projects().listProjects(
          {filter: listFilter(query.year, query.region, query.level ? [`level = ${query.level}`] : []),
           pageSize: 200, pageToken});
      setProjects((previous) => [...(pageToken ? previous ?? [] : []), ...response.projects]);
      setNext(response.nextPageToken);
    } catch (e) {
      setError(errorMessage(e, t));
      setProjects([]);
    }
  }
  useEffect(() => {
    setProjects(null);
    load('');
  }, [query]);

  const level = (p: Project) => {
    const key = labelOf(kLevels, p.level);
    return key ? t[key] : '—';
  };
  const changed = (project: Project) =>
    setProjects((list) => list?.map((p) => (p.name === project.name ? project : p)) ?? list);
  return (
    <section aria-labelledby="projects-title">
      <h3 id="projects-title">{t.ledgerProjects}</h3>
      <YearRegionFilter id="projects" year={query.year} region={query.region}
                        onApply={(year, region) => setQuery({year, level: levelDraft, region})}>
        <div class="field">
          <label for="projects-level">{t.level}</label>
          <select id="projects-level" value={levelDraft}
                  onChange={(e) => setLevelDraft((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t.allLevels}</option>
            {kLevels.map(([l, key]) => <option key={l} value={Project_Level[l]}>{t[key]}</option>)}
          </select>
        </div>
      </YearRegionFilter>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editable && (creating ? (
        <ProjectForm onDone={(saved) => {
          setCreating(false);
          if (!saved) return;
          setNotice(`${t.saved}: ${saved.title}`);
          setOpen(saved.name);
          load('');
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newProject}</button>
      ))}
      {open && (
        <ProjectDetail name={open} editable={editable} onChanged={changed} onClose={() => setOpen('')} />
      )}
      {projects === null && <p>{t.loading}</p>}
      {projects && projects.length === 0 && !error && <p>{t.empty}</p>}
      {projects && projects.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t.ledgerProjects}>
          <table>
            <caption class="visually-hidden">{t.ledgerProjects}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fieldTitle}</th><th scope="col">{t.level}</th>
                <th scope="col">{t.programme}</th><th scope="col">{t.leadOrganization}</th>
                <th scope="col">{t.region}</th><th scope="col">{t.yearApproved}</th>
                <th scope="col">{t.approvedFunds}</th><th scope="col">{t.arrivedFunds}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.name}>
                  <th scope="row">
                    <button type="button" class="link" aria-expanded={open === p.name}
                            onClick={() => setOpen(open === p.name ? '' : p.name)}>{p.title}</button>
                  </th>
                  <td>{level(p)}</td>
                  <td>{p.programme}</td>
                  <td>{displayName(organizations, p.leadOrganization)}</td>
                  <td>{p.regionCode}</td>
                  <td class="number">{p.year}</td>
                  <td class="number">{formatMoney(p.approvedFunds, lang)}</td>
                  <td class="number">
                    {formatMoney(p.arrivedFunds, lang)}
                    {p.overApproved && <span class="over-approved"> ({t.overApproved})</span>}
                  </td>
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
