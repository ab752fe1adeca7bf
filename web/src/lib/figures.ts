// The ledger's figures as text and as typed, exactly: a count (int64, as BigInt), an amount of
// money (see money.ts) or a percentage in basis points (12.5% is 1250). Never a float.
import type {YearChange} from '../gen/techmatch/v1/report_pb';
import type {Lang} from '../i18n/i18n';
import {decimalString, formatMoney, groupThousands, moneyInput, parseYuanInput, toNanos, type MoneyInputProblem, type MoneyLike} from './money';

// A figure as the API's oneofs carry it (Observation.value, Target.value, Figure.value).
export type FigureValue = {
  case: 'count'; value: bigint
}|{
  case:
    'money';
    value: MoneyLike
}
|{
  case:
    'percentBp';
    value: bigint
}
|{
  case:
    undefined;
    value?: undefined
};

export type FigureUnit = 'count'|'money'|'percentBp';

// Basis points as a percentage: 1250 → "12.5%", 10000 → "100%".
export function formatPercentBp(bp: bigint): string {
  return `${decimalString(bp, 2)}%`;
}

export function formatCount(count: bigint, lang: Lang): string {
  return lang === 'en' ? groupThousands(count.toString()) : count.toString();
}

export function formatFigure(figure: FigureValue|undefined, lang: Lang): string {
  switch (figure?.case) {
    case 'count':
      return formatCount(figure.value, lang);
    case 'money':
      return formatMoney(figure.value, lang);
    case 'percentBp':
      return formatPercentBp(figure.value);
    default:
      return '—';
  }
}

// A change against the previous year with its sign: "+3", "-12.5万元", "+3 (+41.7%)"; "—"
// when there is none.
export function formatChange(change: YearChange|undefined, lang: Lang): string {
  const difference = change?.difference;
  if (!change || !difference?.case) return '—';
  const signed = (negative: boolean, text: string) => (negative ? text : `+${text}`);
  let text = difference.case === 'count' ?
      signed(difference.value < 0n, formatCount(difference.value, lang)) :
      signed(toNanos(difference.value) < 0n, formatMoney(difference.value, lang));
  if (change.percentBp !== undefined) {
    text += ` (${signed(change.percentBp < 0n, formatPercentBp(change.percentBp))})`;
  }
  return text;
}

// Why a typed figure was refused (each has its words in the string tables).
export type FigureInputProblem = MoneyInputProblem|'countNotNumber'|'percentNotNumber';

const kMaxInt64 = (1n << 63n) - 1n;

// A non-negative whole number ("1,250") within int64.
export function parseCount(text: string): {value: bigint}|{problem: FigureInputProblem} {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(cleaned)) return {problem: 'countNotNumber'};
  const value = BigInt(cleaned);
  return value > kMaxInt64 ? {problem: 'countNotNumber'} : {value};
}

// A non-negative percentage with at most two decimals ("12.5", "12.5%") as basis points.
export function parsePercent(text: string): {value: bigint}|{problem: FigureInputProblem} {
  const match = /^(\d+)(?:\.(\d{1,2}))?%?$/.exec(text.replace(/\s/g, '').replace('％', '%'));
  if (!match) return {problem: 'percentNotNumber'};
  const value = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return value > kMaxInt64 ? {problem: 'percentNotNumber'} : {value};
}

// What was typed for a figure in `unit`, as the API's oneof.
export function parseFigure(text: string, unit: FigureUnit):
    {figure: Exclude<FigureValue, {case: undefined}>}|{problem: FigureInputProblem} {
  if (unit === 'money') {
    const parsed = parseYuanInput(text);
    return 'problem' in parsed ? parsed : {figure: {case: 'money', value: parsed.money}};
  }
  const parsed = unit === 'count' ? parseCount(text) : parsePercent(text);
  return 'problem' in parsed ? parsed : {figure: {case: unit, value: parsed.value}};
}

// The figure as it would be typed back (for edit forms).
export function figureInput(figure: FigureValue|undefined): string {
  switch (figure?.case) {
    case 'count':
      return figure.value.toString();
    case 'money':
      return moneyInput(figure.value);
    case 'percentBp':
      return decimalString(figure.value, 2);
    default:
      return '';
  }
}
