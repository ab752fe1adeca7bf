// Recording money that arrived for a project: the amount as exact yuan (more than zero), the
// day it arrived (China Standard Time; not in the future) and an optional note. Arrivals are
// append-only.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import type {FundArrival, Project} from '../gen/techmatch/v1/project_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {parseYuanInput} from '../lib/money';
import {cstMidnight} from './agreement_fields';

const kToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function ArrivalForm({project, onDone}: {
  project: Project;
  onDone: (arrival: FundArrival|null) => void;
}) {
  const {t} = useI18n();
  const [amount, setAmount] = useState('');
  const [day, setDay] = useState(kToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const parsed = parseYuanInput(amount);
    if ('problem' in parsed) local.set('amount', t[parsed.problem]);
    const arriveTime = cstMidnight(day);
    if (!arriveTime) local.set('arrive_time', t.dayBad);
    if (local.size > 0 || 'problem' in parsed || !arriveTime) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      onDone(await api.projects().recordFundArrival({
        project: project.name, amount: parsed.money, arriveTime, note: note.trim(),
        requestId: crypto.randomUUID(),
      }));
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="ledger-form inline-form" onSubmit={submit} noValidate aria-label={t.recordArrival}>
      <ErrorBanner messages={unownedErrors(errors, ['amount', 'arrive_time', 'note'])} />
      <Field id="arrival-amount" label={`${t.amount}${t.yuanSuffix}`} value={amount} onInput={setAmount}
             inputMode="decimal" required error={errorAt(errors, 'amount')} />
      <Field id="arrival-day" label={t.arriveDay} type="date" value={day} onInput={setDay} required
             error={errorAt(errors, 'arrive_time')} />
      <Field id="arrival-note" label={t.note} value={note} onInput={setNote} error={errorAt(errors, 'note')} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
