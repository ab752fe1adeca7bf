// What a ledger form's figure field is called and where its violations are: the label's unit
// suffix, the update mask path and the field paths the server names (`target.value` for a
// figure in the wrong unit, `target.money.currency_code`, ...).
import type {Strings} from '../i18n/i18n';
import type {FigureUnit} from '../lib/figures';

export function unitSuffix(unit: FigureUnit, t: Strings): string {
  return unit === 'money' ? t.yuanSuffix : unit === 'percentBp' ? t.percentSuffix : '';
}

export function maskPath(unit: FigureUnit): string {
  return unit === 'percentBp' ? 'percent_bp' : unit;
}

export function figurePaths(message: string): string[] {
  return ['value', 'count', 'money', 'percent_bp'].map((f) => `${message}.${f}`);
}
