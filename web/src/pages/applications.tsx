// Organizations' applications to join, for organizers and administrators: the pending ones
// (ListApplications, `state = PENDING`), each approved (the organization is created and its
// contact invited: the one-time invitation code is shown here once, to pass on) or rejected
// with a reason beside which its violations show.
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {Organization_Kind} from '../gen/techmatch/v1/organization_pb';
import type {Application} from '../gen/techmatch/v1/registration_pb';
import {useI18n, type StringKey} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors} from '../lib/field_errors';

export const kKindKeys: Partial<Record<Organization_Kind, StringKey>> = {
  [Organization_Kind.ENTERPRISE]: 'kindEnterprise',
  [Organization_Kind.UNIVERSITY]: 'kindUniversity',
  [Organization_Kind.RESEARCH_INSTITUTE]: 'kindResearchInstitute',
};

// What an approval gave: shown until the next decision, as the code is never shown again.
interface Approved {
  organization: string;
  email: string;
  code: string;
}

function Pending({application, onApproved, onRejected}: {
  application: Application;
  onApproved: (approved: Approved) => void;
  onRejected: (message: string) => void;
}) {
  const {t} = useI18n();
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const org = application.organization;
  const id = `application-${application.name.split('/').pop()}`;
  const title = org?.displayName ?? application.name;

  async function act(action: () => Promise<void>) {
    setErrors(new Map());
    setBusy(true);
    try {
      await action();
    } catch (e) {
      const found = fieldErrors(e);
      if (found.size === 0) found.set('', errorMessage(e, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const approve = () => act(async () => {
    const answer = await api.registrations().approveApplication(
        {name: application.name, organizationId: organizationId.trim()});
    onApproved({
      organization: answer.organization?.name ?? '',
      email: answer.invitation?.email ?? application.contactEmail,
      code: answer.invitation?.code ?? '',
    });
  });
  const reject = () => act(async () => {
    await api.registrations().rejectApplication({name: application.name, reason: reason.trim()});
    onRejected(`${t.rejected}: ${title}`);
  });

  const owned = new Set(['organization_id', 'reason']);
  const unowned = [...errors].filter(([path]) => !owned.has(path))
                      .map(([path, message]) => (path ? `${path}: ${message}` : message));
  const kindKey = org ? kKindKeys[org.kind] : undefined;
  return (
    <li class="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="meta">
        <span>{kindKey ? t[kindKey] : ''}</span> · <span>{t.regionCode}: {org?.regionCode}</span> ·{' '}
        <span>{org?.industries.join('、')}</span>
      </p>
      <p>{t.contact}: {application.contactName} &lt;{application.contactEmail}&gt;</p>
      <ErrorBanner messages={unowned} />
      <form class="inline-form" noValidate aria-label={`${t.approve}: ${title}`}
            onSubmit={(e) => { e.preventDefault(); approve(); }}>
        <Field id={`${id}-organization-id`} label={t.newOrganizationId} value={organizationId}
               onInput={setOrganizationId} error={errors.get('organization_id')} />
        <button type="submit" disabled={busy}>{t.approve}</button>
      </form>
      <form class="inline-form" noValidate aria-label={`${t.reject}: ${title}`}
            onSubmit={(e) => { e.preventDefault(); reject(); }}>
        <Field id={`${id}-reason`} label={t.rejectReason} value={reason} multiline
               onInput={setReason} error={errors.get('reason')} />
        <button type="submit" class="danger" disabled={busy}>{t.reject}</button>
      </form>
    </li>
  );
}

export function Applications() {
  const {t} = useI18n();
  const [items, setItems] = useState<Application[]|null>(null);
  const [error, setError] = useState('');
  const [approved, setApproved] = useState<Approved|null>(null);
  const [notice, setNotice] = useState('');

  const reload = () => api.registrations()
                           .listApplications({filter: 'state = PENDING', pageSize: 200})
                           .then((r) => setItems(r.applications), (e) => setError(errorMessage(e, t)));
  useEffect(() => { reload(); }, []);

  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t.applicationsTitle}</h2>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {approved && (
        <div class="card invitation-code" role="region" aria-labelledby="invitation-code-title">
          <h3 id="invitation-code-title">{t.invitationIssued}</h3>
          <p>{approved.organization} · {approved.email}</p>
          <p><strong>{t.invitationCode}:</strong> <code>{approved.code}</code></p>
          <p>{t.invitationCodeOnce}</p>
        </div>
      )}
      {items === null && !error && <p aria-live="polite">{t.loading}</p>}
      {items && items.length === 0 && <p>{t.applicationsEmpty}</p>}
      <ul class="listings">
        {items?.map((application) => (
          <Pending key={application.name} application={application}
                   onApproved={(a) => { setNotice(''); setApproved(a); reload(); }}
                   onRejected={(m) => { setApproved(null); setNotice(m); reload(); }} />
        ))}
      </ul>
    </section>
  );
}
