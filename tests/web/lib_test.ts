// Unit tests of the portal's money formatting and parsing, of the BadRequest → field map
// helper and of reading the signed-in account. Bundled by run_lib_test.mjs with esbuild and run in node.
import {create} from '@bufbuild/protobuf';
import {Code, ConnectError} from '@connectrpc/connect';
import assert from 'node:assert/strict';

import {BadRequestSchema} from '../../web/src/gen/google/rpc/error_details_pb';
import {csvRecords, parseCsv} from '../../web/src/lib/csv';
import {errorMessage, fieldErrors} from '../../web/src/lib/field_errors';
import {decimalString, formatMoney, moneyInput, parseMoney, parseMoneyText} from '../../web/src/lib/money';
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

console.log(`PASSED ${count} tests`);
