// MessagingClient::CancelMany: a window of asynchronous Cancels, refilled
// by their own completions.
#include "pushwoosh/messaging/bulk_cancel.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging {
namespace {

CodeOutcome OutcomeOf(const absl::StatusOr<CancelResult>& result) {
  CodeOutcome outcome;
  if (result.ok()) {
    outcome.outcome = CancelOutcome::kCanceled;
    outcome.confirmed_by_status_check = result->confirmed_by_status_check;
    return outcome;
  }
  switch (ErrorKindOf(result.status())) {
    case ErrorKind::kMessageNotFound:
      outcome.outcome = CancelOutcome::kNotFound;
      break;
    case ErrorKind::kNotCancelable:
      outcome.outcome = CancelOutcome::kNotCancelable;
      break;
    default:
      outcome.outcome = CancelOutcome::kFailed;
      outcome.error = result.status();
      break;
  }
  return outcome;
}

void Count(CancelOutcome outcome, CancelManyProgress& counts) {
  if (outcome == CancelOutcome::kSkipped) return;
  ++counts.completed;
  switch (outcome) {
    case CancelOutcome::kCanceled:
      ++counts.canceled;
      break;
    case CancelOutcome::kNotCancelable:
      ++counts.not_cancelable;
      break;
    case CancelOutcome::kNotFound:
      ++counts.not_found;
      break;
    case CancelOutcome::kFailed:
      ++counts.failed;
      break;
    case CancelOutcome::kSkipped:
      break;
  }
}

// One CancelMany run. Whoever finds a free slot starts the next Cancel:
// the caller at first, then each completion. Only one thread starts calls
// at a time (`launching_`), so a Cancel that completes at once, e.g. an
// invalid code, cannot recurse into another launch.
class BulkCancelRun : public std::enable_shared_from_this<BulkCancelRun> {
 public:
  BulkCancelRun(const MessagingClient& client,
                std::span<const std::string> codes,
                const CancelManyOptions& options)
      : client_(client), codes_(codes), options_(options) {
    result_.outcomes.resize(codes.size());
    result_.counts.total = codes.size();
  }

  CancelManyResult Run() {
    std::unique_lock<std::mutex> lock(mutex_);
    Launch(lock);
    finished_cv_.wait(lock, [this] { return finished_; });
    result_.stopped = next_ < codes_.size();
    return std::move(result_);
  }

 private:
  // Starts Cancels while there is room; `lock` holds mutex_, and is let go
  // around each start.
  void Launch(std::unique_lock<std::mutex>& lock) {
    if (launching_) return;  // That thread will see the free slot.
    launching_ = true;
    while (in_flight_ < options_.max_in_flight && next_ < codes_.size() &&
           !options_.stop.stop_requested()) {
      const std::size_t index = next_++;
      ++in_flight_;
      lock.unlock();
      client_.AsyncCancel(
          codes_[index],
          [self = shared_from_this(),
           index](const absl::StatusOr<CancelResult>& result) {
            self->OnDone(index, result);
          },
          options_.call);
      lock.lock();
    }
    launching_ = false;
    finished_ = in_flight_ == 0 &&
                (next_ == codes_.size() || options_.stop.stop_requested());
    if (finished_) finished_cv_.notify_all();
  }

  // A call leaves in_flight_ only after its report: Run() returns once
  // nothing is in flight, and the caller's callbacks may use its stack.
  void OnDone(std::size_t index, const absl::StatusOr<CancelResult>& result) {
    CodeOutcome outcome = OutcomeOf(result);
    if (!options_.on_result && !options_.on_progress) {
      std::unique_lock<std::mutex> lock(mutex_);
      Record(index, std::move(outcome));
      --in_flight_;
      Launch(lock);
      return;
    }
    {
      // Reported in completion order, one report at a time.
      std::lock_guard<std::mutex> report_lock(report_mutex_);
      CancelManyProgress snapshot;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        snapshot = Record(index, std::move(outcome));
      }
      if (options_.on_result) options_.on_result(index, result);
      if (options_.on_progress) options_.on_progress(snapshot);
    }
    std::unique_lock<std::mutex> lock(mutex_);
    --in_flight_;
    Launch(lock);
  }

  // Needs mutex_.
  CancelManyProgress Record(std::size_t index, CodeOutcome outcome) {
    Count(outcome.outcome, result_.counts);
    result_.outcomes[index] = std::move(outcome);
    return result_.counts;
  }

  const MessagingClient client_;
  const std::span<const std::string> codes_;
  // A copy: a completion may still read it after Run() has returned.
  const CancelManyOptions options_;

  // std::mutex, not absl::Mutex: it runs twice per code, and Debian's
  // Abseil pays for deadlock detection on every absl::Mutex lock.
  std::mutex report_mutex_;  // Taken before mutex_.
  std::mutex mutex_;
  std::condition_variable finished_cv_;
  CancelManyResult result_;  // The rest: guarded by mutex_.
  std::size_t next_ = 0;
  int in_flight_ = 0;
  bool launching_ = false;
  bool finished_ = false;
};

}  // namespace

std::string_view CancelOutcomeName(CancelOutcome outcome) {
  switch (outcome) {
    case CancelOutcome::kCanceled:
      return "canceled";
    case CancelOutcome::kNotCancelable:
      return "not_cancelable";
    case CancelOutcome::kNotFound:
      return "not_found";
    case CancelOutcome::kFailed:
      return "failed";
    case CancelOutcome::kSkipped:
      return "skipped";
  }
  return "unknown";
}

absl::StatusOr<CancelManyResult> MessagingClient::CancelMany(
    std::span<const std::string> codes,
    const CancelManyOptions& options) const {
  if (options.max_in_flight < 1 || options.max_in_flight > kMaxInFlightLimit) {
    return internal::InvalidRequestError(
        absl::StrCat("CancelManyOptions: max_in_flight must be 1 to ",
                     kMaxInFlightLimit),
        {{"max_in_flight", "must be 1 to 10000"}});
  }
  if (codes.empty()) return CancelManyResult{};
  return std::make_shared<BulkCancelRun>(*this, codes, options)->Run();
}

}  // namespace pushwoosh::messaging
