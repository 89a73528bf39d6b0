#include "pushwoosh/messaging/internal/retry_loop.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/cord.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/deadline.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/error_payloads.h"

namespace pushwoosh::messaging::internal {
namespace {

using Clock = std::chrono::system_clock;

// Failures after which the request may have reached the server and been
// applied although we saw an error.
bool MayHaveApplied(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable ||
         code == absl::StatusCode::kDeadlineExceeded ||
         code == absl::StatusCode::kInternal ||
         code == absl::StatusCode::kUnknown;
}

absl::Status Finish(absl::Status status, int attempts, RetryStopReason reason,
                    bool may_have_applied) {
  status.SetPayload(kAttemptsPayloadUrl, absl::Cord(std::to_string(attempts)));
  status.SetPayload(kStopReasonPayloadUrl,
                    absl::Cord(AsAbsl(RetryStopReasonName(reason))));
  if (may_have_applied) {
    status.SetPayload(kMayHaveAppliedPayloadUrl, absl::Cord("1"));
  }
  return status;
}

}  // namespace

RetryEnvironment RetryEnvironment::Real() {
  RetryEnvironment environment;
  environment.now = [] { return Clock::now(); };
  environment.sleep = [](std::chrono::milliseconds delay) {
    std::this_thread::sleep_for(delay);
  };
  environment.uniform = [] {
    thread_local std::mt19937_64 generator(std::random_device{}());
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
  };
  return environment;
}

Backoff::Backoff(const BackoffPolicy& policy, std::function<double()> uniform)
    : policy_(policy),
      uniform_(std::move(uniform)),
      ceiling_ms_(static_cast<double>(policy.initial.count())) {}

std::chrono::milliseconds Backoff::Next() {
  const double maximum = static_cast<double>(policy_.maximum.count());
  const double ceiling = std::min(ceiling_ms_, maximum);
  ceiling_ms_ =
      std::min(ceiling_ms_ * std::max(policy_.multiplier, 1.0), maximum);
  const double jitter = std::clamp(policy_.jitter, 0.0, 1.0);
  const double delay = ceiling * (1.0 - jitter * uniform_());
  return std::chrono::milliseconds(std::llround(delay));
}

RetryThrottle::RetryThrottle(const RetryThrottlePolicy& policy)
    : policy_(policy), tokens_(policy.max_tokens) {}

void RetryThrottle::OnSuccess() {
  absl::MutexLock lock(&mutex_);
  tokens_ = std::min(policy_.max_tokens, tokens_ + policy_.token_ratio);
}

void RetryThrottle::OnFailure() {
  absl::MutexLock lock(&mutex_);
  tokens_ = std::max(0.0, tokens_ - 1.0);
}

bool RetryThrottle::AllowRetry() const {
  absl::MutexLock lock(&mutex_);
  return tokens_ > policy_.max_tokens / 2;
}

absl::Status RunWithRetries(
    const RetrySettings& settings, const CallOptions& call,
    RetryThrottle& throttle, const RetryEnvironment& environment,
    const std::function<absl::Status(const CallOptions&)>& attempt) {
  const Clock::time_point overall =
      ComputeDeadline(environment.now(), settings.default_timeout, call);
  Backoff backoff(settings.backoff, environment.uniform);
  bool may_have_applied = false;

  for (int attempts = 1;; ++attempts) {
    CallOptions attempt_options = call;
    const Clock::time_point start = environment.now();
    attempt_options.deadline =
        std::min(overall, start + settings.retry.attempt_timeout);
    attempt_options.timeout = settings.retry.attempt_timeout;

    absl::Status status = Classify(settings.rpc, attempt(attempt_options));
    if (status.ok()) {
      throttle.OnSuccess();
      return status;
    }

    const absl::StatusCode code = status.code();
    may_have_applied |= MayHaveApplied(code);
    const bool transient = IsTransient(code);
    if (transient) throttle.OnFailure();
    auto stop = [&](RetryStopReason reason) {
      return Finish(std::move(status), attempts, reason, may_have_applied);
    };
    if (!transient) return stop(RetryStopReason::kPermanentError);
    // Without idempotency only a refusal (rate limit) proves that nothing
    // was applied.
    if (!settings.idempotent && code != absl::StatusCode::kResourceExhausted) {
      return stop(RetryStopReason::kNotIdempotent);
    }
    if (attempts >= settings.retry.max_attempts) {
      return stop(RetryStopReason::kAttemptsExhausted);
    }
    const std::optional<std::chrono::milliseconds> server_delay =
        Error::From(status).retry_delay();
    const std::chrono::milliseconds delay =
        server_delay.has_value() ? *server_delay : backoff.Next();
    if (environment.now() + delay >= overall) {
      return stop(RetryStopReason::kDeadline);
    }
    if (!throttle.AllowRetry()) return stop(RetryStopReason::kThrottled);
    environment.sleep(delay);
  }
}

bool MayHaveBeenApplied(const absl::Status& status) {
  return status.GetPayload(kMayHaveAppliedPayloadUrl).has_value();
}

}  // namespace pushwoosh::messaging::internal
