// The organizer's form recording a financing: kind, provider and recipient (organizations),
// the amount as exact yuan, the day granted (China Standard Time), optionally the framework
// agreement it came under and the region it counts in (the recipient's when left empty). Each
// problem found here or by the server shows beside its field.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {OrganizationSelect} from '../components/organization_select';
import {SelectField} from '../components/select_field';
import {Financing_Kind, type Financing} from '../gen/techmatch/v1/financing_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {parseYuanInput} from '../lib/money';
import {cstMidnight} from './agreement_fields';
import {kFinancingKinds} from './ledger_labels';

const kPaths = ['kind', 'provider', 'recipient', 'amount', 'grant_time', 'agreement', 'region_code'];

export function FinancingForm({onDone}: {onDone: (saved: Financing|null) => void}) {
  const {t} = useI18n();
  const [kind, setKind] = useState(String(Financing_Kind.LOAN));
  const [provider, setProvider] = useState('');
  const [recipient, setRecipient] = useState('');
  const [amount, setAmount] = useState('');
  const [day, setDay] = useState('');
  const [agreement, setAgreement] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `financing-new-${field}`;

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const parsed = parseYuanInput(amount);
    if ('problem' in parsed) local.set('financing.amount', t[parsed.problem]);
    const grantTime = cstMidnight(day);
    if (!grantTime) local.set('financing.grant_time', t.dayBad);
    if (local.size > 0 || 'problem' in parsed || !grantTime) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      onDone(await api.financings().createFinancing({
        financing: {
          kind: Number(kind), provider, recipient, amount: parsed.money, grantTime,
          agreement: agreement.trim(), regionCode: regionCode.trim(),
        },
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

  const at = (path: string) => errorAt(errors, `financing.${path}`);
  return (
    <form class="card ledger-form" onSubmit={submit} noValidate aria-label={t.newFinancing}>
      <h4>{t.newFinancing}</h4>
      <ErrorBanner messages={unownedErrors(errors, kPaths.map((p) => `financing.${p}`))} />
      <SelectField id={id('kind')} label={t.financingKind} value={kind} onChange={setKind} error={at('kind')}
                   options={kFinancingKinds.map(([k, key]) => [String(k), t[key]] as const)} />
      <OrganizationSelect id={id('provider')} label={t.provider} value={provider} onChange={setProvider}
                          error={at('provider')} />
      <OrganizationSelect id={id('recipient')} label={t.recipient} value={recipient} onChange={setRecipient}
                          error={at('recipient')} />
      <Field id={id('amount')} label={`${t.amount}${t.yuanSuffix}`} value={amount} onInput={setAmount}
             inputMode="decimal" required error={at('amount')} />
      <Field id={id('day')} label={t.grantDay} type="date" value={day} onInput={setDay} required
             error={at('grant_time')} />
      <Field id={id('agreement')} label={t.frameworkAgreementInput} value={agreement} onInput={setAgreement}
             error={at('agreement')} />
      <Field id={id('region')} label={t.regionOptional} value={regionCode} onInput={setRegionCode}
             inputMode="numeric" error={at('region_code')} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
