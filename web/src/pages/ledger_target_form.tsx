// The organizer's form for a new target (indicator, region, year and the value in the
// indicator's unit) or a change of a target's value, which is all that changes afterwards (it
// sends the etag it read: a change made meanwhile is refused). Figures are typed and parsed
// exactly (counts as BigInt, money by the exact yuan parser, percentages to basis points); each
// problem found here or by the server shows beside its field.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {indicatorName, unitOf, useIndicators} from '../components/indicators';
import {SelectField} from '../components/select_field';
import type {Target} from '../gen/techmatch/v1/target_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {figureInput, parseFigure} from '../lib/figures';
import {figurePaths, maskPath, unitSuffix} from './ledger_figure_field';

export function TargetForm({target, year, region, onDone}: {
  target?: Target;
  year: number;
  region: string;
  onDone: (saved: Target|null) => void;
}) {
  const {lang, t} = useI18n();
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState(target?.indicator ?? '');
  const [regionCode, setRegionCode] = useState(target?.regionCode ?? region);
  const [yearText, setYearText] = useState(String(target?.year ?? year));
  const [value, setValue] = useState(figureInput(target?.value));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `target-${target ? 'edit' : 'new'}-${name}`;
  const chosen = indicator || [...indicators.keys()][0] || '';
  const unit = unitOf(indicators, chosen);
  const title = target ?
      `${t.edit}: ${indicatorName(indicators, target.indicator, lang)} ${target.regionCode} ${target.year}` :
      t.newTarget;

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const parsed = parseFigure(value, unit);
    if ('problem' in parsed) local.set('target.value', t[parsed.problem]);
    if (!target && !/^\d{4}$/.test(yearText.trim())) local.set('target.year', t.yearBad);
    if (local.size > 0 || 'problem' in parsed) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const saved = target
        ? await api.targets().updateTarget({
          target: {name: target.name, etag: target.etag, value: parsed.figure},
          updateMask: {paths: [maskPath(unit)]},
        })
        : await api.targets().createTarget({
          target: {indicator: chosen, regionCode: regionCode.trim(), year: Number(yearText.trim()),
                   value: parsed.figure},
          requestId: crypto.randomUUID(),
        });
      onDone(saved);
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const owned = [...figurePaths('target'),
                 ...(target ? [] : ['target.indicator', 'target.region_code', 'target.year'])];
  const options = [...indicators.values()].map(
      (i) => [i.name, indicatorName(indicators, i.name, lang)] as const);
  return (
    <form class="card ledger-form" onSubmit={submit} noValidate aria-label={title}>
      <h4>{title}</h4>
      <ErrorBanner messages={unownedErrors(errors, owned)} />
      {!target && (
        <>
          <SelectField id={id('indicator')} label={t.indicator} value={chosen} options={options}
                       error={errorAt(errors, 'target.indicator')} onChange={setIndicator} />
          <Field id={id('region')} label={t.regionCode} value={regionCode} onInput={setRegionCode}
                 inputMode="numeric" required error={errorAt(errors, 'target.region_code')} />
          <Field id={id('year')} label={t.year} value={yearText} onInput={setYearText}
                 inputMode="numeric" required error={errorAt(errors, 'target.year')} />
        </>
      )}
      <Field id={id('value')} label={`${t.targetValue}${unitSuffix(unit, t)}`} value={value}
             onInput={setValue} inputMode="decimal" required
             error={errorAt(errors, ...figurePaths('target'))} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
