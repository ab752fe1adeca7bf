#!/usr/bin/env node
// Interoperability test: a second, independent gRPC implementation (@grpc/grpc-js with
// @grpc/proto-loader loading proto/ at run time) against a real techmatch-server.
//
//   node tests/interop/grpc_js_interop.js build/bin/techmatch-server
//
// Starts the server on port 0 with a fresh database in a temporary directory, then:
// reads the seeded industries; creates an ENTERPRISE organization; creates needs with Chinese
// text in both scripts and a Money budget; reads one back with GetNeed and checks every field
// round-trips exactly; repeats a CreateNeed with the same request_id; lists needs with filters
// and pages; checks that bad input is refused with INVALID_ARGUMENT whose
// google.rpc.BadRequest field violations (decoded from the grpc-status-details-bin trailer)
// name every bad field (even when a description quotes control bytes); checks NOT_FOUND;
// stops the server with SIGTERM and expects a clean exit.
//
// Exit codes: 0 pass, 1 fail, 77 skipped (node_modules absent: npm registry unreachable when
// scripts/install-deps ran).
'use strict';

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const kSkip = 77;
const kRoot = path.resolve(__dirname, '..', '..');
const kProtoDir = path.join(kRoot, 'proto');
const kDeadlineMs = 10000;

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}

let grpc;
let protoLoader;
let protobuf;
try {
  grpc = require('@grpc/grpc-js');
  protoLoader = require('@grpc/proto-loader');
  protobuf = require('protobufjs');  // A dependency of @grpc/proto-loader.
} catch (e) {
  skip(`npm dev tools are not installed in ${path.join(kRoot, 'node_modules')} ` +
       `(${e.code || e.message}); the npm registry was unreachable when scripts/install-deps ` +
       'ran. Run scripts/install-deps with network access to enable this test.');
}

// ---------------------------------------------------------------------------------------------
// Test harness: named steps, one failure fails the run.

let stepCount = 0;
async function step(name, fn) {
  stepCount += 1;
  process.stdout.write(`[${stepCount}] ${name} ... `);
  try {
    await fn();
    process.stdout.write('ok\n');
  } catch (e) {
    process.stdout.write('FAILED\n');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The server.

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// `techmatch-server --db DB keys create --role ROLE ...`: the token it prints.
function createKey(serverBin, db, role, organization = '') {
  const args = [`--db=${db}`, 'keys', 'create', '--role', role, '--label', 'interop'];
  if (organization) args.push('--organization', organization);
  return childProcess.execFileSync(serverBin, args, {encoding: 'utf8'}).trim();
}

async function startServer(serverBin, dir) {
  const portFile = path.join(dir, 'port');
  const db = path.join(dir, 'techmatch.db');
  // The database, then an administrator key, made on the host before the server starts, as a
  // deployment does.
  childProcess.execFileSync(serverBin, [`--db=${db}`, 'init'], {encoding: 'utf8'});
  token = createKey(serverBin, db, 'ADMIN');
  const args = ['--listen=127.0.0.1:0', `--port_file=${portFile}`, `--db=${db}`];
  console.log(`starting ${serverBin} ${args.join(' ')}`);
  const server = childProcess.spawn(serverBin, args, {stdio: ['ignore', 'inherit', 'inherit']});
  const exited = new Promise((resolve) => {
    server.on('exit', (code, signal) => resolve({code, signal}));
    server.on('error', (err) => resolve({code: null, signal: null, error: err}));
  });
  server.exited = exited;
  let state = null;
  exited.then((s) => { state = s; });
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (state) {
      throw new Error(`techmatch-server exited before writing ${portFile}: ` +
                      JSON.stringify(state.error ? String(state.error) : state));
    }
    if (fs.existsSync(portFile)) {
      const text = fs.readFileSync(portFile, 'utf8').trim();
      const port = Number(text);
      if (/^[0-9]+$/.test(text) && port > 0 && port < 65536) return {server, port};
    }
    await sleep(50);
  }
  server.kill('SIGKILL');
  throw new Error(`techmatch-server wrote no port to ${portFile} within 30 s`);
}

async function stopServer(server) {
  server.kill('SIGTERM');
  const result = await Promise.race([server.exited, sleep(20000).then(() => null)]);
  if (result === null) {
    server.kill('SIGKILL');
    throw new Error('techmatch-server did not stop within 20 s of SIGTERM');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The API, loaded from proto/ at run time.

function loadApi() {
  const files = fs.readdirSync(path.join(kProtoDir, 'techmatch', 'v1'))
      .filter((f) => f.endsWith('.proto'))
      .map((f) => path.join('techmatch', 'v1', f));
  const definition = protoLoader.loadSync(files, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: [kProtoDir, '/usr/include'],
  });
  return grpc.loadPackageDefinition(definition).techmatch.v1;
}

// google.rpc.Status and BadRequest via protobufjs, from our wire copies in proto/google/rpc.
function loadStatusTypes() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    for (const dir of [kProtoDir, '/usr/include']) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) return candidate;
    }
    return protobuf.util.path.resolve(origin, target);
  };
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], {keepCase: true});
  return {
    Status: root.lookupType('google.rpc.Status'),
    BadRequest: root.lookupType('google.rpc.BadRequest'),
  };
}

function deadline() {
  return new Date(Date.now() + kDeadlineMs);
}

// Calls a unary method and returns a promise of its response; errors reject with the
// grpc-js ServiceError (code, details, metadata).
// The API key calls present (`authorization: Bearer <token>`), set once the server's key exists.
let token = '';

function call(client, method, request, asToken = token) {
  const metadata = new grpc.Metadata();
  if (asToken) metadata.set('authorization', `Bearer ${asToken}`);
  return new Promise((resolve, reject) => {
    client[method](request, metadata, {deadline: deadline()}, (err, response) => {
      if (err) reject(err);
      else resolve(response);
    });
  });
}

// Expects `promise` to fail with `code`; returns the error.
async function expectError(promise, code, what) {
  let response;
  try {
    response = await promise;
  } catch (err) {
    assert.equal(err.code, code,
                 `${what}: expected ${grpc.status[code]}, got ${grpc.status[err.code]} ` +
                 `(${err.details})`);
    return err;
  }
  assert.fail(`${what}: expected ${grpc.status[code]}, got OK: ${JSON.stringify(response)}`);
}

// The google.rpc.BadRequest field violations of a failed call, decoded from the
// grpc-status-details-bin trailer.
function fieldViolations(err, types) {
  const values = err.metadata ? err.metadata.get('grpc-status-details-bin') : [];
  assert.equal(values.length, 1,
               `the error carries one grpc-status-details-bin trailer (${err.details})`);
  const status = types.Status.decode(values[0]);
  assert.equal(status.code, err.code, 'google.rpc.Status.code equals the gRPC status code');
  const badRequests = status.details.filter(
      (any) => any.type_url === 'type.googleapis.com/google.rpc.BadRequest');
  assert.equal(badRequests.length, 1,
               `one google.rpc.BadRequest in the details; type_urls: ` +
               JSON.stringify(status.details.map((any) => any.type_url)));
  const badRequest = types.BadRequest.decode(badRequests[0].value);
  return badRequest.field_violations.map((v) => ({field: v.field, description: v.description}));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const serverBin = process.argv[2];
  if (!serverBin) {
    console.error('usage: grpc_js_interop.js PATH/TO/techmatch-server');
    process.exit(2);
  }
  console.log(`@grpc/grpc-js ${require('@grpc/grpc-js/package.json').version}, ` +
              `@grpc/proto-loader ${require('@grpc/proto-loader/package.json').version}, ` +
              `protobufjs ${require('protobufjs/package.json').version}, node ${process.version}`);

  const api = loadApi();
  const statusTypes = loadStatusTypes();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techmatch-interop-'));
  let started;
  try {
    started = await startServer(serverBin, dir);
  } catch (e) {
    fs.rmSync(dir, {recursive: true, force: true});
    throw e;
  }
  const {server, port} = started;
  const clients = [];
  try {
    const target = `127.0.0.1:${port}`;
    const credentials = grpc.credentials.createInsecure();
    const client = (Service) => {
      const c = new Service(target, credentials);
      clients.push(c);
      return c;
    };
    const industries = client(api.IndustryService);
    const organizations = client(api.OrganizationService);
    const needs = client(api.NeedService);
    const suffix = crypto.randomBytes(4).toString('hex');

    await step('ListIndustries returns the seeded pillar industries', async () => {
      const response = await call(industries, 'ListIndustries', {page_size: 1000});
      const names = response.industries.map((i) => i.name);
      for (const code of ['liquor', 'chemicals', 'machinery', 'energy', 'agriculture']) {
        assert.ok(names.includes(`industries/${code}`), `industries/${code} in ${names}`);
      }
    });

    await step('GetIndustry industries/liquor', async () => {
      const liquor = await call(industries, 'GetIndustry', {name: 'industries/liquor'});
      assert.equal(liquor.name, 'industries/liquor');
      assert.ok(liquor.display_name_zh.length > 0, 'display_name_zh is set');
    });

    await step('no token: UNAUTHENTICATED; a garbage token: UNAUTHENTICATED', async () => {
      await expectError(call(industries, 'ListIndustries', {}, ''), grpc.status.UNAUTHENTICATED,
                        'ListIndustries without a token');
      await expectError(call(industries, 'ListIndustries', {}, 'not-a-token'),
                        grpc.status.UNAUTHENTICATED, 'ListIndustries with a garbage token');
    });

    await step('an OFFICIAL key reads but may not write (PERMISSION_DENIED)', async () => {
      const official = createKey(serverBin, path.join(dir, 'techmatch.db'), 'OFFICIAL');
      await call(industries, 'ListIndustries', {}, official);
      await expectError(call(industries, 'CreateIndustry',
                             {industry: {display_name_zh: '茶業'}, industry_id: `tea-${suffix}`},
                             official),
                        grpc.status.PERMISSION_DENIED, 'CreateIndustry as OFFICIAL');
      await expectError(call(industries, 'GetIndustry', {name: `industries/tea-${suffix}`}),
                        grpc.status.NOT_FOUND, 'the denied industry');
    });

    const orgId = `luzhou-distillery-${suffix}`;
    const orgName = `organizations/${orgId}`;
    await step('CreateOrganization (ENTERPRISE, Chinese display name)', async () => {
      const org = await call(organizations, 'CreateOrganization', {
        organization: {
          display_name: '瀘州老窖股份有限公司 (Luzhou Laojiao)',
          kind: 'ENTERPRISE',
          region_code: '510500',
          industries: ['industries/liquor'],
        },
        organization_id: orgId,
        request_id: crypto.randomUUID(),
      });
      assert.equal(org.name, orgName);
      assert.equal(org.display_name, '瀘州老窖股份有限公司 (Luzhou Laojiao)');
      assert.equal(org.kind, 'ENTERPRISE');
      assert.equal(org.region_code, '510500');
      assert.deepEqual(org.industries, ['industries/liquor']);
      assert.ok(org.etag.length > 0, 'etag is set');
      const read = await call(organizations, 'GetOrganization', {name: orgName});
      assert.deepEqual(read, org);
    });

    const needId = `cellar-microbes-${suffix}`;
    const needInput = {
      enterprise: orgName,
      title: '濃香型白酒窖池微生物調控 / 纤维素乙醇',
      description: '窖池老化導致己酸菌減少，需要調控窖泥微生物群落；\n' +
                   '同时探索以酒糟为原料的纤维素乙醇工艺 (cellulosic ethanol), 目标产率 ≥ 85%。',
      keywords: ['窖池', '微生物', '纤维素乙醇', 'Clostridium kluyveri'],
      industries: ['industries/liquor', 'industries/agriculture'],
      budget: {currency_code: 'CNY', units: 2300000, nanos: 500000000},
      min_trl: 4,
      cooperation_modes: ['JOINT_DEVELOPMENT', 'TECHNICAL_SERVICE'],
    };
    const createNeedRequestId = crypto.randomUUID();
    let created;
    await step('CreateNeed with Chinese text (both scripts) and a Money budget', async () => {
      created = await call(needs, 'CreateNeed',
                           {need: needInput, need_id: needId, request_id: createNeedRequestId});
      assert.equal(created.name, `needs/${needId}`);
      assert.equal(created.state, 'OPEN');
      assert.ok(created.etag.length > 0, 'etag is set');
      assert.ok(created.create_time && Number(created.create_time.seconds) > 1600000000,
                `create_time is set: ${JSON.stringify(created.create_time)}`);
      assert.ok(created.update_time && Number(created.update_time.seconds) > 1600000000,
                `update_time is set: ${JSON.stringify(created.update_time)}`);
    });

    await step('GetNeed returns every field exactly as created', async () => {
      const read = await call(needs, 'GetNeed', {name: `needs/${needId}`});
      assert.equal(read.name, `needs/${needId}`);
      assert.equal(read.enterprise, needInput.enterprise);
      assert.equal(read.title, needInput.title);
      assert.equal(read.description, needInput.description);
      assert.deepEqual(read.keywords, needInput.keywords);
      assert.deepEqual(read.industries, needInput.industries);
      // int64 units arrive as a decimal string (longs: String): no float anywhere.
      assert.deepEqual(read.budget, {currency_code: 'CNY', units: '2300000', nanos: 500000000});
      assert.equal(read.min_trl, 4);
      assert.deepEqual(read.cooperation_modes, needInput.cooperation_modes);
      assert.deepEqual(read.events, []);
      assert.equal(read.state, 'OPEN');
      // And byte for byte what CreateNeed answered, timestamps and etag included.
      assert.deepEqual(read, created);
    });

    await step('CreateNeed repeated with the same request_id returns the original', async () => {
      const again = await call(needs, 'CreateNeed',
                               {need: needInput, need_id: needId, request_id: createNeedRequestId});
      assert.deepEqual(again, created);
    });

    let need2Name;
    await step('CreateNeed without need_id gets a generated id', async () => {
      const need2 = await call(needs, 'CreateNeed', {
        need: {
          enterprise: orgName,
          title: '酒糟纖維素乙醇中試 pilot plant',
          industries: ['industries/energy'],
          cooperation_modes: ['TRANSFER'],
        },
        request_id: crypto.randomUUID(),
      });
      assert.match(need2.name, /^needs\/[a-z0-9][a-z0-9-]{0,62}$/);
      assert.notEqual(need2.name, `needs/${needId}`);
      assert.equal(need2.budget, null, 'no budget given, none returned');
      assert.equal(need2.title, '酒糟纖維素乙醇中試 pilot plant');
      need2Name = need2.name;
    });

    await step('ListNeeds with filters', async () => {
      const byLiquor = await call(needs, 'ListNeeds', {
        filter: `enterprise = "${orgName}" AND industry = "industries/liquor" AND state = OPEN`,
      });
      assert.deepEqual(byLiquor.needs.map((n) => n.name), [`needs/${needId}`]);
      assert.deepEqual(byLiquor.needs[0], created);
      assert.equal(byLiquor.next_page_token, '');

      const byEnergy = await call(needs, 'ListNeeds', {
        filter: `enterprise = ${orgName} AND industry = industries/energy`,
      });
      assert.deepEqual(byEnergy.needs.map((n) => n.name), [need2Name]);

      const none = await call(needs, 'ListNeeds', {
        filter: `enterprise = "${orgName}" AND state = WITHDRAWN`,
      });
      assert.deepEqual(none.needs, []);
    });

    await step('ListNeeds pages with page_size 1 see every need exactly once', async () => {
      const seen = [];
      let pageToken = '';
      for (let pages = 0; pages < 10; ++pages) {
        const page = await call(needs, 'ListNeeds', {
          filter: `enterprise = "${orgName}"`, page_size: 1, page_token: pageToken,
        });
        assert.ok(page.needs.length <= 1, `a page holds at most page_size needs`);
        seen.push(...page.needs.map((n) => n.name));
        pageToken = page.next_page_token;
        if (!pageToken) break;
      }
      assert.equal(pageToken, '', 'the walk ends');
      assert.deepEqual([...seen].sort(), [`needs/${needId}`, need2Name].sort());
    });

    await step('CreateNeed with an empty title and an unknown industry: INVALID_ARGUMENT ' +
               'naming both fields in google.rpc.BadRequest', async () => {
      const err = await expectError(call(needs, 'CreateNeed', {
        need: {enterprise: orgName, title: '', industries: ['industries/no-such-industry']},
        request_id: crypto.randomUUID(),
      }), grpc.status.INVALID_ARGUMENT, 'CreateNeed with bad fields');
      const violations = fieldViolations(err, statusTypes);
      const fields = violations.map((v) => v.field);
      assert.ok(fields.includes('need.title'), `need.title in ${JSON.stringify(violations)}`);
      assert.ok(fields.includes('need.industries[0]'),
                `need.industries[0] in ${JSON.stringify(violations)}`);
      for (const v of violations) {
        assert.ok(v.description.length > 0, `violation of ${v.field} says why`);
      }
    });

    await step('CreateNeed with a sub-fen budget and another currency: INVALID_ARGUMENT',
               async () => {
      const err = await expectError(call(needs, 'CreateNeed', {
        need: {
          enterprise: orgName,
          title: '窖泥改良',
          industries: ['industries/liquor'],
          budget: {currency_code: 'USD', units: 10, nanos: 5000000 + 1},
        },
        request_id: crypto.randomUUID(),
      }), grpc.status.INVALID_ARGUMENT, 'CreateNeed with a bad budget');
      const fields = fieldViolations(err, statusTypes).map((v) => v.field);
      assert.ok(fields.includes('need.budget.currency_code'), `in ${fields}`);
      assert.ok(fields.includes('need.budget.nanos'), `in ${fields}`);
    });

    await step('rejected requests changed nothing', async () => {
      const all = await call(needs, 'ListNeeds', {filter: `enterprise = "${orgName}"`});
      assert.deepEqual(all.needs.map((n) => n.name).sort(),
                       [`needs/${needId}`, need2Name].sort());
    });

    await step('ListNeeds with an unknown filter field: INVALID_ARGUMENT on filter', async () => {
      const err = await expectError(call(needs, 'ListNeeds', {filter: 'colour = "red"'}),
                                    grpc.status.INVALID_ARGUMENT, 'ListNeeds bad filter');
      const fields = fieldViolations(err, statusTypes).map((v) => v.field);
      assert.deepEqual(fields, ['filter']);
    });

    await step('a filter value with control bytes yields exactly one violation', async () => {
      const err = await expectError(
          call(needs, 'ListNeeds', {filter: 'state = "A\u001eB\u001fC"'}),
          grpc.status.INVALID_ARGUMENT, 'ListNeeds with a bad enum value');
      const violations = fieldViolations(err, statusTypes);
      assert.equal(violations.length, 1, JSON.stringify(violations));
      assert.equal(violations[0].field, 'filter');
      assert.ok(violations[0].description.includes('A\u001eB\u001fC'),
                JSON.stringify(violations[0].description));
    });

    await step('GetNeed of a missing need: NOT_FOUND', async () => {
      await expectError(call(needs, 'GetNeed', {name: `needs/missing-${suffix}`}),
                        grpc.status.NOT_FOUND, 'GetNeed missing');
    });
  } finally {
    for (const c of clients) c.close();
    const result = await stopServer(server);
    console.log(`techmatch-server stopped: ${JSON.stringify(result)}`);
    fs.rmSync(dir, {recursive: true, force: true});
    if (result && result.code !== 0 && process.exitCode === undefined) {
      // Checked after the steps so a step's failure is reported first.
      console.error(`techmatch-server did not exit cleanly on SIGTERM: ${JSON.stringify(result)}`);
      process.exitCode = 1;
    }
  }
}

main().then(() => {
  if (process.exitCode) {
    console.log('FAIL');
  } else {
    console.log(`PASS: ${stepCount} steps`);
  }
}, (err) => {
  console.error(err && err.stack ? err.stack : err);
  console.log('FAIL');
  process.exit(1);
});
