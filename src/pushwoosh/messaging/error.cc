#include "pushwoosh/messaging/error.h"

#include <array>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/error_payloads.h"

namespace pushwoosh::messaging {
namespace {

constexpr std::array<std::pair<ErrorKind, std::string_view>, 18> kKindNames{{
    {ErrorKind::kInvalidRequest, "INVALID_REQUEST"},
    {ErrorKind::kMessageNotFound, "MESSAGE_NOT_FOUND"},
    {ErrorKind::kNotFound, "NOT_FOUND"},
    {ErrorKind::kNotCancelable, "NOT_CANCELABLE"},
    {ErrorKind::kFailedPrecondition, "FAILED_PRECONDITION"},
    {ErrorKind::kPermissionDenied, "PERMISSION_DENIED"},
    {ErrorKind::kUnauthenticated, "UNAUTHENTICATED"},
    {ErrorKind::kRateLimited, "RATE_LIMITED"},
    {ErrorKind::kMessageTooLarge, "MESSAGE_TOO_LARGE"},
    {ErrorKind::kUnavailable, "UNAVAILABLE"},
    {ErrorKind::kDeadlineExceeded, "DEADLINE_EXCEEDED"},
    {ErrorKind::kCancelled, "CANCELLED"},
    {ErrorKind::kAlreadyExists, "ALREADY_EXISTS"},
    {ErrorKind::kAborted, "ABORTED"},
    {ErrorKind::kUnimplemented, "UNIMPLEMENTED"},
    {ErrorKind::kInternal, "INTERNAL"},
    {ErrorKind::kDataLoss, "DATA_LOSS"},
    {ErrorKind::kUnknown, "UNKNOWN"},
}};

constexpr std::array<std::pair<RetryStopReason, std::string_view>, 6>
    kStopReasonNames{{
        {RetryStopReason::kNone, "NONE"},
        {RetryStopReason::kPermanentError, "PERMANENT_ERROR"},
        {RetryStopReason::kNotIdempotent, "NOT_IDEMPOTENT"},
        {RetryStopReason::kAttemptsExhausted, "ATTEMPTS_EXHAUSTED"},
        {RetryStopReason::kDeadline, "DEADLINE"},
        {RetryStopReason::kThrottled, "THROTTLED"},
    }};

std::chrono::milliseconds ToMilliseconds(const google::protobuf::Duration& d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::seconds(d.seconds()) + std::chrono::nanoseconds(d.nanos()));
}

}  // namespace

std::string_view ErrorKindName(ErrorKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "UNKNOWN";
}

std::string_view RetryStopReasonName(RetryStopReason reason) {
  for (const auto& [r, name] : kStopReasonNames) {
    if (r == reason) return name;
  }
  return "NONE";
}

namespace internal {
std::optional<ErrorKind> ErrorKindFromName(std::string_view name) {
  for (const auto& [kind, n] : kKindNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}
}  // namespace internal

int HttpStatusForCode(absl::StatusCode code) {
  using Code = absl::StatusCode;
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kCancelled:
      return 499;
    case Code::kInvalidArgument:
    case Code::kFailedPrecondition:
    case Code::kOutOfRange:
      return 400;
    case Code::kDeadlineExceeded:
      return 504;
    case Code::kNotFound:
      return 404;
    case Code::kAlreadyExists:
    case Code::kAborted:
      return 409;
    case Code::kPermissionDenied:
      return 403;
    case Code::kResourceExhausted:
      return 429;
    case Code::kUnimplemented:
      return 501;
    case Code::kUnavailable:
      return 503;
    case Code::kUnauthenticated:
      return 401;
    case Code::kUnknown:
    case Code::kInternal:
    case Code::kDataLoss:
    default:
      return 500;
  }
}

ErrorKind ErrorKindOf(const absl::Status& status) {
  if (status.ok()) return ErrorKind::kUnknown;
  return internal::StoredKind(status).value_or(
      internal::KindFor(internal::Rpc::kUnspecified, status));
}

Error Error::From(const absl::Status& status) {
  Error error;
  error.code_ = status.code();
  error.message_ = std::string(status.message());
  error.kind_ = ErrorKindOf(status);
  error.retryable_ = internal::StoredRetryable(status).value_or(
      !status.ok() &&
      internal::RetryableFor(internal::Rpc::kUnspecified, status));
  error.details_malformed_ =
      status.GetPayload(internal::kMalformedDetailsPayloadUrl).has_value();

  if (auto attempts = status.GetPayload(internal::kAttemptsPayloadUrl)) {
    if (!absl::SimpleAtoi(std::string(*attempts), &error.attempts_)) {
      error.attempts_ = 0;
    }
  }
  if (auto reason = status.GetPayload(internal::kStopReasonPayloadUrl)) {
    for (const auto& [r, name] : kStopReasonNames) {
      if (*reason == internal::AsAbsl(name)) error.stop_reason_ = r;
    }
  }

  // The id this client sent; the server's RequestInfo, if any, replaces it.
  if (auto sent = status.GetPayload(internal::kRequestIdPayloadUrl)) {
    error.request_id_ = std::string(*sent);
  }
  auto payload = status.GetPayload(internal::kDetailsPayloadUrl);
  if (!payload.has_value()) return error;
  error.raw_details_ = std::string(*payload);
  google::rpc::Status details;
  if (!details.ParseFromString(error.raw_details_)) {
    error.details_malformed_ = true;
    return error;
  }
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::RetryInfo retry;
    google::rpc::BadRequest bad_request;
    google::rpc::RequestInfo request;
    if (any.Is<google::rpc::ErrorInfo>() && any.UnpackTo(&info)) {
      error.error_info_ =
          ErrorInfo{info.reason(),
                    info.domain(),
                    {info.metadata().begin(), info.metadata().end()}};
    } else if (any.Is<google::rpc::RetryInfo>() && any.UnpackTo(&retry)) {
      error.retry_delay_ = ToMilliseconds(retry.retry_delay());
    } else if (any.Is<google::rpc::BadRequest>() &&
               any.UnpackTo(&bad_request)) {
      for (const auto& violation : bad_request.field_violations()) {
        error.field_violations_.push_back(
            {violation.field(), violation.description()});
      }
    } else if (any.Is<google::rpc::RequestInfo>() && any.UnpackTo(&request)) {
      error.request_id_ = request.request_id();
    }
  }
  return error;
}

std::string Error::ToString() const {
  std::string text =
      absl::StrCat(internal::AsAbsl(ErrorKindName(kind_)), " (grpc ",
                   grpc_code(), ", http ", http_status(), "): ", message_);
  if (error_info_.has_value()) {
    absl::StrAppend(&text, " [reason=", error_info_->reason, "]");
  }
  for (const FieldViolation& violation : field_violations_) {
    const std::string said =
        absl::StrCat(violation.field, ": ", violation.description);
    // Our own validation errors already say exactly this as their message.
    if (said != message_) absl::StrAppend(&text, " [", said, "]");
  }
  if (retry_delay_.has_value()) {
    absl::StrAppend(&text, " [retry_delay=", retry_delay_->count(), "ms]");
  }
  if (!request_id_.empty()) {
    absl::StrAppend(&text, " [request_id=", request_id_, "]");
  }
  if (stop_reason_ != RetryStopReason::kNone) {
    absl::StrAppend(&text, " [attempts=", attempts_, ", stopped: ",
                    internal::AsAbsl(RetryStopReasonName(stop_reason_)), "]");
  }
  return text;
}

}  // namespace pushwoosh::messaging
