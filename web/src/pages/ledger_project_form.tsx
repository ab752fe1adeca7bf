// The organizer's form for a new funded project or an edit of one: title, level, programme,
// the lead organization and partners, the region it counts in, the year approved and the
// approved funds as exact yuan. An edit sends the etag it read, so a change made meanwhile is
// refused; each problem found here or by the server shows beside its field.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {OrganizationSelect, OrganizationsSelect} from '../components/organization_select';
import {SelectField} from '../components/select_field';
import {Project_Level, type Project} from '../gen/techmatch/v1/project_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {moneyInput, parseYuanInput, type MoneyLike} from '../lib/money';
import {kLevels, thisYear} from './ledger_labels';

const kPaths = ['title', 'level', 'programme', 'lead_organization', 'partners', 'region_code', 'year',
                'approved_funds'];

export function ProjectForm({project, onDone}: {
  project?: Project;
  onDone: (saved: Project|null) => void;
}) {
  const {t} = useI18n();
  const [title, setTitle] = useState(project?.title ?? '');
  const [level, setLevel] = useState(String(project?.level ?? Project_Level.NATIONAL));
  const [programme, setProgramme] = useState(project?.programme ?? '');
  const [lead, setLead] = useState(project?.leadOrganization ?? '');
  const [partners, setPartners] = useState<string[]>(project?.partners ?? []);
  const [regionCode, setRegionCode] = useState(project?.regionCode ?? '');
  const [yearText, setYearText] = useState(String(project?.year ?? thisYear()));
  const [approved, setApproved] = useState(moneyInput(project?.approvedFunds));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `project-${project ? 'edit' : 'new'}-${name}`;
  const heading = project ? `${t.edit}: ${project.title}` : t.newProject;

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    let approvedFunds: MoneyLike|undefined;
    if (approved.trim()) {
      const parsed = parseYuanInput(approved);
      if ('problem' in parsed) local.set('project.approved_funds', t[parsed.problem]);
      else approvedFunds = parsed.money;
    }
    if (!/^\d{4}$/.test(yearText.trim())) local.set('project.year', t.yearBad);
    if (local.size > 0) {
      setErrors(local);
      return;
    }
    const fields = {
      title: title.trim(), level: Number(level), programme: programme.trim(), leadOrganization: lead,
      partners, regionCode: regionCode.trim(), year: Number(yearText.trim()), approvedFunds,
    };
    setBusy(true);
    try {
      const saved = project
        ? await api.projects().updateProject({
          project: {...fields, name: project.name, etag: project.etag},
          updateMask: {paths: kPaths},
        })
        : await api.projects().createProject({project: fields, requestId: crypto.randomUUID()});
      onDone(saved);
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const at = (path: string) => errorAt(errors, `project.${path}`);
  return (
    <form class="card ledger-form" onSubmit={submit} noValidate aria-label={heading}>
      <h4>{heading}</h4>
      <ErrorBanner messages={unownedErrors(errors, kPaths.map((p) => `project.${p}`))} />
      <Field id={id('title')} label={t.fieldTitle} value={title} onInput={setTitle} required
             error={at('title')} />
      <SelectField id={id('level')} label={t.level} value={level} error={at('level')} onChange={setLevel}
                   options={kLevels.map(([l, key]) => [String(l), t[key]] as const)} />
      <Field id={id('programme')} label={t.programme} value={programme} onInput={setProgramme} required
             error={at('programme')} />
      <OrganizationSelect id={id('lead')} label={t.leadOrganization} value={lead} onChange={setLead}
                          error={at('lead_organization')} />
      <OrganizationsSelect id={id('partners')} label={t.partners} values={partners} onChange={setPartners}
                           error={at('partners')} />
      <Field id={id('region')} label={t.regionCode} value={regionCode} onInput={setRegionCode}
             inputMode="numeric" required error={at('region_code')} />
      <Field id={id('year')} label={t.yearApproved} value={yearText} onInput={setYearText}
             inputMode="numeric" required error={at('year')} />
      <Field id={id('approved')} label={`${t.approvedFunds}${t.yuanSuffix}`} value={approved}
             onInput={setApproved} inputMode="decimal" error={at('approved_funds')} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
