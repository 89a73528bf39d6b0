// Loads the project's .proto files for the independent gRPC peers (grpc-js):
// the service definitions through @grpc/proto-loader, and google.rpc.Status
// with its detail types through protobufjs, to encode and decode the
// grpc-status-details-bin trailer byte for byte.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const kProjectProtoDir = path.resolve(__dirname, '..', '..', '..', 'proto');
const kDefaultGoogleapisDir = '/usr/share/gocode/src/github.com/gogo/googleapis';
const kTypeUrlPrefix = 'type.googleapis.com/';
const kDetailTypes = [
  'ErrorInfo', 'RetryInfo', 'DebugInfo', 'QuotaFailure', 'PreconditionFailure',
  'BadRequest', 'RequestInfo', 'ResourceInfo', 'Help', 'LocalizedMessage',
];

// Where imports are looked up: our protos, googleapis (google/api, google/rpc)
// and protobuf's well-known types, as the C++ build uses them.
function includeDirs() {
  return [
    kProjectProtoDir,
    process.env.PUSHWOOSH_GOOGLEAPIS_DIR || kDefaultGoogleapisDir,
    '/usr/include',
  ];
}

function loadServices() {
  const definition = protoLoader.loadSync(
      [
        'pushwoosh/messaging/v2/messaging.proto',
        'pushwoosh/statistics/v2/statistics.proto',
      ],
      {
        includeDirs: includeDirs(),
        keepCase: true,  // JSON names are the proto field names
        longs: String,
        enums: String,
        defaults: false,
        oneofs: true,
      });
  const loaded = grpc.loadPackageDefinition(definition);
  return {
    MessagingService: loaded.pushwoosh.messaging.v2.MessagingService,
    StatisticsService: loaded.pushwoosh.statistics.v2.StatisticsService,
  };
}

function loadRpcRoot() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    for (const dir of includeDirs()) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) return candidate;
    }
    return target;
  };
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'],
                {keepCase: true});
  return root;
}

const rpcRoot = loadRpcRoot();
const Status = rpcRoot.lookupType('google.rpc.Status');

// A google.rpc.Status with each Any detail decoded into {type, value}.
function decodeStatusDetails(bytes) {
  const status = Status.toObject(Status.decode(bytes),
                                 {longs: Number, defaults: true});
  status.details = status.details.map((any) => {
    const type = rpcRoot.lookupType(any.type_url.slice(kTypeUrlPrefix.length));
    return {
      type: type.name,
      value: type.toObject(type.decode(any.value),
                           {longs: Number, defaults: true}),
    };
  });
  return status;
}

// Encodes {code, message, details: [{type: 'ErrorInfo', value: {...}}]}.
function encodeStatusDetails({code, message, details}) {
  const packed = details.map(({type, value}) => {
    if (!kDetailTypes.includes(type)) throw new Error(`unknown detail ${type}`);
    const detailType = rpcRoot.lookupType(`google.rpc.${type}`);
    const error = detailType.verify(value);
    if (error) throw new Error(`${type}: ${error}`);
    return {
      type_url: `${kTypeUrlPrefix}google.rpc.${type}`,
      value: detailType.encode(detailType.fromObject(value)).finish(),
    };
  });
  return Buffer.from(
      Status.encode(Status.fromObject({code, message, details: packed}))
          .finish());
}

module.exports = {loadServices, decodeStatusDetails, encodeStatusDetails};
