#include "pushwoosh/messaging/testing/fake_messaging_server.h"

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/grpc_lifetime.h"
#include "pushwoosh/messaging/testing/delayed_replies.h"
#include "pushwoosh/messaging/testing/fake_backend.h"
#include "pushwoosh/messaging/testing/fake_services.h"
#include "pushwoosh/messaging/testing/tcp_proxy.h"

namespace pushwoosh::messaging::testing {

absl::StatusOr<std::unique_ptr<FakeMessagingServer>> FakeMessagingServer::Start(
    const FakeServerOptions& options) {
  if (options.lifecycle.pending_duration.count() < 0 ||
      options.lifecycle.processing_duration.count() < 0) {
    return absl::InvalidArgumentError(
        "lifecycle durations must not be negative");
  }
  std::shared_ptr<const Clock> clock = options.clock;
  if (!clock) clock = std::make_shared<SystemClock>();

  std::unique_ptr<FakeMessagingServer> server(new FakeMessagingServer());
  server->store_ = std::make_shared<FakeMessageStore>(
      std::move(clock), options.lifecycle, options.seed);
  server->backend_ = std::make_shared<FakeBackend>(server->store_);
  for (auto& [token, account] : options.accounts) {
    server->backend_->AddAccount(token, account);
  }
  server->faults_ = std::make_unique<FaultInjector>(options.seed);
  server->delays_ = std::make_unique<DelayedReplies>();
  const bool unix_socket = options.listen_address.starts_with("unix:");
  if (unix_socket && options.connection_faults) {
    return absl::InvalidArgumentError(
        "connection_faults needs a TCP listen_address, not a unix: socket");
  }
  const bool proxied =
      options.connection_faults && !options.listen_address.empty();
  ServiceHooks hooks{options.on_call, server->faults_.get(),
                     server->delays_.get(), nullptr};
  if (proxied) {
    // Set before the proxy exists; calls arrive only once it does.
    hooks.drop_connections = [raw = server.get()] {
      if (raw->proxy_) raw->proxy_->DropConnections();
    };
  }
  server->messaging_service_ =
      std::make_unique<FakeMessagingService>(server->backend_, hooks);
  server->statistics_service_ =
      std::make_unique<FakeStatisticsService>(server->backend_, hooks);

  internal::PinGrpcCallbackQueue();
  grpc::ServerBuilder builder;
  builder.RegisterService(server->messaging_service_.get());
  builder.RegisterService(server->statistics_service_.get());
  int port = 0;
  if (!options.listen_address.empty()) {
    // Behind the proxy, gRPC itself listens on a loopback port of its own.
    builder.AddListeningPort(proxied ? "127.0.0.1:0" : options.listen_address,
                             options.credentials
                                 ? options.credentials
                                 : grpc::InsecureServerCredentials(),
                             &port);
  }
  if (options.configure_builder) options.configure_builder(builder);

  server->server_ = builder.BuildAndStart();
  // A unix: socket has no port to report.
  if (!server->server_ ||
      (!options.listen_address.empty() && !unix_socket && port == 0)) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve on \"", options.listen_address,
                     "\": address in use or invalid"));
  }
  if (proxied) {
    auto proxy = TcpProxy::Start(options.listen_address, port);
    if (!proxy.ok()) return proxy.status();
    server->proxy_ = *std::move(proxy);
    port = server->proxy_->port();
  }
  if (unix_socket) {
    server->address_ = options.listen_address;
  } else if (!options.listen_address.empty()) {
    const std::string& listen = options.listen_address;
    const auto colon = listen.rfind(':');
    server->address_ = absl::StrCat(listen.substr(0, colon), ":", port);
    server->port_ = port;
  }
  return server;
}

std::string_view FakeCallRecord::Header(std::string_view name) const {
  if (metadata == nullptr || name == "authorization") return {};
  auto it = metadata->find(grpc::string_ref(name.data(), name.size()));
  if (it == metadata->end()) return {};
  return std::string_view(it->second.data(), it->second.size());
}

FakeMessagingServer::~FakeMessagingServer() { Shutdown(); }

std::shared_ptr<grpc::Channel> FakeMessagingServer::InProcessChannel() {
  return server_->InProcessChannel(grpc::ChannelArguments());
}

void FakeMessagingServer::AddAccount(std::string token, std::string account) {
  backend_->AddAccount(std::move(token), std::move(account));
}

void FakeMessagingServer::InjectFault(FakeFault fault) {
  faults_->Add(std::move(fault));
}

void FakeMessagingServer::ClearFaults() { faults_->Clear(); }

std::optional<FakeMessage> FakeMessagingServer::FindMessage(
    std::string_view code) const {
  return store_->Find(code);
}

MessageStatus FakeMessagingServer::StatusOf(std::string_view code) const {
  return store_->StatusOf(code);
}

std::size_t FakeMessagingServer::message_count() const {
  return store_->size();
}

void FakeMessagingServer::Shutdown(std::chrono::milliseconds grace) {
  std::call_once(shutdown_once_, [&] {
    // Delayed replies would otherwise hold the shutdown for their latency.
    if (delays_) delays_->FlushAll();
    if (server_) server_->Shutdown(std::chrono::system_clock::now() + grace);
    proxy_.reset();
  });
}

void FakeMessagingServer::Wait() {
  if (server_) server_->Wait();
}

}  // namespace pushwoosh::messaging::testing
