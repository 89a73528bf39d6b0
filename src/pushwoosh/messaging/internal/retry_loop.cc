#include "pushwoosh/messaging/internal/retry_loop.h"

#include <grpcpp/alarm.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
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

// The call's request id: CallOptions::request_id, an x-request-id among
// its metadata, or a new one.
std::string RequestIdOf(const CallOptions& call) {
  if (!call.request_id.empty()) return call.request_id;
  for (const auto& [key, value] : call.metadata) {
    if (absl::EqualsIgnoreCase(key, "x-request-id")) return value;
  }
  return NewRequestId();
}

RetryLoop::Verdict Stop(absl::Status status) {
  RetryLoop::Verdict verdict;
  verdict.final_status = std::move(status);
  return verdict;
}

absl::Status Finish(absl::Status status, int attempts, RetryStopReason reason,
                    bool may_have_applied, const std::string& request_id) {
  status.SetPayload(kRequestIdPayloadUrl, absl::Cord(request_id));
  status.SetPayload(kAttemptsPayloadUrl, absl::Cord(std::to_string(attempts)));
  status.SetPayload(kStopReasonPayloadUrl,
                    absl::Cord(AsAbsl(RetryStopReasonName(reason))));
  if (may_have_applied) {
    status.SetPayload(kMayHaveAppliedPayloadUrl, absl::Cord("1"));
  }
  return status;
}

// The hooks' outcome label: "OK" or the failure's ErrorKindName().
std::string_view OutcomeName(const absl::Status& status) {
  return status.ok() ? std::string_view("OK")
                     : ErrorKindName(ErrorKindOf(status));
}

}  // namespace

RetryEnvironment RetryEnvironment::Real() {
  RetryEnvironment environment;
  environment.now = [] { return Clock::now(); };
  environment.sleep = [](std::chrono::milliseconds delay) {
    std::this_thread::sleep_for(delay);
  };
  environment.schedule = [](std::chrono::milliseconds delay,
                            std::function<void()> then) {
    // The alarm owns itself: gRPC keeps it alive while its callback runs.
    auto* alarm = new grpc::Alarm;
    alarm->Set(Clock::now() + delay,
               [alarm, then = std::move(then)](bool /*fired*/) {
                 then();
                 delete alarm;
               });
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

template <typename Change>
void RetryThrottle::Update(Change change) {
  double current = tokens_.load(std::memory_order_relaxed);
  while (true) {
    const double next = change(current);
    if (next == current) return;
    if (tokens_.compare_exchange_weak(current, next,
                                      std::memory_order_relaxed)) {
      return;
    }
  }
}

void RetryThrottle::OnSuccess() {
  Update([this](double tokens) {
    return std::min(policy_.max_tokens, tokens + policy_.token_ratio);
  });
}

void RetryThrottle::OnFailure() {
  Update([](double tokens) { return std::max(0.0, tokens - 1.0); });
}

bool RetryThrottle::AllowRetry() const {
  return tokens_.load(std::memory_order_relaxed) > policy_.max_tokens / 2;
}

RetryLoop::RetryLoop(const RetrySettings& settings, const CallOptions& call,
                     RetryThrottle& throttle,
                     const RetryEnvironment& environment)
    : settings_(settings),
      call_(call),
      throttle_(throttle),
      environment_(environment),
      overall_deadline_(
          ComputeDeadline(environment.now(), settings.default_timeout, call)),
      backoff_(settings.backoff, environment.uniform),
      request_id_(RequestIdOf(call)) {
  if (settings_.observers != nullptr) {
    call_start_ = std::chrono::steady_clock::now();
  }
}

CallOptions RetryLoop::NextAttempt() {
  ++attempts_;
  if (settings_.observers != nullptr) {
    attempt_start_ = std::chrono::steady_clock::now();
  }
  CallOptions attempt = call_;
  attempt.deadline = std::min(
      overall_deadline_, environment_.now() + settings_.retry.attempt_timeout);
  attempt.timeout = settings_.retry.attempt_timeout;
  attempt.request_id = request_id_;
  return attempt;
}

RetryLoop::Verdict RetryLoop::OnAttemptDone(absl::Status result) {
  if (settings_.observers == nullptr) return Decide(std::move(result));
  const auto now = std::chrono::steady_clock::now();
  const absl::Status attempt = Classify(settings_.rpc, std::move(result));
  Verdict verdict = Decide(attempt);
  Report(attempt, verdict, now);
  return verdict;
}

void RetryLoop::Report(const absl::Status& attempt, const Verdict& verdict,
                       std::chrono::steady_clock::time_point now) const {
  const std::string_view method = RpcName(settings_.rpc);
  const std::string_view outcome = OutcomeName(attempt);
  const bool last = verdict.final_status.has_value();
  const CallObservers& observers = *settings_.observers;
  if (observers.logger) {
    AttemptRecord record;
    record.method = method;
    record.attempt = attempts_;
    record.latency = now - attempt_start_;
    record.code = attempt.code();
    record.outcome = outcome;
    record.message =
        std::string_view(attempt.message().data(), attempt.message().size());
    record.request_id = request_id_;
    record.last = last;
    record.retry_delay = verdict.delay;
    observers.logger(record);
  }
  if (observers.metrics) {
    observers.metrics->OnAttempt(method, outcome);
    if (last) {
      const absl::Status& final_status = *verdict.final_status;
      observers.metrics->OnCall(method, OutcomeName(final_status), attempts_,
                                now - call_start_);
    }
  }
}

RetryLoop::Verdict RetryLoop::Decide(absl::Status result) {
  absl::Status status = Classify(settings_.rpc, std::move(result));
  if (status.ok()) {
    throttle_.OnSuccess();
    return Stop(std::move(status));
  }

  const absl::StatusCode code = status.code();
  may_have_applied_ |= MayHaveApplied(code);
  const bool transient = IsTransient(status);
  if (transient) throttle_.OnFailure();
  auto stop = [&](RetryStopReason reason) {
    return Stop(Finish(std::move(status), attempts_, reason, may_have_applied_,
                       request_id_));
  };
  if (!transient) return stop(RetryStopReason::kPermanentError);
  // Without idempotency only a refusal (rate limit) proves that nothing
  // was applied.
  if (!settings_.idempotent && code != absl::StatusCode::kResourceExhausted) {
    return stop(RetryStopReason::kNotIdempotent);
  }
  if (attempts_ >= settings_.retry.max_attempts) {
    return stop(RetryStopReason::kAttemptsExhausted);
  }
  const std::optional<std::chrono::milliseconds> server_delay =
      Error::From(status).retry_delay();
  const std::chrono::milliseconds delay =
      server_delay.has_value() ? *server_delay : backoff_.Next();
  if (environment_.now() + delay >= overall_deadline_) {
    return stop(RetryStopReason::kDeadline);
  }
  if (!throttle_.AllowRetry()) return stop(RetryStopReason::kThrottled);
  Verdict retry;
  retry.delay = delay;
  return retry;
}

absl::Status RunWithRetries(
    const RetrySettings& settings, const CallOptions& call,
    RetryThrottle& throttle, const RetryEnvironment& environment,
    const std::function<absl::Status(const CallOptions&)>& attempt) {
  RetryLoop loop(settings, call, throttle, environment);
  while (true) {
    RetryLoop::Verdict verdict =
        loop.OnAttemptDone(attempt(loop.NextAttempt()));
    if (verdict.final_status.has_value()) {
      return *std::move(verdict.final_status);
    }
    environment.sleep(verdict.delay);
  }
}

std::string NewRequestId() {
  thread_local std::mt19937_64 generator(std::random_device{}());
  // By hand: it runs on every call, and absl::StrFormat costs more than the
  // rest of this function many times over.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = generator();
    for (int i = 15; i >= 0; --i, bits >>= 4) {
      id[half * 16 + i] = kHex[bits & 15];
    }
  }
  return id;
}

bool MayHaveBeenApplied(const absl::Status& status) {
  return status.GetPayload(kMayHaveAppliedPayloadUrl).has_value();
}

}  // namespace pushwoosh::messaging::internal
