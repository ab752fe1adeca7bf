// The programme ledger: a navigation between its sections (#/ledger/targets, /projects,
// /commissioners, /financing) and the section open. Organizers and administrators write;
// officials read (the server keeps a regional official to its region, so the region filters
// start at it); enterprises and institutes read their own organization's projects and
// financing, which is all the server lists to them.
import {useI18n, type StringKey} from '../i18n/i18n';
import type {Role, Workspace} from '../lib/workspace';
import {Commissioners} from './ledger_commissioners';
import {Financings} from './ledger_financing';
import {Projects} from './ledger_projects';
import {Targets} from './ledger_targets';

type Section = 'targets'|'projects'|'commissioners'|'financing';

const kSectionKeys: Record<Section, StringKey> = {
  targets: 'ledgerTargets',
  projects: 'ledgerProjects',
  commissioners: 'ledgerCommissioners',
  financing: 'ledgerFinancing',
};

const kAll: Section[] = ['targets', 'projects', 'commissioners', 'financing'];
const kSectionsByRole: Record<Role, Section[]> = {
  ORGANIZER: kAll,
  OFFICIAL: kAll,
  ENTERPRISE: ['projects', 'financing'],
  INSTITUTE: ['projects', 'financing'],
};

export function Ledger({workspace, region, section}: {
  workspace: Workspace;
  region: string;
  section: string;
}) {
  const {t} = useI18n();
  const sections = kSectionsByRole[workspace.role];
  const open = (sections as string[]).includes(section) ? section as Section : sections[0];
  const editable = workspace.role === 'ORGANIZER';
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t.ledgerTitle}</h2>
      <nav class="subnav" aria-label={t.ledgerTitle}>
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <a href={`#/ledger/${s}`} aria-current={open === s ? 'page' : undefined}>{t[kSectionKeys[s]]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {open === 'targets' && <Targets editable={editable} region={region} />}
      {open === 'projects' && <Projects editable={editable} region={region} />}
      {open === 'commissioners' && <Commissioners editable={editable} region={region} />}
      {open === 'financing' && <Financings editable={editable} region={region} />}
    </section>
  );
}
