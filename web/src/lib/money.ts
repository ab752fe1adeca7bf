// Money as the API carries it (int64 units + int32 nanos, google.type.Money) turned into text
// exactly: all arithmetic on BigInt nanos, never a float. Chinese shows 万/亿 (萬/億) with
// every significant digit kept; English groups digits.
import type {Lang} from '../i18n/i18n';

export interface MoneyLike {
  currencyCode: string;
  units: bigint;
  nanos: number;
}

const kNanosPerUnit = 1_000_000_000n;

// The amount in nanos (units and nanos carry the same sign, as google.type.Money requires).
export function toNanos(money: MoneyLike): bigint {
  return money.units * kNanosPerUnit + BigInt(money.nanos);
}

// `value / 10^scale` as a decimal string with trailing zeros dropped, at least `minDecimals`.
export function decimalString(value: bigint, scale: number, minDecimals = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  while (fraction.length < minDecimals) fraction += '0';
  return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

export function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction !== undefined ? '.' + fraction : '');
}

const kWan = 10_000n * kNanosPerUnit;
const kYi = 100_000_000n * kNanosPerUnit;

export function formatMoney(money: MoneyLike|undefined, lang: Lang): string {
  if (!money) return '—';
  const nanos = toNanos(money);
  if (lang === 'en') {
    return `${money.currencyCode} ${groupThousands(decimalString(nanos, 9, 2))}`;
  }
  const traditional = lang === 'zh-Hant';
  const yuan = money.currencyCode === 'CNY' ? '元' : ` ${money.currencyCode}`;
  const magnitude = nanos < 0n ? -nanos : nanos;
  if (magnitude >= kYi) return decimalString(nanos, 17) + (traditional ? '億' : '亿') + yuan;
  if (magnitude >= kWan) return decimalString(nanos, 13) + (traditional ? '萬' : '万') + yuan;
  return decimalString(nanos, 9) + yuan;
}

// Parses what a user typed ("2300000.5", "2,300,000") into Money, or null when it is not a
// plain non-negative decimal with at most 9 decimals.
export function parseMoney(text: string, currencyCode = 'CNY'): MoneyLike|null {
  const cleaned = text.replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(cleaned);
  if (!match) return null;
  return {currencyCode, units: BigInt(match[1]), nanos: Number((match[2] ?? '').padEnd(9, '0'))};
}

// The amount as the user would type it back (for edit forms).
export function moneyInput(money: MoneyLike|undefined): string {
  return money ? decimalString(toNanos(money), 9) : '';
}

const kUnitSuffixes: Record<string, number> = {
  '万': 4,
  '萬': 4,
  '亿': 8,
  '億': 8
};

// Parses an amount as the CLI and spreadsheets write it: "850,000", "300萬", "2.8亿", "230万"
// (万/萬 = 10^4, 亿/億 = 10^8, by shifting the decimal point: exact). Null when it is not a
// non-negative amount with at most 9 decimals after scaling.
export function parseMoneyText(text: string, currencyCode = 'CNY'): MoneyLike|null {
  const amount = readScaledDecimal(text.replace(/[,\s元]/g, ''));
  if (!amount || amount.scale > 9) return null;
  const nanos = BigInt(amount.digits) * 10n ** BigInt(9 - amount.scale);
  return {currencyCode, units: nanos / kNanosPerUnit, nanos: Number(nanos % kNanosPerUnit)};
}

// The digits of a non-negative decimal with an optional 万/亿 suffix, and how many of them are
// decimals once the suffix has moved the point (negative: that many zeros follow); trailing
// zeros of the fraction dropped. Null when `cleaned` is not such a number.
function readScaledDecimal(cleaned: string): {digits: string, scale: number}|null {
  let shift = 0;
  const suffix = cleaned.slice(-1);
  if (suffix in kUnitSuffixes) {
    shift = kUnitSuffixes[suffix];
    cleaned = cleaned.slice(0, -1);
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return {digits: match[1] + fraction, scale: fraction.length - shift};
}

// Why a typed amount of yuan was refused (each has its words in the string tables).
export type MoneyInputProblem = 'moneyNotNumber'|'moneyTooPrecise'|'moneyTooLarge';

const kMaxUnits = (1n << 63n) - 1n;

// Parses an amount of yuan typed into a form ("12,345,678.90", "¥1,234.5", "1234.56789万",
// "2.8亿") into Money exactly, by string and BigInt arithmetic only. Refused: anything but a
// non-negative decimal (moneyNotNumber), more than 2 decimals of yuan after 万/亿 scaling — a
// fen is the smallest amount (moneyTooPrecise), units beyond int64 (moneyTooLarge).
export function parseYuanInput(text: string, currencyCode = 'CNY'):
    {money: MoneyLike}|{problem: MoneyInputProblem} {
  const amount =
      readScaledDecimal(text.replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, ''));
  if (!amount) return {problem: 'moneyNotNumber'};
  if (amount.scale > 2) return {problem: 'moneyTooPrecise'};  // finer than a fen
  const nanos = BigInt(amount.digits) * 10n ** BigInt(9 - amount.scale);
  const units = nanos / kNanosPerUnit;
  if (units > kMaxUnits) return {problem: 'moneyTooLarge'};
  return {money: {currencyCode, units, nanos: Number(nanos % kNanosPerUnit)}};
}
