// Where an absl::Status carries what Error::From() decodes. The kind and the
// retry verdict depend on the RPC, so they are fixed when the status is made
// and read back later; the details are the google.rpc.Status bytes.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_ERROR_PAYLOADS_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_ERROR_PAYLOADS_H_

namespace pushwoosh::messaging::internal {

inline constexpr char kDetailsPayloadUrl[] =
    "type.googleapis.com/google.rpc.Status";
inline constexpr char kKindPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.ErrorKind";
inline constexpr char kRetryablePayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.Retryable";
inline constexpr char kMalformedDetailsPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.MalformedDetails";
// Set by the retry loop on the final failure.
inline constexpr char kAttemptsPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.Attempts";
inline constexpr char kStopReasonPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.RetryStopReason";
inline constexpr char kMayHaveAppliedPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.MayHaveApplied";
// The x-request-id the client sent with the call.
inline constexpr char kRequestIdPayloadUrl[] =
    "type.pushwoosh.com/pushwoosh.messaging.RequestId";

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_ERROR_PAYLOADS_H_
