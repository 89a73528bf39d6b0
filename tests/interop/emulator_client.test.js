// Interop, first direction: grpc-js (an HTTP/2 and gRPC implementation we did
// not write) loads our .proto files and drives the real pwmsg-fake-server.
// The expectations come from docs/errors.md ("What the fake server answers")
// and the API reference, not from our C++ code: every documented Cancel
// outcome with its exact code, message and decoded google.rpc.Status, plus
// Notify and ListMessages.
//
// Run: PUSHWOOSH_FAKE_SERVER=build/bin/pwmsg-fake-server node --test <this>
'use strict';

const {describe, test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const grpc = require('@grpc/grpc-js');
const {loadServices} = require('./lib/protos.js');
const {startServer, unary, detail} = require('./lib/peer.js');

const kEmulator = process.env.PUSHWOOSH_FAKE_SERVER;
const kAcme = 'acme-interop-token';
const kGlobex = 'globex-interop-token';
const kApplication = 'ABCDE-12345';
const kUnknownCode = 'C3F8-C3863ED4-334AD4F1';
const kHour = '3600000';
const kNotCancelableMessage =
    'message is not cancelable: it is no longer pending, waiting or processing';
const {MessagingService, StatisticsService} = loadServices();

// An emulator with both accounts and the given lifecycle flags.
async function emulator(extraFlags) {
  assert.ok(kEmulator, 'set PUSHWOOSH_FAKE_SERVER to the emulator binary');
  const server = await startServer([
    kEmulator, '--listen', '127.0.0.1:0', '--token', `${kAcme}=acme`,
    '--token', `${kGlobex}=globex`, ...extraFlags,
  ]);
  const credentials = grpc.credentials.createInsecure();
  server.messaging = new MessagingService(server.address, credentials);
  server.statistics = new StatisticsService(server.address, credentials);
  server.close = async () => {
    server.messaging.close();
    server.statistics.close();
    const exit = await server.stop();
    assert.equal(exit.code, 0, `emulator exit: ${exit.stderr}`);
    assert.ok(!exit.stderr.includes(kAcme), 'the emulator logged a token');
  };
  return server;
}

async function notify(server, schedule = {}) {
  const {error, response} = await unary(server.messaging, 'Notify', {
    segment: {application: kApplication, code: 'all-subscribers', schedule},
  }, {token: kAcme});
  assert.equal(error, undefined);
  return response.result.message_code;
}

async function cancel(server, code, token = kAcme) {
  return unary(server.messaging, 'Cancel', {message_code: code}, {token});
}

async function statusOf(server, code) {
  const {error, response} = await unary(server.statistics, 'ListMessages', {
    filters: {application: kApplication, messages_codes: [code]},
  }, {token: kAcme});
  assert.equal(error, undefined);
  assert.equal(response.items.length, 1);
  return response.items[0].status;
}

// The checks every error shares: the trailer is there, agrees with the
// status line, and carries an ErrorInfo in our domain and a request id.
function assertRichError(error, code, message, reason) {
  assert.ok(error, 'expected an error');
  assert.equal(error.code, code);
  assert.equal(error.message, message);
  assert.ok(error.status, 'grpc-status-details-bin is missing');
  assert.equal(error.status.code, code);
  assert.equal(error.status.message, message);
  const info = detail(error.status, 'ErrorInfo');
  assert.equal(info.reason, reason);
  assert.equal(info.domain, 'pushwoosh.com');
  assert.match(detail(error.status, 'RequestInfo').request_id, /\S/);
  return info;
}

describe('a pending/waiting emulator (lifecycle of an hour)', () => {
  let server;
  before(async () => {
    server = await emulator(['--pending-ms', kHour, '--processing-ms', kHour]);
  });
  after(async () => server.close());

  test('Notify returns a message code in the documented shape', async () => {
    assert.match(await notify(server), /^[0-9A-F]{4}-[0-9A-F]{8}-[0-9A-F]{8}$/);
  });

  test('ListMessages shows a new message as pending', async () => {
    const code = await notify(server);
    const {response} = await unary(server.statistics, 'ListMessages', {
      filters: {application: kApplication, messages_codes: [code]},
    }, {token: kAcme});
    assert.equal(response.total, '1');
    assert.equal(response.items[0].code, code);
    assert.equal(response.items[0].status, 'pending');
    assert.match(response.items[0].created_date,
                 /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  test('ListMessages without filters is INVALID_ARGUMENT', async () => {
    const {error} = await unary(server.statistics, 'ListMessages', {},
                                {token: kAcme});
    assertRichError(error, grpc.status.INVALID_ARGUMENT, 'filters is required',
                    'MISSING_FIELD');
  });

  test('a pending message is canceled', async () => {
    const code = await notify(server);
    const {error, response} = await cancel(server, code);
    assert.equal(error, undefined);
    assert.deepEqual(response, {});
    assert.equal(await statusOf(server, code), 'canceled');
  });

  test('a waiting (scheduled) message is canceled', async () => {
    const code = await notify(server, {after: {seconds: 7200}});
    assert.equal(await statusOf(server, code), 'waiting');
    assert.equal((await cancel(server, code)).error, undefined);
    assert.equal(await statusOf(server, code), 'canceled');
  });

  test('a canceled message is FAILED_PRECONDITION, not cancelable', async () => {
    const code = await notify(server);
    assert.equal((await cancel(server, code)).error, undefined);
    const {error} = await cancel(server, code);
    const info = assertRichError(error, grpc.status.FAILED_PRECONDITION,
                                 kNotCancelableMessage,
                                 'MESSAGE_NOT_CANCELABLE');
    assert.deepEqual(info.metadata, {message_code: code, status: 'canceled'});
  });

  test('an unknown code is NOT_FOUND "message not found"', async () => {
    const {error} = await cancel(server, kUnknownCode);
    const info = assertRichError(error, grpc.status.NOT_FOUND,
                                 'message not found', 'MESSAGE_NOT_FOUND');
    assert.deepEqual(info.metadata, {message_code: kUnknownCode});
  });

  test('another account\'s message is PERMISSION_DENIED', async () => {
    const code = await notify(server);
    const {error} = await cancel(server, code, kGlobex);
    assertRichError(error, grpc.status.PERMISSION_DENIED,
                    'message belongs to another account',
                    'MESSAGE_BELONGS_TO_ANOTHER_ACCOUNT');
    assert.equal(await statusOf(server, code), 'pending');
  });

  test('a missing code is INVALID_ARGUMENT with a field violation', async () => {
    const {error} = await cancel(server, '');
    assertRichError(error, grpc.status.INVALID_ARGUMENT,
                    'message_code is required', 'MISSING_FIELD');
    assert.deepEqual(detail(error.status, 'BadRequest').field_violations,
                     [{field: 'message_code', description: 'is required'}]);
  });

  test('no token is UNAUTHENTICATED TOKEN_MISSING', async () => {
    const {error} = await unary(server.messaging, 'Cancel',
                                {message_code: kUnknownCode});
    assert.equal(error.code, grpc.status.UNAUTHENTICATED);
    assert.match(error.message, /^missing API token/);
    assert.equal(detail(error.status, 'ErrorInfo').reason, 'TOKEN_MISSING');
  });

  test('an unknown token is UNAUTHENTICATED and not echoed', async () => {
    const {error} = await cancel(server, kUnknownCode, 'mistyped-token');
    assertRichError(error, grpc.status.UNAUTHENTICATED, 'invalid API token',
                    'TOKEN_INVALID');
    assert.ok(!JSON.stringify(error).includes('mistyped-token'));
  });
});

describe('a processing emulator (no pending time)', () => {
  let server;
  before(async () => {
    server = await emulator(['--pending-ms', '0', '--processing-ms', kHour]);
  });
  after(async () => server.close());

  test('a processing message is canceled', async () => {
    const code = await notify(server);
    assert.equal(await statusOf(server, code), 'processing');
    assert.equal((await cancel(server, code)).error, undefined);
    assert.equal(await statusOf(server, code), 'canceled');
  });
});

describe('a done emulator (messages are delivered at once)', () => {
  let server;
  before(async () => {
    server = await emulator(['--pending-ms', '0', '--processing-ms', '0']);
  });
  after(async () => server.close());

  test('a done message is FAILED_PRECONDITION, not cancelable', async () => {
    const code = await notify(server);
    assert.equal(await statusOf(server, code), 'done');
    const {error} = await cancel(server, code);
    const info = assertRichError(error, grpc.status.FAILED_PRECONDITION,
                                 kNotCancelableMessage,
                                 'MESSAGE_NOT_CANCELABLE');
    assert.deepEqual(info.metadata, {message_code: code, status: 'done'});
    assert.equal(await statusOf(server, code), 'done');
  });
});

describe('an emulator whose Cancel fails INTERNAL', () => {
  let server;
  before(async () => {
    server = await emulator([
      '--fault', 'Cancel:INTERNAL,count=-1,message=cannot publish the cancellation',
    ]);
  });
  after(async () => server.close());

  test('Cancel is INTERNAL with the fault\'s message and details', async () => {
    const {error} = await cancel(server, kUnknownCode);
    assert.equal(error.code, grpc.status.INTERNAL);
    assert.equal(error.message, 'cannot publish the cancellation');
    assert.equal(error.status.code, grpc.status.INTERNAL);
    assert.deepEqual(detail(error.status, 'ErrorInfo'),
                     {reason: 'INJECTED_FAULT', domain: 'pushwoosh.com',
                      metadata: {}});
  });
});
