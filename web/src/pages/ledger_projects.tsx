// Funded projects: the list, narrowed by year approved, level and region (the server's filter;
// a region includes every region under it), with approved and arrived funds exactly and a mark
// where more arrived than was approved. A title opens the project with its fund arrivals.
// Organizers record new projects, edit them and record arrivals; others read what the server
// lists to them (an enterprise or institute: the projects its organization leads or joins).
import {useState} from 'preact/hooks';
import {displayName, useOrganizations} from '../components/organizations';
import {usePagedList} from '../components/paged_list';
import {Project_Level, type Project} from '../gen/techmatch/v1/project_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {formatMoney} from '../lib/money';
import {FilterSelect, listFilter, YearRegionFilter} from './ledger_filter';
import {kLevels, labelOf} from './ledger_labels';
import {LedgerList} from './ledger_list';
import {ProjectDetail} from './ledger_project_detail';
import {ProjectForm} from './ledger_project_form';

export function Projects({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, level: '', region});
  const [levelDraft, setLevelDraft] = useState('');
  const [notice, setNotice] = useState('');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState('');
  const list = usePagedList(async (pageToken, signal) => {
    const response = await api.projects().listProjects(
        {filter: listFilter(query.year, query.region, query.level ? [`level = ${query.level}`] : []),
         pageSize: 200, pageToken}, {signal});
    return {items: response.projects, next: response.nextPageToken};
  }, [query]);

  const level = (p: Project) => {
    const key = labelOf(kLevels, p.level);
    return key ? t[key] : '—';
  };
  const changed = (project: Project) =>
    list.update((projects) => projects.map((p) => (p.name === project.name ? project : p)));
  const filter = (
    <YearRegionFilter id="projects" year={query.year} region={query.region}
                      onApply={(year, region) => setQuery({year, level: levelDraft, region})}>
      <FilterSelect id="projects-level" label={t.level} all={t.allLevels} value={levelDraft}
                    onChange={setLevelDraft}
                    options={kLevels.map(([l, key]) => [Project_Level[l], t[key]] as const)} />
    </YearRegionFilter>
  );
  return (
    <LedgerList id="projects" title={t.ledgerProjects} notice={notice} list={list} filter={filter}
                head={[t.fieldTitle, t.level, t.programme, t.leadOrganization, t.region, t.yearApproved,
                       t.approvedFunds, t.arrivedFunds]}
                row={(p) => (
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
                )}>
      {editable && (creating ? (
        <ProjectForm onDone={(saved) => {
          setCreating(false);
          if (!saved) return;
          setNotice(`${t.saved}: ${saved.title}`);
          setOpen(saved.name);
          list.reload();
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newProject}</button>
      ))}
      {open && (
        <ProjectDetail name={open} editable={editable} onChanged={changed} onClose={() => setOpen('')} />
      )}
    </LedgerList>
  );
}
