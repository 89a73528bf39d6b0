#include "pushwoosh/messaging/internal/retry_connection.h"

#include <memory>
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
                       if (!result.ok()) return result.status();
                       response = *std::move(result);
                       return absl::OkStatus();
                     });
  if (!status.ok()) return status;
  return response;
}

}  // namespace

// One asynchronous call in the retry loop: each attempt's completion
// decides, and a wait is a scheduled callback, not a blocked thread.
template <typename Request, typename Response>
class AsyncRetry
    : public std::enable_shared_from_this<AsyncRetry<Request, Response>> {
 public:
  using Method = void (MessagingConnection::*)(const Request&,
                                               const CallOptions&,
                                               AsyncCallback<Response>);

  static void Start(std::shared_ptr<RetryConnection> owner, Method method,
                    RetrySettings settings, const Request& request,
                    CallOptions options, AsyncCallback<Response> done) {
    std::make_shared<AsyncRetry>(std::move(owner), method, settings, request,
                                 std::move(options), std::move(done))
        ->Attempt();
  }

  AsyncRetry(std::shared_ptr<RetryConnection> owner, Method method,
             RetrySettings settings, const Request& request,
             CallOptions options, AsyncCallback<Response> done)
      : owner_(std::move(owner)),
        method_(method),
        settings_(settings),
        options_(std::move(options)),
        request_(request),
        done_(std::move(done)),
        loop_(settings_, options_, owner_->throttle_, owner_->environment_) {}

 private:
  void Attempt() {
    ((*owner_->child_).*method_)(
        request_, loop_.NextAttempt(),
        [self = this->shared_from_this()](absl::StatusOr<Response> result) {
          self->OnAttemptDone(std::move(result));
        });
  }

  void OnAttemptDone(absl::StatusOr<Response> result) {
    RetryLoop::Verdict verdict = loop_.OnAttemptDone(result.status());
    if (!verdict.final_status.has_value()) {
      owner_->environment_.schedule(
          verdict.delay,
          [self = this->shared_from_this()] { self->Attempt(); });
      return;
    }
    if (verdict.final_status->ok()) {
      done_(std::move(result));
    } else {
      done_(*std::move(verdict.final_status));
    }
  }

  // Declared before loop_, which refers to them.
  std::shared_ptr<RetryConnection> owner_;
  Method method_;
  RetrySettings settings_;
  CallOptions options_;
  Request request_;
  AsyncCallback<Response> done_;
  RetryLoop loop_;
};

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
      throttle_(defaults.throttle),
      observers_(defaults.logger || defaults.metrics
                     ? std::make_unique<const CallObservers>(
                           CallObservers{defaults.logger, defaults.metrics})
                     : nullptr) {}

absl::StatusOr<RetrySettings> RetryConnection::SettingsFor(
    Rpc rpc, bool idempotent, const CallOptions& options) const {
  RetrySettings settings;
  settings.rpc = rpc;
  settings.idempotent = idempotent;
  settings.retry = options.retry.value_or(retry_);
  settings.backoff = options.backoff.value_or(backoff_);
  settings.default_timeout = default_timeout_;
  settings.observers = observers_.get();
  if (options.retry.has_value() || options.backoff.has_value()) {
    if (auto s = ValidateRetryOptions(settings.retry, settings.backoff);
        !s.ok()) {
      return s;
    }
  }
  return settings;
}

CallOptions RetryConnection::WithIdempotencyKey(
    const CallOptions& options) const {
  CallOptions keyed = options;
  if (!options.idempotency_key.empty()) {
    keyed.metadata.emplace_back(kIdempotencyKeyHeader, options.idempotency_key);
  }
  return keyed;
}

absl::StatusOr<v2::NotifyResponse> RetryConnection::Notify(
    const v2::NotifyRequest& request, const CallOptions& options) {
  const CallOptions keyed = WithIdempotencyKey(options);
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

void RetryConnection::AsyncNotify(const v2::NotifyRequest& request,
                                  const CallOptions& options,
                                  AsyncCallback<v2::NotifyResponse> done) {
  auto settings = SettingsFor(
      Rpc::kNotify,
      idempotency_->IsIdempotent(request, options.idempotency_key), options);
  if (!settings.ok()) return done(settings.status());
  AsyncRetry<v2::NotifyRequest, v2::NotifyResponse>::Start(
      shared_from_this(), &MessagingConnection::AsyncNotify,
      *std::move(settings), request, WithIdempotencyKey(options),
      std::move(done));
}

void RetryConnection::AsyncCancel(const v2::CancelRequest& request,
                                  const CallOptions& options,
                                  AsyncCallback<v2::CancelResponse> done) {
  auto settings =
      SettingsFor(Rpc::kCancel, idempotency_->IsIdempotent(request), options);
  if (!settings.ok()) return done(settings.status());
  AsyncRetry<v2::CancelRequest, v2::CancelResponse>::Start(
      shared_from_this(), &MessagingConnection::AsyncCancel,
      *std::move(settings), request, options, std::move(done));
}

void RetryConnection::AsyncListMessages(
    const statistics::v2::ListMessagesRequest& request,
    const CallOptions& options,
    AsyncCallback<statistics::v2::ListMessagesResponse> done) {
  auto settings = SettingsFor(Rpc::kListMessages,
                              idempotency_->IsIdempotent(request), options);
  if (!settings.ok()) return done(settings.status());
  AsyncRetry<statistics::v2::ListMessagesRequest,
             statistics::v2::ListMessagesResponse>::
      Start(shared_from_this(), &MessagingConnection::AsyncListMessages,
            *std::move(settings), request, options, std::move(done));
}

}  // namespace pushwoosh::messaging::internal
