// Time for the fake server: real in the emulator, virtual in tests so that
// a message moves from pending to done without anyone sleeping.
#ifndef PUSHWOOSH_MESSAGING_TESTING_CLOCK_H_
#define PUSHWOOSH_MESSAGING_TESTING_CLOCK_H_

#include <atomic>
#include <chrono>

namespace pushwoosh::messaging::testing {

// Implementations are thread-safe.
class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// Stands still until told to move.
class VirtualClock final : public Clock {
 public:
  // 2026-01-01T00:00:00Z unless told otherwise.
  explicit VirtualClock(
      TimePoint start = TimePoint(std::chrono::seconds(1'767'225'600)))
      : now_(start.time_since_epoch().count()) {}

  TimePoint Now() const override {
    return TimePoint(TimePoint::duration(now_.load()));
  }
  void Advance(std::chrono::nanoseconds delta) {
    now_ += std::chrono::duration_cast<TimePoint::duration>(delta).count();
  }
  void Set(TimePoint now) { now_ = now.time_since_epoch().count(); }

 private:
  std::atomic<TimePoint::rep> now_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_CLOCK_H_
