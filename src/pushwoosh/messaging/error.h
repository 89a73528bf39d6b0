// The domain error model: every failed call yields an absl::Status whose code
// is the original gRPC code and whose message is the server's message, and
// Error::From() decodes from it what a caller branches on.
#ifndef PUSHWOOSH_MESSAGING_ERROR_H_
#define PUSHWOOSH_MESSAGING_ERROR_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace pushwoosh::messaging {

// One kind per condition a caller handles differently. The same gRPC code
// can mean different things per RPC: NOT_FOUND on Cancel is
// kMessageNotFound, FAILED_PRECONDITION on Cancel is kNotCancelable.
enum class ErrorKind {
  kInvalidRequest,      // INVALID_ARGUMENT, OUT_OF_RANGE, or our validation.
  kMessageNotFound,     // No message with that code (Cancel, status look-up).
  kNotFound,            // NOT_FOUND on any other RPC.
  kNotCancelable,       // Cancel: no longer pending, waiting or processing.
  kFailedPrecondition,  // FAILED_PRECONDITION on any other RPC.
  kPermissionDenied,    // The message or application is another account's.
  kUnauthenticated,     // Missing, malformed or unknown API token.
  kRateLimited,         // RESOURCE_EXHAUSTED: slow down (see retry_delay).
  kMessageTooLarge,     // Over ChannelOptions' message size limits; final.
  kUnavailable,         // UNAVAILABLE: the backend could not be reached.
  kDeadlineExceeded,    // The call's deadline passed.
  kCancelled,           // CANCELLED: the call was cancelled, usually by us.
  kAlreadyExists,       // ALREADY_EXISTS.
  kAborted,             // ABORTED: a concurrency conflict.
  kUnimplemented,       // UNIMPLEMENTED: the backend lacks this RPC.
  kInternal,            // INTERNAL: the backend failed; the docs say retry.
  kDataLoss,            // DATA_LOSS.
  kUnknown,             // UNKNOWN, a code outside gRPC's 17, or an OK status.
};

// "MESSAGE_NOT_FOUND", "NOT_CANCELABLE", ...: stable, for logs and switches
// in other languages.
std::string_view ErrorKindName(ErrorKind kind);

// Why the retry loop gave up on a call.
enum class RetryStopReason {
  kNone,               // No retry loop ran (validation, a mock, ...).
  kPermanentError,     // The error is not one that a retry can fix.
  kNotIdempotent,      // A retry could repeat a side effect (Notify).
  kAttemptsExhausted,  // RetryPolicy::max_attempts reached.
  kDeadline,           // The call's deadline would pass before a retry.
  kThrottled,          // The client-wide retry budget is spent.
};

std::string_view RetryStopReasonName(RetryStopReason reason);

// google.rpc.ErrorInfo: the machine-readable reason of an error.
struct ErrorInfo {
  std::string reason;  // e.g. "MESSAGE_NOT_FOUND".
  std::string domain;  // e.g. "pushwoosh.com".
  std::map<std::string, std::string> metadata;
};

// One entry of google.rpc.BadRequest.
struct FieldViolation {
  std::string field;  // e.g. "message_code" or "filters.application".
  std::string description;
};

// The HTTP status gRPC-Gateway answers for a gRPC code (its standard table).
int HttpStatusForCode(absl::StatusCode code);

// The kind of a failed status returned by this library; kUnknown for OK.
// A status that did not come from this library is classified by its code
// alone, as for an RPC with no special cases.
ErrorKind ErrorKindOf(const absl::Status& status);

// Everything this library knows about a failed call. A value type: cheap to
// copy, safe to share between threads once built.
class Error {
 public:
  // Decodes the kind, details and flags carried by `status`. Never fails: a
  // status with no or undecodable details gives an Error with none.
  static Error From(const absl::Status& status);

  ErrorKind kind() const { return kind_; }
  // The original gRPC status code (absl and gRPC share the numbers).
  absl::StatusCode code() const { return code_; }
  int grpc_code() const { return static_cast<int>(code_); }
  int http_status() const { return HttpStatusForCode(code_); }
  // The server's message, unchanged (or ours, for client-side validation).
  const std::string& message() const { return message_; }

  // Whether repeating the same request can succeed and is safe for this RPC:
  // true for transient conditions, false for Notify once the request may
  // have reached the server (a retry could create a second message).
  bool retryable() const { return retryable_; }

  // Rich details from the grpc-status-details-bin trailer, when present.
  const std::optional<ErrorInfo>& error_info() const { return error_info_; }
  // google.rpc.RetryInfo: how long the server asks us to wait.
  std::optional<std::chrono::milliseconds> retry_delay() const {
    return retry_delay_;
  }
  const std::vector<FieldViolation>& field_violations() const {
    return field_violations_;
  }
  // google.rpc.RequestInfo.request_id when the server sent one, otherwise
  // the x-request-id this client sent: quote it to the backend's support.
  const std::string& request_id() const { return request_id_; }
  // The serialized google.rpc.Status as received ("" when there was none),
  // for details this class does not decode.
  const std::string& raw_details() const { return raw_details_; }
  // The trailer was present but could not be decoded; code and message are
  // still right.
  bool details_malformed() const { return details_malformed_; }

  // How many attempts the call made (0 when it made none, e.g. a request
  // refused by validation) and why it stopped.
  int attempts() const { return attempts_; }
  RetryStopReason stop_reason() const { return stop_reason_; }

  // "NOT_CANCELABLE (grpc 9, http 400): message is not cancelable
  // [reason=MESSAGE_NOT_CANCELABLE]" — for logs.
  std::string ToString() const;

 private:
  ErrorKind kind_ = ErrorKind::kUnknown;
  absl::StatusCode code_ = absl::StatusCode::kUnknown;
  std::string message_;
  bool retryable_ = false;
  std::optional<ErrorInfo> error_info_;
  std::optional<std::chrono::milliseconds> retry_delay_;
  std::vector<FieldViolation> field_violations_;
  std::string request_id_;
  std::string raw_details_;
  bool details_malformed_ = false;
  int attempts_ = 0;
  RetryStopReason stop_reason_ = RetryStopReason::kNone;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_ERROR_H_
