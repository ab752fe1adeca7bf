// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8
// BOM). Rows become objects keyed by the header row.
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
