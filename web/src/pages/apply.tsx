// "Apply to join", without an account: an enterprise, university or research institute asks
// to take part (SubmitApplication); an organizer reviews it and invites its contact. Every
// violation shows beside its field.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {Organization_Kind} from '../gen/techmatch/v1/organization_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';
import {kKindKeys} from './applications';

const kKinds = [
  Organization_Kind.ENTERPRISE, Organization_Kind.UNIVERSITY, Organization_Kind.RESEARCH_INSTITUTE,
];
const kPaths = {
  displayName: 'application.organization.display_name',
  kind: 'application.organization.kind',
  regionCode: 'application.organization.region_code',
  industries: 'application.organization.industries',
  contactEmail: 'application.contact_email',
  contactName: 'application.contact_name',
};

const split = (text: string) => text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

// The violations of `field` and of its elements (`industries[0]`).
function errorOf(errors: FieldErrors, field: string): string|undefined {
  const found = [...errors].filter(([path]) => path === field || path.startsWith(`${field}[`))
                    .map(([, message]) => message);
  return found.length > 0 ? found.join('; ') : undefined;
}

export function Apply() {
  const {t} = useI18n();
  const [displayName, setDisplayName] = useState('');
  const [kind, setKind] = useState(Organization_Kind.ENTERPRISE);
  const [regionCode, setRegionCode] = useState('');
  const [industries, setIndustries] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactName, setContactName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [requestId] = useState(() => crypto.randomUUID());

  async function submit(e: Event) {
    e.preventDefault();
    setErrors(new Map());
    setBusy(true);
    try {
      await api.registrations().submitApplication({
        requestId,
        application: {
          organization: {
            displayName: displayName.trim(), kind, regionCode: regionCode.trim(),
            industries: split(industries).map((i) => i.includes('/') ? i : `industries/${i}`),
          },
          contactEmail: contactEmail.trim(),
          contactName: contactName.trim(),
        },
      });
      setDone(true);
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section class="card" aria-labelledby="apply-title">
        <h2 id="apply-title">{t.applyTitle}</h2>
        <p role="status">{t.applySubmitted}</p>
        <p><a href="#/sign-in">{t.navSignIn}</a></p>
      </section>
    );
  }
  const owned = Object.values(kPaths);
  const unowned = [...errors]
                      .filter(([path]) => !owned.some((o) => path === o || path.startsWith(`${o}[`)))
                      .map(([path, message]) => (path ? `${path}: ${message}` : message));
  const kindError = errorOf(errors, kPaths.kind);
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="apply-title">
      <h2 id="apply-title">{t.applyTitle}</h2>
      <p>{t.applyHint}</p>
      <ErrorBanner messages={unowned} />
      <Field id="apply-display-name" label={t.organizationName} value={displayName}
             onInput={setDisplayName} error={errorOf(errors, kPaths.displayName)} required />
      <div class={kindError ? 'field field-invalid' : 'field'}>
        <label for="apply-kind">{t.kind}</label>
        <select id="apply-kind" value={String(kind)}
                aria-invalid={kindError ? true : undefined}
                aria-describedby={kindError ? 'apply-kind-error' : undefined}
                onChange={(e) => setKind(Number((e.currentTarget as HTMLSelectElement).value))}>
          {kKinds.map((k) => <option key={k} value={String(k)}>{t[kKindKeys[k]!]}</option>)}
        </select>
        {kindError && <p id="apply-kind-error" class="field-error" role="alert">{kindError}</p>}
      </div>
      <Field id="apply-region-code" label={t.regionCode} value={regionCode} inputMode="numeric"
             onInput={setRegionCode} error={errorOf(errors, kPaths.regionCode)} />
      <Field id="apply-industries" label={t.fieldIndustries} value={industries}
             onInput={setIndustries} error={errorOf(errors, kPaths.industries)} />
      <Field id="apply-contact-name" label={t.contactName} value={contactName}
             onInput={setContactName} error={errorOf(errors, kPaths.contactName)} required />
      <Field id="apply-contact-email" label={t.contactEmail} type="email" value={contactEmail}
             autoComplete="email" onInput={setContactEmail}
             error={errorOf(errors, kPaths.contactEmail)} required />
      <button type="submit" disabled={busy}>{t.applySubmit}</button>
    </form>
  );
}
