#include "bench_environment.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <cstdlib>
#include <iostream>
#include <utility>

namespace pushwoosh::messaging::bench {

BenchServer& BenchServer::Shared() {
  static BenchServer* const shared = new BenchServer;
  return *shared;
}

BenchServer::BenchServer() {
  testing::FakeServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.accounts = {{kToken, kAccount}};
  options.lifecycle.pending_duration = std::chrono::hours(1);
  auto server = testing::FakeMessagingServer::Start(std::move(options));
  if (!server.ok()) {
    std::cerr << "fake server: " << server.status() << "\n";
    std::abort();
  }
  server_ = *std::move(server);
  in_process_ = server_->InProcessChannel();
  tcp_ = grpc::CreateChannel(server_->address(),
                             grpc::InsecureChannelCredentials());
}

std::vector<std::string> BenchServer::SeedPending(std::size_t count) {
  std::vector<std::string> codes;
  codes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    testing::FakeMessageStore::NewMessage message;
    message.account = kAccount;
    message.application = kApplication;
    codes.push_back(server_->store().Create(std::move(message)).code);
  }
  return codes;
}

std::shared_ptr<grpc::Channel> BenchServer::Channel(Transport transport) {
  return transport == Transport::kInProcess ? in_process_ : tcp_;
}

std::unique_ptr<v2::MessagingService::Stub> BenchServer::RawStub(
    Transport transport) {
  return v2::MessagingService::NewStub(Channel(transport));
}

MessagingClient BenchServer::Client(Transport transport) {
  ClientOptions options;
  options.channel = Channel(transport);
  options.api_token = kToken;
  options.default_timeout = kDeadline;
  auto client = MessagingClient::Create(std::move(options));
  if (!client.ok()) {
    std::cerr << "client: " << client.status() << "\n";
    std::abort();
  }
  return *std::move(client);
}

void PrepareRawContext(grpc::ClientContext& context) {
  context.set_deadline(std::chrono::system_clock::now() + kDeadline);
  context.AddMetadata("authorization", std::string("Token ") + kToken);
}

}  // namespace pushwoosh::messaging::bench
