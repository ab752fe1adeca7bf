// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8
// BOM), read into rows or objects keyed by the header row, and written for download with
// formula-like cells made text.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\ufeff/, '');
  for (let i = 0; i < source.length; ++i) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') ++i;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

// The data rows as header → cell, with each row's line number in the file (header = 1).
export function csvRecords(text: string): Array<{row: number; cells: Record<string, string>}> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map(
      (cells, i) => ({
        row: i + 2,
        cells: Object.fromEntries(names.map((name, j) => [name, (cells[j] ?? '').trim()])),
      }));
}

// A number as written in exports ("-1250.00", "+3"): a spreadsheet reads it as a value, never
// as a formula, so it keeps its sign.
function isPlainNumber(text: string): boolean {
  return /^[+-]?[\d.]*\d[\d.]*$/.test(text);
}

// Whether a spreadsheet would run `text` as a formula: it starts with =, @, a tab or a CR, or
// with + or - and is not a plain number (the CLI's rule for every CSV it writes).
export function isFormulaLike(text: string): boolean {
  const first = text[0];
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  return (first === '+' || first === '-') && !isPlainNumber(text);
}

// One CSV cell: a formula-like text is written as text ("'=…", so opening the file runs
// nothing), and quoted when it holds a comma, quote, CR or LF (quotes doubled).
export function csvCell(text: string): string {
  if (isFormulaLike(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Rows as a CSV file for spreadsheets: a UTF-8 BOM (Excel then reads Chinese right), CRLF.
export function csvText(rows: string[][]): string {
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
