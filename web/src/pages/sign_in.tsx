// Sign-in (POST /session: the server sets the HttpOnly session cookie) and the workspace
// choice: which role's pages to show and for which organization.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {useI18n} from '../i18n/i18n';
import {signIn} from '../lib/api';
import type {Role, Workspace} from '../lib/workspace';

const kRoles: Array<{role: Role; key: 'roleEnterprise' | 'roleInstitute' | 'roleOrganizer' | 'roleOfficial'}> = [
  {role: 'ENTERPRISE', key: 'roleEnterprise'},
  {role: 'INSTITUTE', key: 'roleInstitute'},
  {role: 'ORGANIZER', key: 'roleOrganizer'},
  {role: 'OFFICIAL', key: 'roleOfficial'},
];

export function SignIn({workspace, onWorkspace}: {
  workspace: Workspace | null;
  onWorkspace: (workspace: Workspace) => void;
}) {
  const {t} = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [signedIn, setSignedIn] = useState(false);
  const [role, setRole] = useState<Role>(workspace?.role ?? 'ENTERPRISE');
  const [organization, setOrganization] = useState(workspace?.organization ?? '');

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    const response = await signIn(email, password);
    if (response.status === 204) {
      setSignedIn(true);
      return;
    }
    let message = `${t.signInFailed} (HTTP ${response.status})`;
    try {
      const body = await response.json();
      if (body?.message) message = `${t.signInFailed}: ${body.message}`;
    } catch {
      // Not a Connect error body: keep the status.
    }
    setError(message);
  }

  return (
    <div class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t.signInTitle}</h2>
        <ErrorBanner messages={error ? [error] : []} />
        {signedIn && <p class="notice" role="status">✓</p>}
        <Field id="sign-in-email" label={t.email} type="email" autoComplete="username"
               value={email} onInput={setEmail} required />
        <Field id="sign-in-password" label={t.password} type="password"
               autoComplete="current-password" value={password} onInput={setPassword} required />
        <button type="submit">{t.signInButton}</button>
      </form>
      <form class="card" aria-labelledby="workspace-title"
            onSubmit={(e) => { e.preventDefault(); onWorkspace({role, organization: organization.trim()}); }}>
        <h2 id="workspace-title">{t.workspaceTitle}</h2>
        <p>{t.workspaceHint}</p>
        <div class="field">
          <label for="workspace-role">{t.role}</label>
          <select id="workspace-role" value={role}
                  onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
            {kRoles.map(({role: r, key}) => <option key={r} value={r}>{t[key]}</option>)}
          </select>
        </div>
        {(role === 'ENTERPRISE' || role === 'INSTITUTE' || role === 'ORGANIZER') && (
          <Field id="workspace-organization" label={t.organization} value={organization}
                 onInput={setOrganization} />
        )}
        <button type="submit">{t.enter}</button>
      </form>
    </div>
  );
}
