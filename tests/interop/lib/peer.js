// What both interop directions share: starting a server process that prints
// "listening on HOST:PORT", and making one unary call with grpc-js that
// resolves to {error, response} with the error's google.rpc.Status decoded.
'use strict';

const {spawn} = require('node:child_process');
const readline = require('node:readline');
const grpc = require('@grpc/grpc-js');
const {decodeStatusDetails} = require('./protos.js');

const kStartTimeoutMs = 20000;

// Starts `argv` and resolves once it prints "listening on ADDRESS" on stdout.
function startServer(argv) {
  const child = spawn(argv[0], argv.slice(1), {stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${argv[0]} did not start: ${stderr}`));
    }, kStartTimeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${argv[0]} exited with ${code}: ${stderr}`));
    });
    readline.createInterface({input: child.stdout}).on('line', (line) => {
      const match = /^listening on (\S+)$/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        address: match[1],
        stop: () => new Promise((done) => {
          child.removeAllListeners('exit');
          child.on('exit', (code, signal) => done({code, signal, stderr}));
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

// One unary call. `token` goes in as "authorization: Token <token>".
function unary(client, method, request, {token, deadlineMs = 10000} = {}) {
  const metadata = new grpc.Metadata();
  if (token !== undefined) metadata.set('authorization', `Token ${token}`);
  return new Promise((resolve) => {
    client[method](request, metadata, {deadline: Date.now() + deadlineMs},
                   (error, response) => {
                     if (!error) return resolve({response});
                     const bin = error.metadata.get('grpc-status-details-bin');
                     resolve({
                       error: {
                         code: error.code,
                         message: error.details,
                         status: bin.length ? decodeStatusDetails(bin[0]) : null,
                       },
                     });
                   });
  });
}

// The detail of type `type` ('ErrorInfo', ...) in a decoded status.
function detail(status, type) {
  const found = status.details.find((d) => d.type === type);
  return found ? found.value : undefined;
}

module.exports = {startServer, unary, detail};
