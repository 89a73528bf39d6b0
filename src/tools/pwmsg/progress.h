// A one-line progress counter for long bulk runs, redrawn in place on a
// terminal ("cancel: 1200/5000 done, 3 failed") at most ten times a second.
#ifndef PUSHWOOSH_TOOLS_PWMSG_PROGRESS_H_
#define PUSHWOOSH_TOOLS_PWMSG_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace pushwoosh::tools {

// Not thread-safe: callers serialise Record() and Finish().
class Progress {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;

  // Draws nothing unless `enabled` (stderr is a terminal, more than one
  // item). `now` is replaceable so that tests control time.
  Progress(std::ostream* out, bool enabled, std::size_t total,
           std::string_view verb, Now now = std::chrono::steady_clock::now);

  // Call before printing a result, so that it does not land after the
  // progress text on the same terminal line.
  void Erase();
  void Record(bool succeeded);
  // Erases the line, so that it never mixes with the results.
  void Finish();

 private:
  void Draw();

  std::ostream* out_;
  bool enabled_;
  std::size_t total_;
  std::string verb_;
  Now now_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_PROGRESS_H_
