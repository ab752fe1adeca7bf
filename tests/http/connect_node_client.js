#!/usr/bin/env node
// A second, independent Connect client against the HTTP listener: @connectrpc/connect with
// @connectrpc/connect-node (HTTP/1.1), the services taken at run time from a descriptor set
// that protoc built from proto/ (protobuf-es's dynamic registry: no generated code).
//
//   node tests/http/connect_node_client.js build/bin/techmatch-server DESCRIPTOR_SET
//
// Starts the server with --http_listen on port 0 and a fresh database, then over Connect:
// creates organizations, an event and needs (JSON), reads a need back in JSON and in binary,
// checks a refused create's google.rpc.BadRequest details and an unauthenticated call, streams
// MatchEvent (one message per need), and stops the server with SIGTERM.
//
// Exit codes: 0 pass, 1 fail, 77 skipped (node_modules lacks the Connect packages).
'use strict';

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const kSkip = 77;
const kRoot = path.resolve(__dirname, '..', '..');

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}

let protobuf;
let wkt;
let connect;
let connectNode;
try {
  protobuf = require('@bufbuild/protobuf');
  wkt = require('@bufbuild/protobuf/wkt');
  connect = require('@connectrpc/connect');
  connectNode = require('@connectrpc/connect-node');
} catch (e) {
  skip(`the Connect packages are not installed in ${path.join(kRoot, 'node_modules')} ` +
       `(${e.code || e.message}); run scripts/install-deps with access to the npm registry.`);
}

const [serverBin, descriptorSet] = process.argv.slice(2);
if (!serverBin || !descriptorSet) {
  console.error('usage: connect_node_client.js TECHMATCH_SERVER DESCRIPTOR_SET');
  process.exit(2);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function startServer(dir) {
  const db = path.join(dir, 'techmatch.db');
  const portFile = path.join(dir, 'http_port');
  // The database, then an administrator key, made on the host before the server starts.
  childProcess.execFileSync(serverBin, [`--db=${db}`, 'init'], {encoding: 'utf8'});
  const token = childProcess.execFileSync(
      serverBin, [`--db=${db}`, 'keys', 'create', '--role', 'ADMIN', '--label', 'connect-node'],
      {encoding: 'utf8'}).trim();
  const args = [`--db=${db}`, '--listen=127.0.0.1:0', '--http_listen=127.0.0.1:0',
                `--http_port_file=${portFile}`];
  const server = childProcess.spawn(serverBin, args, {stdio: ['ignore', 'inherit', 'inherit']});
  server.exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({code, signal})));
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (fs.existsSync(portFile)) {
      const port = Number(fs.readFileSync(portFile, 'utf8').trim());
      if (port > 0) return {server, port, token};
    }
    await sleep(50);
  }
  server.kill('SIGKILL');
  throw new Error('techmatch-server wrote no HTTP port within 30 s');
}

let stepCount = 0;
async function step(name, fn) {
  stepCount += 1;
  process.stdout.write(`[${stepCount}] ${name} ... `);
  await fn();
  process.stdout.write('ok\n');
}

async function main() {
  const registry = protobuf.createFileRegistry(
      protobuf.fromBinary(wkt.FileDescriptorSetSchema, fs.readFileSync(descriptorSet)));
  const service = (name) => {
    const found = registry.getService(`techmatch.v1.${name}`);
    assert.ok(found, `${name} in the descriptor set`);
    return found;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techmatch-connect-node-'));
  const {server, port, token} = await startServer(dir);
  let failed = null;
  try {
    const transport = (binary, credentials = token) => connectNode.createConnectTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      httpVersion: '1.1',
      useBinaryFormat: binary,
      interceptors: [(next) => async (request) => {
        if (credentials) request.header.set('Authorization', `Bearer ${credentials}`);
        return next(request);
      }],
    });
    const json = transport(false);
    const binary = transport(true);
    const organizations = connect.createClient(service('OrganizationService'), json);
    const events = connect.createClient(service('EventService'), json);
    const needs = connect.createClient(service('NeedService'), json);

    await step('create organizations and an event (JSON)', async () => {
      const acme = await organizations.createOrganization({
        organizationId: 'acme',
        organization: {displayName: '瀘州老窖', kind: 1 /* ENTERPRISE */, regionCode: '510500'},
      });
      assert.equal(acme.name, 'organizations/acme');
      const fair = await events.createEvent({
        eventId: 'fair',
        event: {displayName: '2026年產學研合作洽談會', location: '瀘州',
                startTime: {seconds: 1795000000n}, endTime: {seconds: 1795086400n}},
      });
      assert.equal(fair.name, 'events/fair');
    });

    await step('create needs registered at the event', async () => {
      for (const [id, title] of [['aging', '窖泥老化防治'], ['temperature', '白酒窖池溫度監測']]) {
        const need = await needs.createNeed({
          needId: id,
          need: {enterprise: 'organizations/acme', title, industries: ['industries/liquor'],
                 events: ['events/fair'],
                 budget: {currencyCode: 'CNY', units: 2300000n, nanos: 500000000}},
        });
        assert.equal(need.name, `needs/${id}`);
      }
    });

    await step('GetNeed in JSON and in binary agree', async () => {
      const viaJson = await needs.getNeed({name: 'needs/aging'});
      const viaBinary =
          await connect.createClient(service('NeedService'), binary).getNeed({name: 'needs/aging'});
      assert.equal(viaJson.title, '窖泥老化防治');
      assert.equal(viaJson.budget.units, 2300000n);
      assert.equal(viaJson.budget.nanos, 500000000);
      assert.ok(protobuf.equals(registry.getMessage('techmatch.v1.Need'), viaJson, viaBinary));
    });

    await step('a refused create carries its BadRequest field violations', async () => {
      await assert.rejects(needs.createNeed({need: {title: ''}}), (err) => {
        assert.ok(err instanceof connect.ConnectError);
        assert.equal(err.code, connect.Code.InvalidArgument);
        const details = err.findDetails(registry.getMessage('google.rpc.BadRequest'));
        assert.equal(details.length, 1);
        const fields = details[0].fieldViolations.map((v) => v.field);
        for (const field of ['need.enterprise', 'need.title', 'need.industries']) {
          assert.ok(fields.includes(field), `${field} in ${fields}`);
        }
        return true;
      });
    });

    await step('no credentials: unauthenticated', async () => {
      const anonymous = connect.createClient(service('NeedService'), transport(false, ''));
      await assert.rejects(anonymous.getNeed({name: 'needs/aging'}),
                           (err) => err.code === connect.Code.Unauthenticated);
    });

    for (const [label, t] of [['JSON', json], ['binary', binary]]) {
      await step(`MatchEvent streams one message per need (${label})`, async () => {
        const matches = connect.createClient(service('MatchService'), t);
        const seen = [];
        for await (const message of matches.matchEvent({event: 'events/fair'})) {
          seen.push(message.need);
        }
        assert.deepEqual(seen.sort(), ['needs/aging', 'needs/temperature']);
      });
    }

    await step('a stream error ends the stream with its code', async () => {
      const matches = connect.createClient(service('MatchService'), json);
      await assert.rejects(async () => {
        for await (const message of matches.matchEvent({event: 'events/none'})) {
          assert.fail(`unexpected ${message.need}`);
        }
      }, (err) => err.code === connect.Code.NotFound);
    });
  } catch (e) {
    process.stdout.write('FAILED\n');
    failed = e;
  }
  server.kill('SIGTERM');
  const exit = await Promise.race([server.exited, sleep(20000).then(() => null)]);
  fs.rmSync(dir, {recursive: true, force: true});
  if (failed) throw failed;
  assert.ok(exit && exit.code === 0, `server exit ${JSON.stringify(exit)}`);
  console.log(`${stepCount} passed, 0 failed`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
