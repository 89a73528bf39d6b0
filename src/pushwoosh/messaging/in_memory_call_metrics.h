// CallMetrics kept in memory: counters and a latency histogram per method,
// read as a snapshot, e.g. to export on a scrape or to assert in a test.
#ifndef PUSHWOOSH_MESSAGING_IN_MEMORY_CALL_METRICS_H_
#define PUSHWOOSH_MESSAGING_IN_MEMORY_CALL_METRICS_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "pushwoosh/messaging/observability.h"

namespace pushwoosh::messaging {

class InMemoryCallMetrics final : public CallMetrics {
 public:
  // Upper bounds of the latency buckets, in milliseconds (Prometheus'
  // "le"); a last, unbounded bucket follows.
  static constexpr std::array<double, 12> kLatencyBucketsMs = {
      1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000};

  struct Histogram {
    // Calls per bucket (not cumulative); the last is above every bound.
    std::array<std::uint64_t, kLatencyBucketsMs.size() + 1> buckets{};
    std::uint64_t count = 0;
    double sum_ms = 0;
  };
  using Labels = std::pair<std::string, std::string>;  // Method, outcome.
  struct Snapshot {
    std::map<Labels, std::uint64_t> attempts;
    std::map<Labels, std::uint64_t> calls;
    std::map<std::string, Histogram> latency;  // By method.
  };

  void OnAttempt(std::string_view method, std::string_view outcome) override;
  void OnCall(std::string_view method, std::string_view outcome, int attempts,
              std::chrono::nanoseconds latency) override;

  Snapshot Read() const;

 private:
  mutable std::mutex mutex_;
  Snapshot data_;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_IN_MEMORY_CALL_METRICS_H_
