// Options and results of MessagingClient::CancelMany: many Cancels with a
// bounded number of calls in flight.
#ifndef PUSHWOOSH_MESSAGING_BULK_CANCEL_H_
#define PUSHWOOSH_MESSAGING_BULK_CANCEL_H_

#include <cstddef>
#include <functional>
#include <stop_token>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/call_results.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging {

// What happened to one code.
enum class CancelOutcome {
  kCanceled,
  kNotCancelable,  // Already done, failed or canceled.
  kNotFound,
  kFailed,   // Any other error: see CodeOutcome::error.
  kSkipped,  // Never sent: the run was stopped first.
};

std::string_view CancelOutcomeName(CancelOutcome outcome);

struct CodeOutcome {
  CancelOutcome outcome = CancelOutcome::kSkipped;
  // Set for kCanceled when the status check confirmed it (see CancelResult).
  bool confirmed_by_status_check = false;
  // The error of a kFailed code (Error::From / ErrorKindOf decode it); OK
  // otherwise, so that thousands of not-found codes cost no memory.
  absl::Status error;
};

struct CancelManyProgress {
  std::size_t total = 0;
  std::size_t completed = 0;  // Canceled + not cancelable + not found + failed.
  std::size_t canceled = 0;
  std::size_t not_cancelable = 0;
  std::size_t not_found = 0;
  std::size_t failed = 0;
};

inline constexpr int kDefaultMaxInFlight = 64;

struct CancelManyOptions {
  // Cancels in flight at once, retries included: 1 to kMaxInFlightLimit.
  // The default stays under the 100 concurrent streams that many servers
  // and proxies allow on one HTTP/2 connection.
  int max_in_flight = kDefaultMaxInFlight;
  // Options of each Cancel (a timeout applies to each, not to the run;
  // leave request_id empty so that each Cancel gets its own).
  CallOptions call;
  // Called after each code completes, one call at a time and in completion
  // order, on a gRPC thread (or the calling thread, for a code refused
  // before it is sent): they must not block. on_result sees the code's
  // index in `codes` and its full result, errors with all their details.
  std::function<void(std::size_t index, const absl::StatusOr<CancelResult>&)>
      on_result;
  std::function<void(const CancelManyProgress&)> on_progress;
  // Once stop is requested, no further Cancel starts; those in flight
  // finish, and the rest are kSkipped.
  std::stop_token stop;
};

inline constexpr int kMaxInFlightLimit = 10'000;

struct CancelManyResult {
  // outcomes[i] is the outcome of codes[i].
  std::vector<CodeOutcome> outcomes;
  CancelManyProgress counts;
  bool stopped = false;  // Whether a stop request left codes kSkipped.
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_BULK_CANCEL_H_
