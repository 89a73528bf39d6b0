// Runs `total` asynchronous calls with at most `window` in flight: each
// completion starts the next. One harness for the raw stub and the client,
// so that both pay the same bookkeeping.
#ifndef PUSHWOOSH_BENCH_CALL_WINDOW_H_
#define PUSHWOOSH_BENCH_CALL_WINDOW_H_

#include <atomic>
#include <cstddef>
#include <optional>

#include "absl/functional/function_ref.h"
#include "absl/synchronization/notification.h"

namespace pushwoosh::messaging::bench {

class CallWindow {
 public:
  explicit CallWindow(std::size_t total) : total_(total), remaining_(total) {}

  // Starts up to `window` calls through `start(index)` and blocks until all
  // `total` have called Done(). `start` must call Done() exactly once per
  // call, from any thread.
  void Run(std::size_t window, absl::FunctionRef<void(std::size_t)> start) {
    start_.emplace(start);
    for (std::size_t i = 0; i < window && i < total_; ++i) Launch();
    if (total_ > 0) all_done_.WaitForNotification();
  }

  void Done(bool ok) {
    if (!ok) failed_.fetch_add(1, std::memory_order_relaxed);
    Launch();
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      all_done_.Notify();  // The last touch: Run() may return now.
    }
  }

  std::size_t failed() const { return failed_.load(); }

 private:
  void Launch() {
    const std::size_t index = next_.fetch_add(1, std::memory_order_relaxed);
    if (index < total_) (*start_)(index);
  }

  const std::size_t total_;
  std::atomic<std::size_t> next_{0};
  std::atomic<std::size_t> remaining_;
  std::atomic<std::size_t> failed_{0};
  // Set for the duration of Run(), the only time calls are started.
  std::optional<absl::FunctionRef<void(std::size_t)>> start_;
  absl::Notification all_done_;
};

}  // namespace pushwoosh::messaging::bench

#endif  // PUSHWOOSH_BENCH_CALL_WINDOW_H_
