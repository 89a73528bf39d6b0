// Hooks that observe the client's calls: a log record per attempt, and
// metrics (counters by outcome, a latency histogram) to bind to
// Prometheus, OpenTelemetry or any other system. Both are off unless set
// in ClientOptions, and cost nothing then: no clock is read.
#ifndef PUSHWOOSH_MESSAGING_OBSERVABILITY_H_
#define PUSHWOOSH_MESSAGING_OBSERVABILITY_H_

#include <chrono>
#include <functional>
#include <string_view>

#include "absl/status/status.h"

namespace pushwoosh::messaging {

// One attempt of a call. The views are valid only during the hook.
struct AttemptRecord {
  std::string_view method;  // "Notify", "Cancel" or "ListMessages".
  int attempt = 0;          // 1 for the first.
  std::chrono::nanoseconds latency{0};
  absl::StatusCode code = absl::StatusCode::kOk;
  // "OK", or the failure's ErrorKindName(), e.g. "MESSAGE_NOT_FOUND".
  std::string_view outcome;
  // The failure's message (the server's or gRPC's, with the API token
  // redacted should it appear); empty on success.
  std::string_view message;
  std::string_view request_id;  // The call's x-request-id.
  // Whether the call ends with this attempt; if not, the next one starts
  // after `retry_delay`.
  bool last = false;
  std::chrono::milliseconds retry_delay{0};
};

// Receives every attempt of every call, on the thread that finished it (a
// gRPC thread for asynchronous calls): it must be thread-safe, and quick,
// since the call waits for it. The record holds no secret; the API token
// never reaches it.
using CallLogger = std::function<void(const AttemptRecord&)>;

// What metrics need of each call. Implement it to feed your metrics
// system; InMemoryCallMetrics is a ready one. Methods are called
// concurrently from many threads and must be thread-safe and quick.
// Labels come from small fixed sets: `method` from the three RPCs and
// `outcome` from "OK" and the ErrorKindName()s.
class CallMetrics {
 public:
  virtual ~CallMetrics() = default;

  // Every attempt, retries included: a counter by method and outcome.
  virtual void OnAttempt(std::string_view method, std::string_view outcome) = 0;
  // Every call when it ends: a counter by method and outcome, and its
  // latency (all attempts and waits between them) for a histogram.
  virtual void OnCall(std::string_view method, std::string_view outcome,
                      int attempts, std::chrono::nanoseconds latency) = 0;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_OBSERVABILITY_H_
