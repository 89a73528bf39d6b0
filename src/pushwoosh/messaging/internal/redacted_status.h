// Keeps the API token out of a failure, should a server or proxy echo the
// authorization header into its message or rich details.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_REDACTED_STATUS_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_REDACTED_STATUS_H_

#include "absl/status/status.h"
#include "pushwoosh/messaging/internal/token_source.h"

namespace pushwoosh::messaging::internal {

// `status` with the token redacted from its message and from the message
// of its google.rpc.Status details; a detail that holds the token is
// dropped, since its bytes cannot be edited safely. Returns `status`
// itself, at the cost of a search, when it holds no token.
absl::Status RedactedStatus(const TokenSource& tokens, absl::Status status);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_REDACTED_STATUS_H_
