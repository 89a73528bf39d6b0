// What every benchmark shares: one fake server (in-process and TCP
// loopback), messages seeded straight into its store, and the two ways to
// call it — the raw generated stub and MessagingClient — set up alike
// (same channel kind, token, deadline).
#ifndef PUSHWOOSH_BENCH_BENCH_ENVIRONMENT_H_
#define PUSHWOOSH_BENCH_BENCH_ENVIRONMENT_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"

namespace pushwoosh::messaging::bench {

enum class Transport { kInProcess = 0, kTcp = 1 };

inline constexpr char kToken[] = "bench-token";
inline constexpr char kAccount[] = "bench";
inline constexpr char kApplication[] = "BENCH-00001";
inline constexpr auto kDeadline = std::chrono::seconds(30);

class BenchServer {
 public:
  // A server whose messages stay pending for an hour of real time.
  static BenchServer& Shared();
  BenchServer();

  // `count` new pending messages of kAccount, created in the store directly.
  std::vector<std::string> SeedPending(std::size_t count);

  std::shared_ptr<grpc::Channel> Channel(Transport transport);
  std::unique_ptr<v2::MessagingService::Stub> RawStub(Transport transport);
  MessagingClient Client(Transport transport);

  testing::FakeMessagingServer& server() { return *server_; }

 private:
  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::shared_ptr<grpc::Channel> in_process_;
  std::shared_ptr<grpc::Channel> tcp_;
};

// The raw stub's request context: what MessagingClient sends too.
void PrepareRawContext(grpc::ClientContext& context);

}  // namespace pushwoosh::messaging::bench

#endif  // PUSHWOOSH_BENCH_BENCH_ENVIRONMENT_H_
