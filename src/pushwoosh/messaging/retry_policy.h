// How calls are retried: attempts, backoff, idempotency and a throttle.
// Set them for a client in ClientOptions and override them per call in
// CallOptions.
//
// The layers add up: a mesh sidecar (Envoy, Istio) may retry too, and its
// attempts multiply ours. Either keep retries in one layer (max_attempts = 1
// here, or retries off in the mesh), or keep both small.
#ifndef PUSHWOOSH_MESSAGING_RETRY_POLICY_H_
#define PUSHWOOSH_MESSAGING_RETRY_POLICY_H_

#include <chrono>
#include <string>

#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

struct RetryPolicy {
  // Attempts in all, the first included; 1 turns retries off.
  int max_attempts = 5;
  // Deadline of one attempt. The call's own deadline (CallOptions::timeout
  // or CallOptions::deadline, else ClientOptions::default_timeout) bounds
  // all attempts and the waits between them.
  std::chrono::milliseconds attempt_timeout{10'000};
};

// Exponential backoff with jitter: the n-th wait (n = 0, 1, ...) is drawn
// uniformly from [d * (1 - jitter), d] where d = min(maximum, initial *
// multiplier^n). A RetryInfo delay from the server replaces it.
struct BackoffPolicy {
  std::chrono::milliseconds initial{100};
  std::chrono::milliseconds maximum{5'000};
  double multiplier = 2.0;
  double jitter = 0.5;  // 0 (none) to 1 (full).
};

// A client-wide budget that stops retries while the backend keeps failing,
// so that many callers do not turn an outage into a retry storm (the scheme
// of gRPC's retryThrottling): each failed attempt takes a token, each
// success gives back `token_ratio`, and retries stop while at most half of
// `max_tokens` remain. The defaults allow ten failures in a row, and keep
// retrying while up to about a third of attempts fail (gRPC's example
// values, 10 and 0.1, stop at about one in eleven).
struct RetryThrottlePolicy {
  double max_tokens = 20;
  double token_ratio = 0.5;
};

// Which requests may be repeated without a second side effect. Only
// idempotent requests are retried after a failure that may have reached
// the server. Replace it (ClientOptions::idempotency) to be stricter — e.g.
// never retry a Cancel — or to trust a key of your own. Implementations must
// be thread-safe.
class IdempotencyPolicy {
 public:
  virtual ~IdempotencyPolicy() = default;

  // Default: only with an idempotency key, which the backend must honour.
  virtual bool IsIdempotent(const v2::NotifyRequest& /*request*/,
                            const std::string& idempotency_key) const {
    return !idempotency_key.empty();
  }
  // Default: yes; a repeated Cancel at worst hears "not cancelable", which
  // the client resolves by reading the status.
  virtual bool IsIdempotent(const v2::CancelRequest& /*request*/) const {
    return true;
  }
  // Default: yes; it only reads.
  virtual bool IsIdempotent(
      const statistics::v2::ListMessagesRequest& /*request*/) const {
    return true;
  }
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_RETRY_POLICY_H_
