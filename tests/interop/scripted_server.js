// Interop, second direction: an independent gRPC server (grpc-js) that loads
// our .proto files and answers with scripted replies, for our C++ client and
// pwmsg to be driven against (tests/interop/scripted_server_test.cc).
//
// The request picks the script: Cancel's message_code, Notify's
// segment.campaign, ListMessages' filters.campaign or else its first
// filters.messages_codes (echoed back as the message found). Anything after '#' is
// ignored, so a test can make its scenario unique.
//   ok                     success
//   code-N                 gRPC code N (1-16, or an undefined one such as 99)
//                          with rich details, sent trailers-only
//   headers-then-code-N    the same, after the response headers went out
//   malformed-details      NOT_FOUND with a grpc-status-details-bin that is
//                          not a google.rpc.Status
//   no-details             NOT_FOUND with no details trailer at all
//   slow-MS                success after MS milliseconds
// Every call must carry "authorization: Token <--token>"; otherwise the reply
// is UNAUTHENTICATED without details.
//
// Prints "listening on 127.0.0.1:PORT" once serving; SIGTERM stops it.
'use strict';

const grpc = require('@grpc/grpc-js');
const {loadServices, encodeStatusDetails} = require('./lib/protos.js');

const kCodeNames = Object.fromEntries(
    Object.entries(grpc.status).map(([name, code]) => [code, name]));
// Codes our client may retry for some method: the server names a short
// RetryInfo delay so that retries do not slow the tests down.
const kRetryable = new Set([4, 8, 10, 13, 14]);
const kRetryDelayNanos = 5_000_000;

function parseArgs(argv) {
  const args = {token: 'interop-token', listen: '127.0.0.1:0'};
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--token') args.token = argv[i + 1];
    else if (argv[i] === '--listen') args.listen = argv[i + 1];
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  return args;
}

// The rich error of scenario code-N, as documented in scripted_server_test.cc.
function scriptedError(code) {
  const name = kCodeNames[code] || `CODE_${code}`;
  const message = `scripted ${name} reply`;
  const details = [
    {type: 'ErrorInfo', value: {reason: `SCRIPTED_${name}`,
                                domain: 'interop.example',
                                metadata: {grpc_code: String(code)}}},
    {type: 'RequestInfo', value: {request_id: `interop-${code}`}},
  ];
  if (code === grpc.status.INVALID_ARGUMENT ||
      code === grpc.status.OUT_OF_RANGE) {
    details.push({type: 'BadRequest', value: {field_violations: [
      {field: 'message_code', description: 'scripted violation'}]}});
  }
  if (kRetryable.has(code)) {
    details.push({type: 'RetryInfo',
                  value: {retry_delay: {seconds: 0, nanos: kRetryDelayNanos}}});
  }
  const metadata = new grpc.Metadata();
  metadata.set('grpc-status-details-bin',
               encodeStatusDetails({code, message, details}));
  return {code, details: message, metadata};
}

function notFoundWithTrailer(trailer) {
  const metadata = new grpc.Metadata();
  if (trailer) metadata.set('grpc-status-details-bin', trailer);
  return {code: grpc.status.NOT_FOUND, details: 'scripted NOT_FOUND reply',
          metadata};
}

// Runs `scenario` for a unary call; `success` builds the OK response.
function play(call, callback, scenario, success, token) {
  const authorization = call.metadata.get('authorization');
  if (authorization.length !== 1 || authorization[0] !== `Token ${token}`) {
    return callback({code: grpc.status.UNAUTHENTICATED,
                     details: 'scripted server: wrong authorization'});
  }
  const name = (scenario || '').split('#')[0];
  let match;
  if (name === 'ok') return callback(null, success());
  if ((match = /^code-(\d+)$/.exec(name))) {
    return callback(scriptedError(Number(match[1])));
  }
  if ((match = /^headers-then-code-(\d+)$/.exec(name))) {
    call.sendMetadata(new grpc.Metadata());
    return callback(scriptedError(Number(match[1])));
  }
  if (name === 'malformed-details') {
    // A truncated length-delimited field: no protobuf parser accepts it.
    return callback(notFoundWithTrailer(Buffer.from([0x12, 0x7f, 0x01])));
  }
  if (name === 'no-details') return callback(notFoundWithTrailer(null));
  if ((match = /^slow-(\d+)$/.exec(name))) {
    const timer = setTimeout(() => callback(null, success()), Number(match[1]));
    call.on('cancelled', () => clearTimeout(timer));
    return undefined;
  }
  return callback({code: grpc.status.UNIMPLEMENTED,
                   details: `scripted server: no scenario "${name}"`});
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const {MessagingService, StatisticsService} = loadServices();
  const server = new grpc.Server();
  server.addService(MessagingService.service, {
    Notify: (call, callback) => play(
        call, callback, call.request.segment && call.request.segment.campaign,
        () => ({result: {message_code: 'ABCD-01234567-89ABCDEF'}}), args.token),
    Cancel: (call, callback) => play(
        call, callback, call.request.message_code, () => ({}), args.token),
  });
  server.addService(StatisticsService.service, {
    ListMessages: (call, callback) => {
      const filters = call.request.filters || {};
      const code = (filters.messages_codes || [])[0];
      play(call, callback, filters.campaign || code, () => ({total: 1, items: [{
        id: 7, code: code || 'ABCD-01234567-89ABCDEF', status: 'PROCESSING',
        created_date: '2026-11-27 10:00:00', send_date: '2026-11-27 10:00:00',
      }]}), args.token);
    },
  });
  server.bindAsync(args.listen, grpc.ServerCredentials.createInsecure(),
                   (error, port) => {
                     if (error) {
                       console.error(`cannot listen: ${error.message}`);
                       process.exit(1);
                     }
                     const host = args.listen.split(':')[0];
                     console.log(`listening on ${host}:${port}`);
                   });
  process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
}

main();
