// The deadline of one call, from the client default and the call's options.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_DEADLINE_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_DEADLINE_H_

#include <algorithm>
#include <chrono>

#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging::internal {

// now + (call timeout or client default), or the call's absolute deadline
// when that is sooner.
inline std::chrono::system_clock::time_point ComputeDeadline(
    std::chrono::system_clock::time_point now,
    std::chrono::milliseconds default_timeout, const CallOptions& options) {
  auto deadline = now + options.timeout.value_or(default_timeout);
  if (options.deadline.has_value()) {
    deadline = std::min(deadline, *options.deadline);
  }
  return deadline;
}

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_DEADLINE_H_
