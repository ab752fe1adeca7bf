// The frame of every ledger form: a form named by its heading (shown as one, except in a form
// set inline in a panel), the banner for refusals no field of it shows (`owned`: the paths its
// fields show), its fields, then Save (disabled while saving) and Cancel.
import type {ComponentChildren} from 'preact';
import {ErrorBanner} from '../components/field';
import {useI18n} from '../i18n/i18n';
import {unownedErrors, type FieldErrors} from '../lib/field_errors';

export function LedgerForm({heading, inline, errors, owned, busy, onSubmit, onCancel, children}: {
  heading: string;
  inline?: boolean;
  errors: FieldErrors;
  owned: string[];
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const {t} = useI18n();
  return (
    <form class={inline ? 'ledger-form inline-form' : 'card ledger-form'} noValidate aria-label={heading}
          onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      {!inline && <h4>{heading}</h4>}
      <ErrorBanner messages={unownedErrors(errors, owned)} />
      {children}
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t.cancel}</button>
      </div>
    </form>
  );
}
