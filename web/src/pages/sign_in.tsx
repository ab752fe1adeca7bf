// Sign-in (POST /session: the server sets the HttpOnly session cookie and answers the account,
// whose role picks the pages), with the ways in for people without an account: applying to
// join, and accepting an invitation.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {useI18n} from '../i18n/i18n';
import {signIn} from '../lib/api';
import {principalFromJson, type Principal} from '../lib/workspace';

export function SignIn({email: initialEmail, onSignedIn}: {
  email?: string;
  onSignedIn: (principal: Principal) => void;
}) {
  const {t} = useI18n();
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      const response = await signIn(email, password);
      let body: {message?: string}|null = null;
      try {
        body = await response.json();
      } catch {
        // Not JSON: keep the status.
      }
      const principal = response.ok ? principalFromJson(body) : null;
      if (principal) {
        setPassword('');
        onSignedIn(principal);
        return;
      }
      setError(body?.message ? `${t.signInFailed}: ${body.message}`
                             : `${t.signInFailed} (HTTP ${response.status})`);
    } catch (e) {
      setError(`${t.signInFailed}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t.signInTitle}</h2>
        <ErrorBanner messages={error ? [error] : []} />
        {initialEmail && <p class="notice" role="status">{t.accountCreated}</p>}
        <Field id="sign-in-email" label={t.email} type="email" autoComplete="username"
               value={email} onInput={setEmail} required />
        <Field id="sign-in-password" label={t.password} type="password"
               autoComplete="current-password" value={password} onInput={setPassword} required />
        <button type="submit" disabled={busy}>{t.signInButton}</button>
      </form>
      <section class="card" aria-labelledby="no-account-title">
        <h2 id="no-account-title">{t.noAccountTitle}</h2>
        <ul>
          <li><a href="#/apply">{t.navApply}</a></li>
          <li><a href="#/accept">{t.navAccept}</a></li>
        </ul>
      </section>
    </div>
  );
}
