// Unit tests of the portal's money formatting and parsing, the ledger's figures, the BadRequest →
// field map helpers,
// CSV reading and writing, the XLSX writer and reading the signed-in account. Bundled by
// run_lib_test.mjs with esbuild and run in node.
import {create, type MessageInitShape} from '@bufbuild/protobuf';
import {Code, ConnectError} from '@connectrpc/connect';
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {BadRequestSchema} from '../../web/src/gen/google/rpc/error_details_pb';
import {csvCell, csvRecords, csvText, isFormulaLike, parseCsv} from '../../web/src/lib/csv';
import {errorAt, errorMessage, fieldErrors, unownedErrors} from '../../web/src/lib/field_errors';
import {YearChangeSchema} from '../../web/src/gen/techmatch/v1/report_pb';
import {figureInput, formatChange, formatFigure, formatPercentBp, parseCount, parseFigure, parsePercent} from '../../web/src/lib/figures';
import {decimalString, formatMoney, moneyInput, parseMoney, parseMoneyText, parseYuanInput} from '../../web/src/lib/money';
import {columnName, xlsxWorkbook} from '../../web/src/lib/xlsx';
import {crc32, zipStored} from '../../web/src/lib/zip';
import {isApiKey, kRoutesByRole, principalFromJson, workspaceOf} from '../../web/src/lib/workspace';

const cny = (units: bigint, nanos = 0) => ({currencyCode: 'CNY', units, nanos});
let count = 0;
function test(name: string, fn: () => void) {
  fn();
  count += 1;
  console.log(`ok ${count} ${name}`);
}

test('decimalString keeps every digit and drops trailing zeros', () => {
  assert.equal(decimalString(2300000500000000n, 9), '2300000.5');
  assert.equal(decimalString(5n, 9), '0.000000005');
  assert.equal(decimalString(-1500000000n, 9, 2), '-1.50');
  assert.equal(decimalString(0n, 9), '0');
});

test('Chinese: 万 and 亿 exactly, in simplified and traditional', () => {
  assert.equal(formatMoney(cny(2300000n, 500000000), 'zh-Hans'), '230.00005万元');
  assert.equal(formatMoney(cny(280000000n), 'zh-Hans'), '2.8亿元');
  assert.equal(formatMoney(cny(280000000n), 'zh-Hant'), '2.8億元');
  assert.equal(formatMoney(cny(123456789n), 'zh-Hant'), '1.23456789億元');
  assert.equal(formatMoney(cny(9999n, 990000000), 'zh-Hans'), '9999.99元');
  assert.equal(formatMoney(cny(10000n), 'zh-Hans'), '1万元');
  assert.equal(formatMoney(cny(-250000n), 'zh-Hans'), '-25万元');
});

test('beyond a float: int64 extremes stay exact', () => {
  assert.equal(
      formatMoney(cny(9223372036854775807n, 999999999), 'en'),
      'CNY 9,223,372,036,854,775,807.999999999');
  assert.equal(formatMoney(cny(9007199254740993n), 'zh-Hans'), '90071992.54740993亿元');
});

test('English groups digits with at least two decimals', () => {
  assert.equal(formatMoney(cny(123456789n), 'en'), 'CNY 123,456,789.00');
  assert.equal(formatMoney(cny(2300000n, 500000000), 'en'), 'CNY 2,300,000.50');
  assert.equal(formatMoney(cny(0n, 5), 'en'), 'CNY 0.000000005');
  assert.equal(formatMoney(undefined, 'en'), '—');
});

test('parseMoney takes plain decimals and refuses the rest', () => {
  assert.deepEqual(parseMoney('2,300,000.5'), cny(2300000n, 500000000));
  assert.deepEqual(parseMoney('0.000000001'), cny(0n, 1));
  assert.equal(parseMoney('12.3.4'), null);
  assert.equal(parseMoney('-5'), null);
  assert.equal(parseMoney('1.0000000001'), null);
  assert.equal(parseMoney(''), null);
  assert.equal(moneyInput(cny(2300000n, 500000000)), '2300000.5');
});

test('fieldErrors maps every BadRequest violation to its field', () => {
  const badRequest = create(BadRequestSchema, {
    fieldViolations: [
      {field: 'need.title', description: 'is required'},
      {field: 'need.budget', description: 'must not be negative'},
      {field: 'need.title', description: 'too long'},
    ]
  });
  const error = new ConnectError(
      'invalid request', Code.InvalidArgument, undefined,
      [{desc: BadRequestSchema, value: badRequest}]);
  const errors = fieldErrors(error);
  assert.deepEqual(
      [...errors],
      [['need.title', 'is required; too long'], ['need.budget', 'must not be negative']]);
  assert.equal(errorMessage(error), 'invalid request');
});

test('errorMessage words a missing session and a refusal in the page\'s language', () => {
  const words = {notSignedIn: '未登录', forbidden: '无权'};
  assert.equal(errorMessage(new ConnectError('no key', Code.Unauthenticated), words), '未登录');
  assert.equal(
      errorMessage(new ConnectError('ENTERPRISE may not', Code.PermissionDenied), words),
      '无权 (ENTERPRISE may not)');
  assert.equal(errorMessage(new ConnectError('bad', Code.InvalidArgument), words), 'bad');
  assert.equal(
      errorMessage(new ConnectError('etag "3" is stale', Code.Aborted), {...words, conflict: '已被他人修改'}),
      '已被他人修改 (etag "3" is stale)');
  assert.equal(errorMessage(new ConnectError('stale', Code.Aborted), words), 'stale');
  assert.equal(errorMessage(new ConnectError('no key', Code.Unauthenticated)), 'no key');
});

test('fieldErrors of other failures is empty', () => {
  assert.equal(fieldErrors(new ConnectError('no', Code.PermissionDenied)).size, 0);
  assert.equal(fieldErrors(new Error('network')).size, 0);
  assert.equal(errorMessage(new Error('network')), 'network');
});

test('parseMoneyText: 万/萬/亿/億 by shifting the point, exactly', () => {
  assert.deepEqual(parseMoneyText('300萬'), cny(3000000n));
  assert.deepEqual(parseMoneyText('2.8亿'), cny(280000000n));
  assert.deepEqual(parseMoneyText('230.00005万'), cny(2300000n, 500000000));
  assert.deepEqual(parseMoneyText('850,000'), cny(850000n));
  assert.deepEqual(parseMoneyText('0.000000001亿'), cny(0n, 100000000));
  assert.equal(parseMoneyText('0.00000000000001万'), null);  // below a nano
  assert.equal(parseMoneyText('12.3.4'), null);
  assert.equal(parseMoneyText('-5万'), null);
  assert.equal(parseMoneyText('万'), null);
});

test('CSV: quotes, doubled quotes, commas and line breaks inside, CRLF, BOM, blank lines', () => {
  assert.deepEqual(
      parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\r\n\r\n"multi\nline",\n'),
      [['a', 'b'], ['x, y', 'he said "hi"'], ['multi\nline', '']]);
  assert.deepEqual(
      csvRecords('id,title\nn1, 标题 \nn2'),
      [{row: 2, cells: {id: 'n1', title: '标题'}}, {row: 3, cells: {id: 'n2', title: ''}}]);
  assert.deepEqual(csvRecords(''), []);
});

test('parseYuanInput: exact yuan with grouping, 万/亿, ¥ and 元', () => {
  assert.deepEqual(parseYuanInput('12,345,678.90'), {money: cny(12345678n, 900000000)});
  assert.deepEqual(parseYuanInput(' ¥1,234.5 '), {money: cny(1234n, 500000000)});
  assert.deepEqual(parseYuanInput('1234.56789万'), {money: cny(12345678n, 900000000)});
  assert.deepEqual(parseYuanInput('2.8亿元'), {money: cny(280000000n)});
  assert.deepEqual(parseYuanInput('0.010'), {money: cny(0n, 10000000)});  // trailing zeros
  assert.deepEqual(parseYuanInput('0'), {money: cny(0n)});
  // The largest int64 of yuan still fits; one more does not (a float would not notice).
  assert.deepEqual(parseYuanInput('9223372036854775807.99'),
                   {money: cny(9223372036854775807n, 990000000)});
});

test('parseYuanInput names what is wrong', () => {
  assert.deepEqual(parseYuanInput('12.345'), {problem: 'moneyTooPrecise'});
  assert.deepEqual(parseYuanInput('1.0000001万'), {problem: 'moneyTooPrecise'});
  assert.deepEqual(parseYuanInput('12a'), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput('abc'), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput('-5'), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput('1e6'), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput('12.3.4'), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput(''), {problem: 'moneyNotNumber'});
  assert.deepEqual(parseYuanInput('9223372036854775808'), {problem: 'moneyTooLarge'});
  assert.deepEqual(parseYuanInput('922337203685477.5808亿'), {problem: 'moneyTooLarge'});
});

test('CSV cells: formula-like text becomes text, plain signed numbers stay numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
  assert.equal(csvCell('@SUM(A1)'), '"\'@SUM(A1)"');
  assert.equal(csvCell('+86 830'), '"\'+86 830"');
  assert.equal(csvCell('-1250.00'), '-1250.00');
  assert.equal(csvCell('+3'), '+3');
  assert.equal(csvCell('\tx'), '"\'\tx"');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('四川大学'), '四川大学');
  assert.equal(isFormulaLike('-'), true);
  assert.equal(isFormulaLike(''), false);
  assert.equal(csvText([['a', '=1'], ['泸州', '2']]), '\ufeffa,"\'=1"\r\n泸州,2\r\n');
});

test('CRC-32 of the zip polynomial', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

// Reads a stored zip the way an unzip tool does: from the end record through the central
// directory to each local header; checks sizes, names and CRCs. Entry name → bytes.
function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, 'end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < count; ++i) {
    assert.equal(view.getUint32(at, true), 0x02014b50, 'central directory entry');
    assert.equal(view.getUint16(at + 10, true), 0, 'stored');
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    assert.equal(view.getUint32(local, true), 0x04034b50, `local header of ${name}`);
    const data = bytes.subarray(local + 30 + view.getUint16(local + 26, true),
                                local + 30 + view.getUint16(local + 26, true) + size);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    entries.set(name, data);
    at += 46 + nameLength;
  }
  return entries;
}

test('zip: stored entries with UTF-8 names read back', () => {
  const bytes = zipStored([{name: 'a.txt', data: new TextEncoder().encode('hello')},
                           {name: '日程/表.xml', data: new Uint8Array([1, 2, 3])}]);
  const entries = readZip(bytes);
  assert.deepEqual([...entries.keys()], ['a.txt', '日程/表.xml']);
  assert.equal(new TextDecoder().decode(entries.get('a.txt')), 'hello');
});

test('XLSX: the minimal parts, the sheet holding the rows in UTF-8, markup escaped', () => {
  assert.deepEqual([0, 25, 26, 701, 702].map(columnName), ['A', 'Z', 'AA', 'ZZ', 'AAA']);
  const bytes = xlsxWorkbook({
    name: '泸州老窖: 日程?',
    rows: [['泸州老窖'], ['时间', '桌号', '对方'], ['2026-01-04 09:00–09:20', 3, '四川大学 <R&D> "x"\u0001']],
  });
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK');
  const entries = readZip(bytes);
  assert.deepEqual([...entries.keys()].sort(), [
    '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml',
    'xl/worksheets/sheet1.xml'
  ]);
  const sheet = new TextDecoder().decode(entries.get('xl/worksheets/sheet1.xml'));
  assert.match(sheet, /<c r="A1" t="inlineStr"><is><t xml:space="preserve">泸州老窖<\/t><\/is><\/c>/);
  assert.match(sheet, /<c r="B3"><v>3<\/v><\/c>/);
  assert.match(sheet, /四川大学 &lt;R&amp;D&gt; &quot;x&quot;<\/t>/);
  assert.doesNotMatch(sheet, /\u0001/);
  const workbook = new TextDecoder().decode(entries.get('xl/workbook.xml'));
  assert.match(workbook, /<sheet name="泸州老窖  日程" sheetId="1" r:id="rId1"\/>/);
  // A second opinion when Debian's python3 is here: its zipfile module tests every CRC.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techmatch-xlsx-'));
  try {
    const file = path.join(dir, 'agenda.xlsx');
    fs.writeFileSync(file, bytes);
    const checked = childProcess.spawnSync('python3', ['-m', 'zipfile', '-t', file], {encoding: 'utf8'});
    if (!checked.error) assert.equal(checked.status, 0, checked.stderr + checked.stdout);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('the account from /session: a user, an API key, and an answer without a known role', () => {
  const user = principalFromJson({
    user: {
      name: 'users/li-ming', email: 'li.ming@lzlj.example', displayName: '李明',
      organization: 'organizations/lzlj', role: 'ENTERPRISE', regionCode: '510500'
    }
  });
  assert.deepEqual(user, {
    name: 'users/li-ming', email: 'li.ming@lzlj.example', displayName: '李明',
    organization: 'organizations/lzlj', role: 'ENTERPRISE', regionCode: '510500'
  });
  assert.equal(isApiKey(user!), false);
  assert.deepEqual(workspaceOf(user!), {role: 'ENTERPRISE', organization: 'organizations/lzlj'});
  const admin = principalFromJson({user: {name: 'apiKeys/3f9c0a1b2c3d4e5f', role: 'ADMIN'}});
  assert.equal(isApiKey(admin!), true);
  assert.equal(admin!.organization, '');
  // An administrator sees the organizer's pages, review and applications among them.
  assert.deepEqual(workspaceOf(admin!), {role: 'ORGANIZER', organization: ''});
  assert.ok(kRoutesByRole.ADMIN.includes('review') && kRoutesByRole.ADMIN.includes('applications'));
  assert.equal(principalFromJson({user: {name: 'users/x', role: 'ROLE_UNSPECIFIED'}}), null);
  assert.equal(principalFromJson({}), null);
  assert.equal(principalFromJson(null), null);
});

test('ledger figures as text: counts, exact money, basis points as percentages', () => {
  assert.equal(formatFigure({case: 'count', value: 1234567n}, 'zh-Hans'), '1234567');
  assert.equal(formatFigure({case: 'count', value: 1234567n}, 'en'), '1,234,567');
  assert.equal(formatFigure({case: 'money', value: cny(1200000n, 500000000)}, 'zh-Hans'), '120.00005万元');
  assert.equal(formatFigure({case: 'percentBp', value: 1250n}, 'en'), '12.5%');
  assert.equal(formatFigure(undefined, 'zh-Hans'), '—');
  assert.equal(formatFigure({case: undefined}, 'en'), '—');
  assert.equal(formatPercentBp(10000n), '100%');
  assert.equal(formatPercentBp(8n), '0.08%');
  assert.equal(formatPercentBp(12345n), '123.45%');
});

test('changes on last year: signed counts and amounts, the percentage when there is one', () => {
  const change = (init: MessageInitShape<typeof YearChangeSchema>) => create(YearChangeSchema, init);
  assert.equal(formatChange(change({difference: {case: 'count', value: 3n}, percentBp: 4170n}), 'en'), '+3 (+41.7%)');
  assert.equal(formatChange(change({difference: {case: 'count', value: -2n}, percentBp: -5000n}), 'zh-Hans'), '-2 (-50%)');
  assert.equal(formatChange(change({difference: {case: 'count', value: 0n}}), 'zh-Hans'), '+0');
  assert.equal(formatChange(change({difference: {case: 'amount', value: cny(-125000n)}}), 'zh-Hans'), '-12.5万元');
  assert.equal(formatChange(change({difference: {case: 'amount', value: cny(1200000n)}, percentBp: 10000n}), 'en'),
               '+CNY 1,200,000.00 (+100%)');
  assert.equal(formatChange(change({}), 'en'), '—');
  assert.equal(formatChange(undefined, 'en'), '—');
});

test('ledger figures as typed: whole counts within int64, percentages to basis points', () => {
  assert.deepEqual(parseCount('1,250'), {value: 1250n});
  assert.deepEqual(parseCount('0'), {value: 0n});
  assert.deepEqual(parseCount('9223372036854775807'), {value: 9223372036854775807n});
  assert.deepEqual(parseCount('9223372036854775808'), {problem: 'countNotNumber'});
  for (const bad of ['', '-1', '1.5', '一千', '1e3']) assert.deepEqual(parseCount(bad), {problem: 'countNotNumber'}, bad);
  assert.deepEqual(parsePercent('12.5'), {value: 1250n});
  assert.deepEqual(parsePercent('12.5%'), {value: 1250n});
  assert.deepEqual(parsePercent('100 ％'), {value: 10000n});
  assert.deepEqual(parsePercent('0.01'), {value: 1n});
  for (const bad of ['', '-1', '1.234', 'abc', '%']) assert.deepEqual(parsePercent(bad), {problem: 'percentNotNumber'}, bad);
  assert.deepEqual(parseFigure('300万', 'money'), {figure: {case: 'money', value: cny(3000000n)}});
  assert.deepEqual(parseFigure('1.005', 'money'), {problem: 'moneyTooPrecise'});
  assert.deepEqual(parseFigure('7', 'count'), {figure: {case: 'count', value: 7n}});
  assert.deepEqual(parseFigure('7.5', 'percentBp'), {figure: {case: 'percentBp', value: 750n}});
  assert.equal(figureInput({case: 'percentBp', value: 750n}), '7.5');
  assert.equal(figureInput({case: 'money', value: cny(1200000n, 500000000)}), '1200000.5');
  assert.equal(figureInput({case: 'count', value: 42n}), '42');
  assert.equal(figureInput(undefined), '');
});

test('field errors by path: a field and what is under it; the rest for the banner', () => {
  const errors = new Map([
    ['target.value', 'must be a count'], ['target.money.currency_code', 'must be CNY'],
    ['target.region_code', 'not GB/T 2260'], ['target.valued', 'other'], ['', 'no field'],
  ]);
  assert.equal(errorAt(errors, 'target.value', 'target.money'), 'must be a count; must be CNY');
  assert.equal(errorAt(errors, 'target.year'), undefined);
  assert.deepEqual(unownedErrors(errors, ['target.value', 'target.money', 'target.region_code']),
                   ['target.valued: other', 'no field']);
});

console.log(`PASSED ${count} tests`);
