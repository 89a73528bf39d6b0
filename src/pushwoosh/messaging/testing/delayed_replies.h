// Finishes RPCs later without holding a gRPC thread: one timer thread for
// all delayed replies of a server (injected latency).
#ifndef PUSHWOOSH_MESSAGING_TESTING_DELAYED_REPLIES_H_
#define PUSHWOOSH_MESSAGING_TESTING_DELAYED_REPLIES_H_

#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace pushwoosh::messaging::testing {

// Thread-safe.
class DelayedReplies {
 public:
  DelayedReplies();
  // Finishes what is pending at once, then stops the thread.
  ~DelayedReplies();

  void Schedule(std::chrono::milliseconds delay,
                grpc::ServerUnaryReactor* reactor, grpc::Status status);
  // Finishes every pending reply now, and every later one at once (a
  // server shutting down must not wait for them).
  void FlushAll();

 private:
  using Pending =
      std::multimap<std::chrono::steady_clock::time_point,
                    std::pair<grpc::ServerUnaryReactor*, grpc::Status>>;
  void Run();

  // Guards the members below it.

  std::mutex mutex_;
  Pending pending_;
  bool stopping_ = false;
  bool flushed_ = false;
  // Bumped by Schedule so that the timer thread re-plans its wait.
  std::uint64_t generation_ = 0;
  std::condition_variable changed_;  // generation_ or stopping_ changed.
  std::thread thread_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_DELAYED_REPLIES_H_
