// Per-call latencies, reported as p50/p99 counters in microseconds: Google
// Benchmark itself reports only the mean.
#ifndef PUSHWOOSH_BENCH_LATENCY_COUNTERS_H_
#define PUSHWOOSH_BENCH_LATENCY_COUNTERS_H_

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace pushwoosh::messaging::bench {

class LatencyRecorder {
 public:
  explicit LatencyRecorder(std::size_t expected) { samples_.reserve(expected); }

  void Add(std::chrono::steady_clock::duration latency) {
    samples_.push_back(
        std::chrono::duration<double, std::micro>(latency).count());
  }

  void Report(benchmark::State& state) {
    if (samples_.empty()) return;
    std::sort(samples_.begin(), samples_.end());
    auto at = [&](double quantile) {
      return samples_[static_cast<std::size_t>(
          quantile * static_cast<double>(samples_.size() - 1))];
    };
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
  }

 private:
  std::vector<double> samples_;
};

}  // namespace pushwoosh::messaging::bench

#endif  // PUSHWOOSH_BENCH_LATENCY_COUNTERS_H_
