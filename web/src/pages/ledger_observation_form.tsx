// The organizer's form recording a region's figure for an indicator and a year, or one half of
// it: the value in the indicator's unit, parsed exactly, and an optional note. A second figure
// for the same indicator, region, year and half is refused by the server (ALREADY_EXISTS, shown
// in the banner); each refused field shows beside it.
import {useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {indicatorName, unitOf, useIndicators} from '../components/indicators';
import {SelectField} from '../components/select_field';
import type {Observation} from '../gen/techmatch/v1/indicator_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorAt, errorMessage, fieldErrors, unownedErrors, type FieldErrors} from '../lib/field_errors';
import {parseFigure} from '../lib/figures';
import {figurePaths, unitSuffix} from './ledger_figure_field';

export function ObservationForm({year, region, onDone}: {
  year: number;
  region: string;
  onDone: (saved: Observation|null) => void;
}) {
  const {lang, t} = useI18n();
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState('');
  const [regionCode, setRegionCode] = useState(region);
  const [yearText, setYearText] = useState(String(year));
  const [half, setHalf] = useState('');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `observation-${name}`;
  const chosen = indicator || [...indicators.keys()][0] || '';
  const unit = unitOf(indicators, chosen);

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const parsed = parseFigure(value, unit);
    if ('problem' in parsed) local.set('observation.value', t[parsed.problem]);
    if (!/^\d{4}$/.test(yearText.trim())) local.set('observation.year', t.yearBad);
    if (local.size > 0 || 'problem' in parsed) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.indicators().recordObservation({
        observation: {
          indicator: chosen, regionCode: regionCode.trim(), year: Number(yearText.trim()),
          half: half ? Number(half) : undefined, value: parsed.figure, note: note.trim(),
        },
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

  const owned = [...figurePaths('observation'), 'observation.indicator', 'observation.region_code',
                 'observation.year', 'observation.half', 'observation.note'];
  const options = [...indicators.values()].map(
      (i) => [i.name, indicatorName(indicators, i.name, lang)] as const);
  return (
    <form class="card ledger-form" onSubmit={submit} noValidate aria-label={t.recordObservation}>
      <h4>{t.recordObservation}</h4>
      <ErrorBanner messages={unownedErrors(errors, owned)} />
      <SelectField id={id('indicator')} label={t.indicator} value={chosen} options={options}
                   error={errorAt(errors, 'observation.indicator')} onChange={setIndicator} />
      <Field id={id('region')} label={t.regionCode} value={regionCode} onInput={setRegionCode}
             inputMode="numeric" required error={errorAt(errors, 'observation.region_code')} />
      <Field id={id('year')} label={t.year} value={yearText} onInput={setYearText}
             inputMode="numeric" required error={errorAt(errors, 'observation.year')} />
      <SelectField id={id('half')} label={t.period} value={half}
                   options={[['', t.wholeYear], ['1', t.firstHalf], ['2', t.secondHalf]]}
                   error={errorAt(errors, 'observation.half')} onChange={setHalf} />
      <Field id={id('value')} label={`${t.observedValue}${unitSuffix(unit, t)}`} value={value}
             onInput={setValue} inputMode="decimal" required
             error={errorAt(errors, ...figurePaths('observation'))} />
      <Field id={id('note')} label={t.note} value={note} onInput={setNote}
             error={errorAt(errors, 'observation.note')} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
