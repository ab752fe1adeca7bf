// Accepting an invitation, without an account: the one-time code, the person's name and a
// password (the server's password policy explains a refused one beside the field); then the
// sign-in page with the new account's email.
import {Code, ConnectError} from '@connectrpc/connect';
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';

const kOwned = ['code', 'user_id', 'display_name', 'password'];

export function AcceptInvitation({onAccepted}: {onAccepted: (email: string) => void}) {
  const {t} = useI18n();
  const [code, setCode] = useState('');
  const [userId, setUserId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setErrors(new Map());
    setBusy(true);
    try {
      const user = await api.users().acceptInvitation(
          {code: code.trim(), userId: userId.trim(), displayName: displayName.trim(), password});
      setPassword('');
      onAccepted(user.email);
    } catch (error) {
      const found = fieldErrors(error);
      // An unknown, used or expired code is about the code.
      if (found.size === 0 && error instanceof ConnectError &&
          (error.code === Code.NotFound || error.code === Code.FailedPrecondition)) {
        found.set('code', error.rawMessage);
      }
      if (found.size === 0) found.set('', errorMessage(error));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const unowned = [...errors].filter(([path]) => !kOwned.includes(path))
                      .map(([path, message]) => (path ? `${path}: ${message}` : message));
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="accept-title">
      <h2 id="accept-title">{t.acceptTitle}</h2>
      <p>{t.acceptHint}</p>
      <ErrorBanner messages={unowned} />
      <Field id="accept-code" label={t.invitationCode} value={code} onInput={setCode}
             autoComplete="off" error={errors.get('code')} required />
      <Field id="accept-display-name" label={t.displayName} value={displayName}
             autoComplete="name" onInput={setDisplayName} error={errors.get('display_name')} />
      <Field id="accept-user-id" label={t.userId} value={userId} autoComplete="off"
             onInput={setUserId} error={errors.get('user_id')} />
      <Field id="accept-password" label={t.newPassword} type="password" value={password}
             autoComplete="new-password" onInput={setPassword} error={errors.get('password')}
             required />
      <button type="submit" disabled={busy}>{t.acceptSubmit}</button>
    </form>
  );
}
