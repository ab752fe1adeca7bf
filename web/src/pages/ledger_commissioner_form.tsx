// The organizer's form for a commissioner's year of service or an edit of one: the person's
// name, home organization, region served, year, service model and the outcomes — counts as
// whole numbers, amounts as exact yuan. An edit sends the etag it read; each problem found here
// or by the server shows beside its field.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {OrganizationSelect} from '../components/organization_select';
import {SelectField} from '../components/select_field';
import {Commissioner_ServiceModel, type Commissioner} from '../gen/techmatch/v1/commissioner_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {parseCount} from '../lib/figures';
import {moneyInput, parseYuanInput, type MoneyLike} from '../lib/money';
import {
  kCountOutcomes, kMoneyOutcomes, type CountOutcome, type MoneyOutcome,
} from './ledger_commissioner_fields';
import {kServiceModels, thisYear} from './ledger_labels';

const kPaths = ['display_name', 'home_organization', 'region_code', 'year', 'service_model',
                ...kCountOutcomes.map((o) => o.path), ...kMoneyOutcomes.map((o) => o.path)];

export function CommissionerForm({commissioner, onDone}: {
  commissioner?: Commissioner;
  onDone: (saved: Commissioner|null) => void;
}) {
  const {t} = useI18n();
  const [name, setName] = useState(commissioner?.displayName ?? '');
  const [home, setHome] = useState(commissioner?.homeOrganization ?? '');
  const [regionCode, setRegionCode] = useState(commissioner?.regionCode ?? '');
  const [yearText, setYearText] = useState(String(commissioner?.year ?? thisYear()));
  const [model, setModel] = useState(String(commissioner?.serviceModel ?? Commissioner_ServiceModel.MARKET_LED));
  const [counts, setCounts] = useState<Record<CountOutcome, string>>(Object.fromEntries(
      kCountOutcomes.map((o) => [o.field, commissioner ? commissioner[o.field].toString() : ''])) as Record<CountOutcome, string>);
  const [amounts, setAmounts] = useState<Record<MoneyOutcome, string>>(Object.fromEntries(
      kMoneyOutcomes.map((o) => [o.field, moneyInput(commissioner?.[o.field])])) as Record<MoneyOutcome, string>);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `commissioner-${commissioner ? 'edit' : 'new'}-${field}`;
  const heading = commissioner ? `${t.edit}: ${commissioner.displayName}` : t.newCommissioner;

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const countValues: Partial<Record<CountOutcome, bigint>> = {};
    for (const o of kCountOutcomes) {
      if (!counts[o.field].trim()) continue;
      const parsed = parseCount(counts[o.field]);
      if ('problem' in parsed) local.set(`commissioner.${o.path}`, t[parsed.problem]);
      else countValues[o.field] = parsed.value;
    }
    const moneyValues: Partial<Record<MoneyOutcome, MoneyLike>> = {};
    for (const o of kMoneyOutcomes) {
      if (!amounts[o.field].trim()) continue;
      const parsed = parseYuanInput(amounts[o.field]);
      if ('problem' in parsed) local.set(`commissioner.${o.path}`, t[parsed.problem]);
      else moneyValues[o.field] = parsed.money;
    }
    if (!/^\d{4}$/.test(yearText.trim())) local.set('commissioner.year', t.yearBad);
    if (local.size > 0) {
      setErrors(local);
      return;
    }
    const fields = {
      displayName: name.trim(), homeOrganization: home, regionCode: regionCode.trim(),
      year: Number(yearText.trim()), serviceModel: Number(model), ...countValues, ...moneyValues,
    };
    setBusy(true);
    try {
      const saved = commissioner
        ? await api.commissioners().updateCommissioner({
          commissioner: {...fields, name: commissioner.name, etag: commissioner.etag},
          updateMask: {paths: kPaths},
        })
        : await api.commissioners().createCommissioner({commissioner: fields, requestId: crypto.randomUUID()});
      onDone(saved);
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const at = (path: string) => errorAt(errors, `commissioner.${path}`);
  return (
    <form class="card ledger-form" onSubmit={submit} noValidate aria-label={heading}>
      <h4>{heading}</h4>
      <ErrorBanner messages={unownedErrors(errors, kPaths.map((p) => `commissioner.${p}`))} />
      <Field id={id('name')} label={t.personName} value={name} onInput={setName} required
             error={at('display_name')} />
      <OrganizationSelect id={id('home')} label={t.homeOrganization} value={home} onChange={setHome}
                          error={at('home_organization')} />
      <Field id={id('region')} label={t.regionServed} value={regionCode} onInput={setRegionCode}
             inputMode="numeric" required error={at('region_code')} />
      <Field id={id('year')} label={t.year} value={yearText} onInput={setYearText} inputMode="numeric" required
             error={at('year')} />
      <SelectField id={id('model')} label={t.serviceModel} value={model} onChange={setModel}
                   error={at('service_model')}
                   options={kServiceModels.map(([m, key]) => [String(m), t[key]] as const)} />
      <fieldset>
        <legend>{t.outcomes}</legend>
        <div class="inline-form">
          {kCountOutcomes.map((o) => (
            <Field key={o.path} id={id(o.path)} label={t[o.key]} value={counts[o.field]} inputMode="numeric"
                   onInput={(v) => setCounts({...counts, [o.field]: v})} error={at(o.path)} />
          ))}
          {kMoneyOutcomes.map((o) => (
            <Field key={o.path} id={id(o.path)} label={`${t[o.key]}${t.yuanSuffix}`} value={amounts[o.field]}
                   inputMode="decimal" onInput={(v) => setAmounts({...amounts, [o.field]: v})} error={at(o.path)} />
          ))}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
