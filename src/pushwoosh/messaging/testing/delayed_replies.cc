#include "pushwoosh/messaging/testing/delayed_replies.h"

#include <vector>

namespace pushwoosh::messaging::testing {

DelayedReplies::DelayedReplies() : thread_([this] { Run(); }) {}

DelayedReplies::~DelayedReplies() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  thread_.join();
  FlushAll();
}

void DelayedReplies::Schedule(std::chrono::milliseconds delay,
                              grpc::ServerUnaryReactor* reactor,
                              grpc::Status status) {
  {
    std::lock_guard lock(mutex_);
    if (!flushed_) {
      pending_.emplace(std::chrono::steady_clock::now() + delay,
                       std::make_pair(reactor, std::move(status)));
      ++generation_;
      changed_.notify_one();
      return;
    }
  }
  reactor->Finish(status);
}

void DelayedReplies::FlushAll() {
  Pending due;
  {
    std::lock_guard lock(mutex_);
    flushed_ = true;
    due.swap(pending_);
  }
  for (auto& [when, reply] : due) reply.first->Finish(reply.second);
}

void DelayedReplies::Run() {
  for (;;) {
    std::vector<std::pair<grpc::ServerUnaryReactor*, grpc::Status>> due;
    {
      std::unique_lock lock(mutex_);
      // Sleeps until the earliest reply is due, a reply is scheduled, or
      // the thread is told to stop.
      const std::uint64_t seen = generation_;
      const auto changed = [this, seen] {
        return stopping_ || generation_ != seen;
      };
      if (pending_.empty()) {
        changed_.wait(lock, changed);
      } else {
        // A copy: FlushAll may free the node while this thread waits.
        const auto due_at = pending_.begin()->first;
        changed_.wait_until(lock, due_at, changed);
      }
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
