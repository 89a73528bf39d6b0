// Peak heap in use while it runs, sampled every millisecond from a thread
// of its own, so that the code measured is not touched. mallinfo2() counts
// every malloc'd byte of the process (ours and gRPC's), in the heap
// (uordblks) and in large blocks mapped on their own (hblkhd).
#ifndef PUSHWOOSH_BENCH_HEAP_SAMPLER_H_
#define PUSHWOOSH_BENCH_HEAP_SAMPLER_H_

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <thread>

namespace pushwoosh::messaging::bench {

inline std::size_t HeapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

class HeapSampler {
 public:
  HeapSampler() : baseline_(HeapInUse()), peak_(baseline_) {
    thread_ = std::thread([this] {
      while (!stop_.load()) {
        peak_ = std::max(peak_.load(), HeapInUse());
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  }
  ~HeapSampler() { Stop(); }

  // Bytes above the heap in use when the sampler started.
  std::size_t PeakGrowth() {
    Stop();
    const std::size_t peak = std::max(peak_.load(), HeapInUse());
    return peak > baseline_ ? peak - baseline_ : 0;
  }

 private:
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

  const std::size_t baseline_;
  std::atomic<std::size_t> peak_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace pushwoosh::messaging::bench

#endif  // PUSHWOOSH_BENCH_HEAP_SAMPLER_H_
