// Faults for the fake server to answer with, so that a client's resilience
// can be tested: fail the next N calls (or a fraction) with a code and
// details, add latency, or apply the change and still answer with an error.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAULT_INJECTOR_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAULT_INJECTOR_H_

#include <grpcpp/support/status.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace pushwoosh::messaging::testing {

struct FakeFault {
  // "Notify", "Cancel" or "ListMessages"; empty matches every method.
  std::string method;
  // How many matching calls it hits; -1 for every one.
  int count = 1;
  // The share of matching calls it hits, drawn from a seeded generator so
  // that a run repeats exactly.
  double fraction = 1.0;
  grpc::StatusCode code = grpc::StatusCode::UNAVAILABLE;
  std::string message = "injected fault";
  // Sent as a google.rpc.RetryInfo detail when set.
  std::optional<std::chrono::milliseconds> retry_delay;
  // How long to wait before answering (the answer may be success).
  std::chrono::milliseconds latency{0};
  // The call takes effect (a message is created or canceled) and the reply
  // is still `code` — what a client sees when a reply is lost.
  bool apply_then_fail = false;
  // Only delay the call: do not fail it.
  bool latency_only = false;
  // Cut every open client connection instead of replying (with
  // apply_then_fail: after the change is made). Needs a TCP listener with
  // FakeServerOptions::connection_faults; otherwise `code` is answered.
  bool drop_connection = false;
};

// Thread-safe.
class FaultInjector {
 public:
  explicit FaultInjector(std::uint64_t seed = 1) : random_(seed) {}

  void Add(FakeFault fault);
  void Clear();
  // The fault that hits this call of `method`, if any, counted as used.
  std::optional<FakeFault> Next(std::string_view method);

 private:
  // Guards the members below it.
  std::mutex mutex_;
  std::vector<FakeFault> faults_;
  std::mt19937_64 random_;
};

// The error a fault answers with, as the real backend would send it.
grpc::Status FaultStatus(const FakeFault& fault);

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAULT_INJECTOR_H_
