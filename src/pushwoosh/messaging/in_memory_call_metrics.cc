#include "pushwoosh/messaging/in_memory_call_metrics.h"

#include <algorithm>

namespace pushwoosh::messaging {

void InMemoryCallMetrics::OnAttempt(std::string_view method,
                                    std::string_view outcome) {
  std::lock_guard lock(mutex_);
  ++data_.attempts[{std::string(method), std::string(outcome)}];
}

void InMemoryCallMetrics::OnCall(std::string_view method,
                                 std::string_view outcome, int /*attempts*/,
                                 std::chrono::nanoseconds latency) {
  const double ms = std::chrono::duration<double, std::milli>(latency).count();
  const auto bucket = static_cast<std::size_t>(
      std::lower_bound(kLatencyBucketsMs.begin(), kLatencyBucketsMs.end(), ms) -
      kLatencyBucketsMs.begin());
  std::lock_guard lock(mutex_);
  ++data_.calls[{std::string(method), std::string(outcome)}];
  Histogram& histogram = data_.latency[std::string(method)];
  ++histogram.buckets[bucket];
  ++histogram.count;
  histogram.sum_ms += ms;
}

InMemoryCallMetrics::Snapshot InMemoryCallMetrics::Read() const {
  std::lock_guard lock(mutex_);
  return data_;
}

}  // namespace pushwoosh::messaging
