// Keeps gRPC's shared callback machinery alive for the whole process.
//
// Without an event engine that polls in the background, gRPC 1.51 runs
// every callback-API call, client and server, on one shared completion
// queue with its own threads, created when the first channel or server
// needs it and torn down when the last one goes. Creating and tearing it
// down over and over, as tests and short-lived clients do, sometimes
// aborts the process ("assertion failed: prior > 0" in
// grpc_cq_internal_unref, on a "nexting_thread"): seen here in about one
// run in eight of the asynchronous tests, and never once it stays up.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_GRPC_LIFETIME_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_GRPC_LIFETIME_H_

namespace pushwoosh::messaging::internal {

// Initialises gRPC and holds that queue until the process exits, through a
// channel that never connects (a unix socket path that does not exist)
// and made one call that expired at once. Idempotent and thread-safe; the
// first call waits for that one call to end.
void PinGrpcCallbackQueue();

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_GRPC_LIFETIME_H_
