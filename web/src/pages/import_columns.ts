// Cells of an import CSV (the CLI's columns: scripts/demo-data/*.csv) into API values: lists
// split on ; or ；, bare ids given their collection, money with 万/亿, cooperation modes by name.
import {create} from '@bufbuild/protobuf';
import {CooperationMode, ImportRejectionSchema, ImportSummarySchema, type ImportRejection, type ImportSummary} from '../gen/techmatch/v1/common_pb';
import {parseMoneyText, type MoneyLike} from '../lib/money';

export function list(cell: string|undefined): string[] {
  return (cell ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean);
}

export function names(cell: string|undefined, collection: string): string[] {
  return list(cell).map((id) => (id.includes('/') ? id : `${collection}/${id}`));
}

export function name(cell: string|undefined, collection: string): string {
  return names(cell, collection)[0] ?? '';
}

// Problems found in a row before it is sent: field → reason.
export type RowProblems = Array<{field: string; description: string}>;

// An amount; one that does not parse is a problem of the row (which is then not sent, and is
// reported with the server's refusals).
export function money(cell: string|undefined, field: string, problems: RowProblems): MoneyLike|
    undefined {
  if (!cell) return undefined;
  const parsed = parseMoneyText(cell);
  if (!parsed)
    problems.push({field, description: `'${cell}' is not an amount (e.g. 850000, 300万, 2.5亿)`});
  return parsed ?? undefined;
}

// Runs the import of the rows without problems and merges the rows with problems into its
// summary as refusals, in row order.
export async function importRows<R>(
    records: Array<{row: number; cells: Record<string, string>}>,
    build: (cells: Record<string, string>, row: number, problems: RowProblems) => R,
    send: (requests: R[]) => Promise<ImportSummary>): Promise<ImportSummary> {
  const requests: R[] = [];
  const local: ImportRejection[] = [];
  for (const {row, cells} of records) {
    const problems: RowProblems = [];
    const request = build(cells, row, problems);
    if (problems.length > 0) {
      local.push(
          create(ImportRejectionSchema, {rowNumber: BigInt(row), fieldViolations: problems}));
    } else {
      requests.push(request);
    }
  }
  const summary = requests.length > 0 ? await send(requests) : create(ImportSummarySchema);
  summary.rejectedCount += BigInt(local.length);
  summary.rejections = [...summary.rejections, ...local].sort(
      (a, b) =>
          (a.rowNumber < b.rowNumber     ? -1 :
               a.rowNumber > b.rowNumber ? 1 :
                                           0));
  return summary;
}

export function modes(cell: string|undefined): CooperationMode[] {
  return list(cell).map(
      (mode) =>
          (CooperationMode as unknown as Record<string, CooperationMode>)[mode.toUpperCase()] ??
          CooperationMode.COOPERATION_MODE_UNSPECIFIED);
}

export function integer(cell: string|undefined): number|undefined {
  return cell ? Number.parseInt(cell, 10) : undefined;
}
