// gRPC status → domain error: the per-RPC table of brief section 3.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_ERROR_MAPPING_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_ERROR_MAPPING_H_

#include <grpcpp/support/status.h>

#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/rpc.h"

namespace pushwoosh::messaging::internal {

// The kind of a failure with `code` on `rpc`. `code` must not be kOk.
ErrorKind KindFor(Rpc rpc, absl::StatusCode code);

// Whether the condition may pass by itself, so that a retry can help.
bool IsTransient(absl::StatusCode code);

// Whether repeating the request can help and cannot do harm.
bool RetryableFor(Rpc rpc, absl::StatusCode code);

// gRPC refusing a message over the channel's size limits: it says
// RESOURCE_EXHAUSTED, like a rate limit, but waiting does not help.
bool IsMessageTooLarge(const absl::Status& status);

// KindFor(), IsTransient() and RetryableFor() of a whole status, which
// tells a size limit from a rate limit.
ErrorKind KindFor(Rpc rpc, const absl::Status& status);
bool IsTransient(const absl::Status& status);
bool RetryableFor(Rpc rpc, const absl::Status& status);

// Converts a gRPC status, keeping the code, the message and the
// grpc-status-details-bin bytes (or a flag, when they do not decode).
absl::Status FromGrpcStatus(const grpc::Status& status);

// Fixes the kind and the retry verdict of a failed `status` from `rpc`,
// unless it already carries them. OK passes through unchanged.
absl::Status Classify(Rpc rpc, absl::Status status);

// Reads back a kind stored by Classify().
std::optional<ErrorKind> StoredKind(const absl::Status& status);
std::optional<bool> StoredRetryable(const absl::Status& status);

// Inverse of ErrorKindName().
std::optional<ErrorKind> ErrorKindFromName(std::string_view name);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_ERROR_MAPPING_H_
