// Agreements as CSV for download, from the ExportAgreements stream. Money columns are exact
// decimals of the API's units and nanos (no float); text cells go through csvCell (quoted when
// needed, formula-like text written as text).
import {timestampDate} from '@bufbuild/protobuf/wkt';
import {Agreement_Kind, Agreement_State, type Agreement} from '../gen/techmatch/v1/agreement_pb';
import {api} from '../lib/api';
import {csvCell} from '../lib/csv';
import {saveFile} from '../lib/download';
import {decimalString, toNanos, type MoneyLike} from '../lib/money';

const kHeader = [
  'name', 'title', 'kind', 'state', 'event', 'sign_time', 'industries', 'contract_amount',
  'total_investment', 'expected_sales_revenue', 'expected_profit_tax', 'realized_output_value',
  'realized_profit_tax'
];

const amount = (money: MoneyLike|undefined) => (money ? decimalString(toNanos(money), 9) : '');

function row(a: Agreement): string {
  return [
    a.name,
    a.title,
    Agreement_Kind[a.kind] ?? '',
    Agreement_State[a.state] ?? '',
    a.event,
    a.signTime ? timestampDate(a.signTime).toISOString() : '',
    a.industries.join(' '),
    amount(a.contractAmount),
    amount(a.totalInvestment),
    amount(a.expectedSalesRevenue),
    amount(a.expectedProfitTax),
    amount(a.realizedOutputValue),
    amount(a.realizedProfitTax),
  ].map(csvCell)
      .join(',');
}

// The CSV text (with a BOM so Excel reads UTF-8) and how many agreements it holds.
export async function exportAgreementsCsv(filter: string): Promise<{csv: string; count: number}> {
  const lines = [kHeader.join(',')];
  for await (const message of api.agreements().exportAgreements({filter})) {
    for (const agreement of message.agreements) lines.push(row(agreement));
  }
  return {csv: '\ufeff' + lines.join('\r\n') + '\r\n', count: lines.length - 1};
}

export function download(fileName: string, text: string): void {
  saveFile(fileName, text, 'text/csv;charset=utf-8');
}
