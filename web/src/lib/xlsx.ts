// A one-sheet XLSX workbook (Office Open XML SpreadsheetML) with the minimal parts Excel,
// LibreOffice and WPS open: content types, package and workbook relationships, the workbook
// and the sheet. Text goes in inline strings (no shared-string table), numbers as values; the
// parts are zipped stored (lib/zip.ts).
import {zipStored} from './zip';

export type XlsxCell = string|number;

export interface XlsxSheet {
  // The sheet's tab name (cut to Excel's 31 characters, without []:*?/\).
  name: string;
  rows: XlsxCell[][];
  // Column widths in characters, from column A.
  widths?: number[];
}

// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

// XML text: markup characters escaped, characters XML 1.0 does not allow dropped.
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
}

function cellXml(value: XlsxCell, ref: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const cols = sheet.widths && sheet.widths.length > 0 ?
      `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` :
      '';
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${
      row.map((value, c) => cellXml(value, `${columnName(c)}${r + 1}`)).join('')}</row>`);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function sheetName(name: string): string {
  return xmlText(name.replace(/[\[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1');
}

const kDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const kRelationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// The workbook's bytes.
export function xlsxWorkbook(sheet: XlsxSheet, when = new Date()): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml',
     `${kDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
         '<Default Extension="xml" ContentType="application/xml"/>' +
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
         '</Types>'],
    ['_rels/.rels',
     `${kDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
         `<Relationship Id="rId1" Type="${kRelationships}/officeDocument" Target="xl/workbook.xml"/>` +
         '</Relationships>'],
    ['xl/workbook.xml',
     `${kDeclaration}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
         `xmlns:r="${kRelationships}"><sheets><sheet name="${sheetName(sheet.name)}" sheetId="1" r:id="rId1"/>` +
         '</sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels',
     `${kDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
         `<Relationship Id="rId1" Type="${kRelationships}/worksheet" Target="worksheets/sheet1.xml"/>` +
         '</Relationships>'],
    ['xl/worksheets/sheet1.xml', sheetXml(sheet)],
  ];
  return zipStored(parts.map(([name, xml]) => ({name, data: encoder.encode(xml)})), when);
}
