// Checks the scripted server's wire shapes with Node's plain HTTP/2 client,
// so that scripted_server_test.cc's "trailers-only" cases are what they say:
// a trailers-only reply carries grpc-status in its only HEADERS frame; the
// "headers-then" reply sends response headers first and grpc-status last.
'use strict';

const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const http2 = require('node:http2');
const path = require('node:path');
const {startServer} = require('./lib/peer.js');

const kToken = 'wire-check-token';
let server;

before(async () => {
  server = await startServer([process.execPath,
    path.join(__dirname, 'scripted_server.js'), '--token', kToken]);
});
after(async () => server.stop());

// A Cancel call framed by hand: a CancelRequest is field 1, a string.
function rawCancel(messageCode) {
  const code = Buffer.from(messageCode);
  const request = Buffer.concat([Buffer.from([0x0a, code.length]), code]);
  const frame = Buffer.alloc(5 + request.length);
  frame.writeUInt32BE(request.length, 1);
  request.copy(frame, 5);
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${server.address}`);
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': '/pushwoosh.messaging.v2.MessagingService/Cancel',
      'content-type': 'application/grpc',
      'te': 'trailers',
      'authorization': `Token ${kToken}`,
    });
    const result = {headers: null, trailers: null};
    stream.on('response', (headers) => { result.headers = headers; });
    stream.on('trailers', (trailers) => { result.trailers = trailers; });
    stream.on('data', () => {});
    stream.on('end', () => {
      session.close();
      resolve(result);
    });
    stream.end(frame);
  });
}

test('code-N is trailers-only: the status is in the only headers', async () => {
  const {headers, trailers} = await rawCancel('code-5');
  assert.equal(headers['grpc-status'], '5');
  assert.ok(headers['grpc-status-details-bin']);
  assert.equal(trailers, null);
});

test('headers-then-code-N sends headers, then the status as trailers',
     async () => {
       const {headers, trailers} = await rawCancel('headers-then-code-5');
       assert.equal(headers['grpc-status'], undefined);
       assert.equal(trailers['grpc-status'], '5');
       assert.ok(trailers['grpc-status-details-bin']);
     });
