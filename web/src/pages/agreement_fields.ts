// What the agreement form edits, as the API names it: the money figures (their field paths
// and labels), which fields UpdateAgreement may change in each state, and the signing date
// as a calendar day in China Standard Time (how the reports count years and months).
import {timestampDate, timestampFromDate, type Timestamp} from '@bufbuild/protobuf/wkt';
import {Agreement_State} from '../gen/techmatch/v1/agreement_pb';
import type {StringKey} from '../i18n/i18n';

export type MoneyField = 'contractAmount'|'totalInvestment'|'expectedSalesRevenue'|
    'expectedProfitTax'|'realizedOutputValue'|'realizedProfitTax';

export const kMoneyFields: ReadonlyArray<{field: MoneyField; path: string; key: StringKey; realized: boolean}> = [
  {field: 'contractAmount', path: 'contract_amount', key: 'contractAmount', realized: false},
  {field: 'totalInvestment', path: 'total_investment', key: 'totalInvestment', realized: false},
  {field: 'expectedSalesRevenue', path: 'expected_sales_revenue', key: 'expectedSalesRevenue', realized: false},
  {field: 'expectedProfitTax', path: 'expected_profit_tax', key: 'expectedProfitTax', realized: false},
  {field: 'realizedOutputValue', path: 'realized_output_value', key: 'realizedOutputValue', realized: true},
  {field: 'realizedProfitTax', path: 'realized_profit_tax', key: 'realizedProfitTax', realized: true},
];

const kTermPaths = ['title', 'kind', 'parties', 'event', 'need', 'offering', 'industries', 'sign_time'];

// The update mask of an edit in `state`: the terms and signed figures until completion, the
// realized figures once implementation started; a completed agreement only its realized
// figures; a terminated one nothing.
export function editablePaths(state: Agreement_State): string[] {
  const signed = kMoneyFields.filter((f) => !f.realized).map((f) => f.path);
  const realized = kMoneyFields.filter((f) => f.realized).map((f) => f.path);
  switch (state) {
    case Agreement_State.SIGNED:
      return [...kTermPaths, ...signed];
    case Agreement_State.IMPLEMENTING:
      return [...kTermPaths, ...signed, ...realized];
    case Agreement_State.COMPLETED:
      return realized;
    default:
      return [];
  }
}

const kChinaOffsetMs = 8 * 3600_000;

// "2026-11-01" (China Standard Time) of a timestamp, for a date input.
export function cstDay(time: Timestamp|undefined): string {
  if (!time) return '';
  return new Date(timestampDate(time).getTime() + kChinaOffsetMs).toISOString().slice(0, 10);
}

// Midnight of a "2026-11-01" day in China Standard Time; null when it is not a date.
export function cstMidnight(day: string): Timestamp|null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : timestampFromDate(date);
}
