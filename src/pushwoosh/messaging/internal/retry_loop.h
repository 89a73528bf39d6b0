// The retry loop: our own, because gRPC's service-config retries are
// invisible to the caller and ignored on in-process channels.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_RETRY_LOOP_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_RETRY_LOOP_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "pushwoosh/messaging/internal/rpc.h"
#include "pushwoosh/messaging/options.h"
#include "pushwoosh/messaging/retry_policy.h"

namespace pushwoosh::messaging::internal {

// Time, sleep and randomness, replaceable so that tests run without waiting
// and see exact values.
struct RetryEnvironment {
  std::function<std::chrono::system_clock::time_point()> now;
  // Blocks the calling thread: the synchronous calls.
  std::function<void(std::chrono::milliseconds)> sleep;
  // Runs `then` after `delay` without blocking a thread: the asynchronous
  // calls. Real() uses a grpc::Alarm, so `then` runs on a gRPC thread.
  std::function<void(std::chrono::milliseconds, std::function<void()> then)>
      schedule;
  std::function<double()> uniform;  // In [0, 1).

  static RetryEnvironment Real();
};

// The waits of BackoffPolicy, one call per retry. Not thread-safe: one per
// call.
class Backoff {
 public:
  Backoff(const BackoffPolicy& policy, std::function<double()> uniform);
  std::chrono::milliseconds Next();

 private:
  BackoffPolicy policy_;
  std::function<double()> uniform_;
  double ceiling_ms_;
};

// The client-wide retry budget of RetryThrottlePolicy. Thread-safe and
// lock-free: every call of every thread passes through OnSuccess(), which
// with a full budget only reads.
class RetryThrottle {
 public:
  explicit RetryThrottle(const RetryThrottlePolicy& policy);
  void OnSuccess();
  void OnFailure();
  bool AllowRetry() const;

 private:
  template <typename Change>
  void Update(Change change);

  const RetryThrottlePolicy policy_;
  std::atomic<double> tokens_;
};

// The observability hooks of a client; at least one is set.
struct CallObservers {
  CallLogger logger;
  std::shared_ptr<CallMetrics> metrics;
};

struct RetrySettings {
  Rpc rpc = Rpc::kUnspecified;
  // Whether repeating the request can do no harm (Notify: only with a key).
  bool idempotent = true;
  RetryPolicy retry;
  BackoffPolicy backoff;
  std::chrono::milliseconds default_timeout = kDefaultTimeout;
  // Null when the client has no hooks: then nothing is measured.
  const CallObservers* observers = nullptr;
};

// The decisions of one call's retry loop, shared by the synchronous and the
// asynchronous calls; the caller runs the attempts and the waits. Not
// thread-safe: one per call, used by one attempt at a time.
class RetryLoop {
 public:
  RetryLoop(const RetrySettings& settings, const CallOptions& call,
            RetryThrottle& throttle, const RetryEnvironment& environment);

  // The options of the next attempt: the call's, with this attempt's
  // deadline and timeout, and the call's request id.
  CallOptions NextAttempt();

  // What to do after an attempt that returned `status`: stop with
  // `final_status` (OK, or the classified failure with its attempts and
  // stop reason), or wait `delay` and call NextAttempt() again.
  struct Verdict {
    std::optional<absl::Status> final_status;
    std::chrono::milliseconds delay{0};
  };
  Verdict OnAttemptDone(absl::Status status);

 private:
  Verdict Decide(absl::Status status);
  void Report(const absl::Status& attempt, const Verdict& verdict,
              std::chrono::steady_clock::time_point now) const;

  const RetrySettings& settings_;
  const CallOptions& call_;
  RetryThrottle& throttle_;
  const RetryEnvironment& environment_;
  std::chrono::system_clock::time_point overall_deadline_;
  Backoff backoff_;
  // The call's own, or one made up for it: the same on every attempt.
  std::string request_id_;
  int attempts_ = 0;
  bool may_have_applied_ = false;
  // Read only with observers.
  std::chrono::steady_clock::time_point call_start_;
  std::chrono::steady_clock::time_point attempt_start_;
};

// A fresh random request id: 32 lower-case hex digits.
std::string NewRequestId();

// Runs `attempt` with per-attempt call options until it succeeds or the
// policies say stop. Returns OK, or the last failure classified for
// settings.rpc and carrying the number of attempts, why the loop stopped,
// and whether an earlier attempt may have been applied by the server.
absl::Status RunWithRetries(
    const RetrySettings& settings, const CallOptions& call,
    RetryThrottle& throttle, const RetryEnvironment& environment,
    const std::function<absl::Status(const CallOptions&)>& attempt);

// Read back what RunWithRetries attached.
bool MayHaveBeenApplied(const absl::Status& status);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_RETRY_LOOP_H_
