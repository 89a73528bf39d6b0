#include "pushwoosh/messaging/testing/delayed_replies.h"

#include <vector>

#include "absl/time/time.h"

namespace pushwoosh::messaging::testing {

DelayedReplies::DelayedReplies() : thread_([this] { Run(); }) {}

DelayedReplies::~DelayedReplies() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  thread_.join();
  FlushAll();
}

void DelayedReplies::Schedule(std::chrono::milliseconds delay,
                              grpc::ServerUnaryReactor* reactor,
                              grpc::Status status) {
  {
    absl::MutexLock lock(&mutex_);
    if (!flushed_) {
      pending_.emplace(std::chrono::steady_clock::now() + delay,
                       std::make_pair(reactor, std::move(status)));
      ++generation_;
      return;
    }
  }
  reactor->Finish(status);
}

void DelayedReplies::FlushAll() {
  Pending due;
  {
    absl::MutexLock lock(&mutex_);
    flushed_ = true;
    due.swap(pending_);
  }
  for (auto& [when, reply] : due) reply.first->Finish(reply.second);
}

void DelayedReplies::Run() {
  for (;;) {
    std::vector<std::pair<grpc::ServerUnaryReactor*, grpc::Status>> due;
    {
      absl::MutexLock lock(&mutex_);
      // Sleeps until the earliest reply is due, a reply is scheduled, or
      // the thread is told to stop.
      const std::uint64_t seen = generation_;
      const auto changed = [this, seen]()
                               ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
                                 return stopping_ || generation_ != seen;
                               };
      const absl::Duration wait =
          pending_.empty() ? absl::InfiniteDuration()
                           : absl::FromChrono(pending_.begin()->first -
                                              std::chrono::steady_clock::now());
      mutex_.AwaitWithTimeout(absl::Condition(&changed), wait);
      if (stopping_) return;
      const auto now = std::chrono::steady_clock::now();
      while (!pending_.empty() && pending_.begin()->first <= now) {
        due.push_back(std::move(pending_.begin()->second));
        pending_.erase(pending_.begin());
      }
    }
    for (auto& [reactor, status] : due) reactor->Finish(status);
  }
}

}  // namespace pushwoosh::messaging::testing
