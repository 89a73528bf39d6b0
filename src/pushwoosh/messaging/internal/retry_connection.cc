#include "pushwoosh/messaging/internal/retry_connection.h"

#include <utility>

#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging::internal {
namespace {

// Runs `call` in the retry loop, keeping the response of the attempt that
// succeeded.
template <typename Response, typename Call>
absl::StatusOr<Response> WithRetries(
    const absl::StatusOr<RetrySettings>& settings, const CallOptions& options,
    RetryThrottle& throttle, const RetryEnvironment& environment, Call call) {
  if (!settings.ok()) return settings.status();
  Response response;
  absl::Status status =
      RunWithRetries(*settings, options, throttle, environment,
                     [&](const CallOptions& attempt) {
                       auto result = call(attempt);
                       if (result.ok()) response = *std::move(result);
                       return result.status();
                     });
  if (!status.ok()) return status;
  return response;
}

}  // namespace

absl::Status ValidateRetryOptions(const RetryPolicy& retry,
                                  const BackoffPolicy& backoff) {
  if (retry.max_attempts < 1) {
    return InvalidRequestError("retry.max_attempts must be at least 1",
                               {{"retry.max_attempts", "must be >= 1"}});
  }
  if (retry.attempt_timeout <= std::chrono::milliseconds::zero()) {
    return InvalidRequestError("retry.attempt_timeout must be positive",
                               {{"retry.attempt_timeout", "must be > 0"}});
  }
  if (backoff.initial < std::chrono::milliseconds::zero() ||
      backoff.maximum < backoff.initial) {
    return InvalidRequestError("backoff: need 0 <= initial <= maximum",
                               {{"backoff", "need 0 <= initial <= maximum"}});
  }
  if (!(backoff.multiplier >= 1.0) ||
      !(backoff.jitter >= 0.0 && backoff.jitter <= 1.0)) {
    return InvalidRequestError(
        "backoff: need multiplier >= 1 and 0 <= jitter <= 1",
        {{"backoff", "need multiplier >= 1 and 0 <= jitter <= 1"}});
  }
  return absl::OkStatus();
}

RetryConnection::RetryConnection(std::shared_ptr<MessagingConnection> child,
                                 const ClientOptions& defaults,
                                 RetryEnvironment environment)
    : child_(std::move(child)),
      retry_(defaults.retry),
      backoff_(defaults.backoff),
      default_timeout_(defaults.default_timeout),
      idempotency_(defaults.idempotency
                       ? defaults.idempotency
                       : std::make_shared<const IdempotencyPolicy>()),
      environment_(std::move(environment)),
      throttle_(defaults.throttle) {}

absl::StatusOr<RetrySettings> RetryConnection::SettingsFor(
    Rpc rpc, bool idempotent, const CallOptions& options) const {
  RetrySettings settings;
  settings.rpc = rpc;
  settings.idempotent = idempotent;
  settings.retry = options.retry.value_or(retry_);
  settings.backoff = options.backoff.value_or(backoff_);
  settings.default_timeout = default_timeout_;
  if (options.retry.has_value() || options.backoff.has_value()) {
    if (auto s = ValidateRetryOptions(settings.retry, settings.backoff);
        !s.ok()) {
      return s;
    }
  }
  return settings;
}

absl::StatusOr<v2::NotifyResponse> RetryConnection::Notify(
    const v2::NotifyRequest& request, const CallOptions& options) {
  CallOptions keyed = options;
  if (!options.idempotency_key.empty()) {
    keyed.metadata.emplace_back(kIdempotencyKeyHeader, options.idempotency_key);
  }
  return WithRetries<v2::NotifyResponse>(
      SettingsFor(Rpc::kNotify,
                  idempotency_->IsIdempotent(request, options.idempotency_key),
                  options),
      keyed, throttle_, environment_, [&](const CallOptions& attempt) {
        return child_->Notify(request, attempt);
      });
}

absl::StatusOr<v2::CancelResponse> RetryConnection::Cancel(
    const v2::CancelRequest& request, const CallOptions& options) {
  return WithRetries<v2::CancelResponse>(
      SettingsFor(Rpc::kCancel, idempotency_->IsIdempotent(request), options),
      options, throttle_, environment_, [&](const CallOptions& attempt) {
        return child_->Cancel(request, attempt);
      });
}

absl::StatusOr<statistics::v2::ListMessagesResponse>
RetryConnection::ListMessages(
    const statistics::v2::ListMessagesRequest& request,
    const CallOptions& options) {
  return WithRetries<statistics::v2::ListMessagesResponse>(
      SettingsFor(Rpc::kListMessages, idempotency_->IsIdempotent(request),
                  options),
      options, throttle_, environment_, [&](const CallOptions& attempt) {
        return child_->ListMessages(request, attempt);
      });
}

}  // namespace pushwoosh::messaging::internal
