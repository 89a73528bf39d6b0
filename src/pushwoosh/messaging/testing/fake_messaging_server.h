// FakeMessagingServer: an in-memory Pushwoosh Messaging + Statistics backend
// that answers as the documented one does, for tests (in-process channel,
// virtual clock) and for the emulator (a real port, real time).
//
//   auto clock = std::make_shared<VirtualClock>();
//   FakeServerOptions options;
//   options.accounts = {{"test-token", "acme"}};
//   options.clock = clock;
//   auto server = FakeMessagingServer::Start(options);
//   ClientOptions client_options;
//   client_options.api_token = "test-token";
//   client_options.channel = (*server)->InProcessChannel();
//   auto client = MessagingClient::Create(client_options);
//
// Thread safety: all methods may be called from any thread while it serves.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGING_SERVER_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGING_SERVER_H_

#include <grpcpp/channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <grpcpp/support/status.h>
#include <grpcpp/support/string_ref.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "pushwoosh/messaging/message_status.h"
#include "pushwoosh/messaging/testing/clock.h"
#include "pushwoosh/messaging/testing/fake_message_store.h"
#include "pushwoosh/messaging/testing/fault_injector.h"

namespace pushwoosh::messaging::testing {

class DelayedReplies;
class TcpProxy;
class FakeBackend;
class FakeMessagingService;
class FakeStatisticsService;

// What the server reports of each call it answers (never the token).
struct FakeCallRecord {
  std::string_view method;   // "Notify", "Cancel", "ListMessages".
  std::string_view account;  // Empty when the token was missing or unknown.
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::chrono::nanoseconds latency{0};
  std::string_view request_id;  // The x-request-id header; empty if none.
  std::string_view peer;        // The client's address, as gRPC names it.
  std::string_view authority;   // The :authority the client sent.
  // Every request header; valid during on_call. Read through Header(),
  // which withholds the token.
  const std::multimap<grpc::string_ref, grpc::string_ref>* metadata = nullptr;

  // The request header `name` (lower-case); empty when absent, and always
  // for "authorization".
  std::string_view Header(std::string_view name) const;
};

struct FakeServerOptions {
  // "HOST:PORT" to serve on (port 0 picks a free one), or "unix:/path";
  // empty serves only the in-process channel.
  std::string listen_address;
  // Serve `listen_address` through a TCP proxy, so that a FakeFault with
  // drop_connection can cut client connections.
  bool connection_faults = false;
  // How `listen_address` is secured: plaintext when unset, or e.g.
  // grpc::SslServerCredentials for TLS and mTLS (see FakeServerTls).
  std::shared_ptr<grpc::ServerCredentials> credentials;
  // API token → account name.
  std::map<std::string, std::string> accounts;
  Lifecycle lifecycle;
  // Real time when unset.
  std::shared_ptr<const Clock> clock;
  // Makes the sequence of message codes repeatable.
  std::uint64_t seed = 1;
  // Lets a program add services (health, reflection) or server options.
  std::function<void(grpc::ServerBuilder&)> configure_builder;
  // Called after each call, on a gRPC thread; must be thread-safe. Unset
  // costs nothing.
  std::function<void(const FakeCallRecord&)> on_call;
};

class FakeMessagingServer {
 public:
  static absl::StatusOr<std::unique_ptr<FakeMessagingServer>> Start(
      const FakeServerOptions& options);

  FakeMessagingServer(const FakeMessagingServer&) = delete;
  FakeMessagingServer& operator=(const FakeMessagingServer&) = delete;
  // Shuts down, as Shutdown() does.
  ~FakeMessagingServer();

  // A channel to this server with no network in between.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  // "HOST:PORT" with the port actually bound, or the "unix:/path"; empty
  // without a listener. port() is 0 for a unix: socket.
  const std::string& address() const { return address_; }
  int port() const { return port_; }

  void AddAccount(std::string token, std::string account);

  // Answers matching calls with `fault` from now on; see FakeFault.
  void InjectFault(FakeFault fault);
  void ClearFaults();

  // What the server holds, for assertions.
  std::optional<FakeMessage> FindMessage(std::string_view code) const;
  MessageStatus StatusOf(std::string_view code) const;
  std::size_t message_count() const;

  // The server's messages, e.g. to seed many of them without a call each.
  FakeMessageStore& store() { return *store_; }

  // Stops accepting calls and lets those in flight finish within `grace`.
  // Idempotent.
  void Shutdown(std::chrono::milliseconds grace = std::chrono::seconds(5));
  // Blocks until Shutdown() has been called and completed.
  void Wait();

 private:
  FakeMessagingServer() = default;

  std::shared_ptr<FakeMessageStore> store_;
  std::shared_ptr<FakeBackend> backend_;
  std::unique_ptr<FaultInjector> faults_;
  std::unique_ptr<DelayedReplies> delays_;
  std::unique_ptr<FakeMessagingService> messaging_service_;
  std::unique_ptr<FakeStatisticsService> statistics_service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<TcpProxy> proxy_;
  std::string address_;
  int port_ = 0;
  std::once_flag shutdown_once_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGING_SERVER_H_
