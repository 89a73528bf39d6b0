#include "pushwoosh/messaging/internal/error_mapping.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/error_payloads.h"
#include "pushwoosh/messaging/internal/utf8.h"

namespace pushwoosh::messaging::internal {

ErrorKind KindFor(Rpc rpc, absl::StatusCode code) {
  using Code = absl::StatusCode;
  switch (code) {
    case Code::kInvalidArgument:
    case Code::kOutOfRange:
      return ErrorKind::kInvalidRequest;
    case Code::kNotFound:
      return rpc == Rpc::kCancel ? ErrorKind::kMessageNotFound
                                 : ErrorKind::kNotFound;
    case Code::kFailedPrecondition:
      return rpc == Rpc::kCancel ? ErrorKind::kNotCancelable
                                 : ErrorKind::kFailedPrecondition;
    case Code::kPermissionDenied:
      return ErrorKind::kPermissionDenied;
    case Code::kUnauthenticated:
      return ErrorKind::kUnauthenticated;
    case Code::kResourceExhausted:
      return ErrorKind::kRateLimited;
    case Code::kUnavailable:
      return ErrorKind::kUnavailable;
    case Code::kDeadlineExceeded:
      return ErrorKind::kDeadlineExceeded;
    case Code::kCancelled:
      return ErrorKind::kCancelled;
    case Code::kAlreadyExists:
      return ErrorKind::kAlreadyExists;
    case Code::kAborted:
      return ErrorKind::kAborted;
    case Code::kUnimplemented:
      return ErrorKind::kUnimplemented;
    case Code::kInternal:
      return ErrorKind::kInternal;
    case Code::kDataLoss:
      return ErrorKind::kDataLoss;
    case Code::kOk:
    case Code::kUnknown:
    default:
      return ErrorKind::kUnknown;
  }
}

bool IsTransient(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kInternal:  // Documented for Cancel as "retry".
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kAborted:
      return true;
    default:
      return false;
  }
}

bool RetryableFor(Rpc rpc, absl::StatusCode code) {
  if (rpc == Rpc::kNotify) {
    // A rate-limited Notify was refused before anything was created; any
    // other transient failure may have created the message already.
    return code == absl::StatusCode::kResourceExhausted;
  }
  return IsTransient(code);
}

bool IsMessageTooLarge(const absl::Status& status) {
  // gRPC's own wording (grpc_core message_size filter), the only mark a
  // local size refusal carries.
  return status.code() == absl::StatusCode::kResourceExhausted &&
         (absl::StartsWith(status.message(), "Received message larger than") ||
          absl::StartsWith(status.message(), "Sent message larger than"));
}

ErrorKind KindFor(Rpc rpc, const absl::Status& status) {
  return IsMessageTooLarge(status) ? ErrorKind::kMessageTooLarge
                                   : KindFor(rpc, status.code());
}

bool IsTransient(const absl::Status& status) {
  return !IsMessageTooLarge(status) && IsTransient(status.code());
}

bool RetryableFor(Rpc rpc, const absl::Status& status) {
  return !IsMessageTooLarge(status) && RetryableFor(rpc, status.code());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  int code = static_cast<int>(status.error_code());
  if (code < 0 || code > static_cast<int>(absl::StatusCode::kUnauthenticated)) {
    code = static_cast<int>(absl::StatusCode::kUnknown);
  }
  // Repaired first, so that redaction sees the text every printer shows.
  absl::Status result(static_cast<absl::StatusCode>(code),
                      ToValidUtf8(status.error_message()));
  const std::string& details = status.error_details();
  if (!details.empty()) {
    google::rpc::Status decoded;
    if (decoded.ParseFromString(details)) {
      result.SetPayload(kDetailsPayloadUrl, absl::Cord(details));
    } else {
      result.SetPayload(kMalformedDetailsPayloadUrl, absl::Cord("1"));
    }
  }
  return result;
}

absl::Status Classify(Rpc rpc, absl::Status status) {
  if (status.ok()) return status;
  if (!status.GetPayload(kKindPayloadUrl).has_value()) {
    status.SetPayload(kKindPayloadUrl,
                      absl::Cord(AsAbsl(ErrorKindName(KindFor(rpc, status)))));
  }
  if (!status.GetPayload(kRetryablePayloadUrl).has_value()) {
    status.SetPayload(kRetryablePayloadUrl,
                      absl::Cord(RetryableFor(rpc, status) ? "1" : "0"));
  }
  return status;
}

std::optional<ErrorKind> StoredKind(const absl::Status& status) {
  auto payload = status.GetPayload(kKindPayloadUrl);
  if (!payload.has_value()) return std::nullopt;
  return ErrorKindFromName(std::string(*payload));
}

std::optional<bool> StoredRetryable(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryablePayloadUrl);
  if (!payload.has_value()) return std::nullopt;
  return *payload == "1";
}

}  // namespace pushwoosh::messaging::internal
