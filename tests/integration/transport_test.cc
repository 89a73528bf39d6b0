// What the client makes of the wire when the server misbehaves or is gone:
// a deadline that expires, a malformed details trailer, an unreachable
// backend; and what it puts on the wire (metadata).
#include <gmock/gmock.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Pair;

// Answers Cancel with a scripted status; never answers it while `hang` is
// set, until the call is cancelled (by its deadline).
class ScriptedService final : public v2::MessagingService::CallbackService {
 public:
  grpc::Status reply;
  bool hang = false;

  grpc::ServerUnaryReactor* Cancel(grpc::CallbackServerContext* context,
                                   const v2::CancelRequest* /*request*/,
                                   v2::CancelResponse* /*response*/) override {
    {
      std::lock_guard lock(mutex_);
      for (const auto& [key, value] : context->client_metadata()) {
        metadata_.emplace_back(std::string(key.data(), key.size()),
                               std::string(value.data(), value.size()));
      }
    }
    if (hang) return new FinishOnCancel();
    auto* reactor = context->DefaultReactor();
    reactor->Finish(reply);
    return reactor;
  }

  std::vector<std::pair<std::string, std::string>> metadata() {
    std::lock_guard lock(mutex_);
    return metadata_;
  }

 private:
  class FinishOnCancel final : public grpc::ServerUnaryReactor {
    void OnCancel() override { Finish(grpc::Status::CANCELLED); }
    void OnDone() override { delete this; }
  };

  std::mutex mutex_;  // Guards the members below it.
  std::vector<std::pair<std::string, std::string>> metadata_;
};

class TransportTest : public ::testing::Test {
 protected:
  // Real TCP, so that the client's own channel factory is exercised.
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_NE(port_, 0);
  }
  void TearDown() override { server_->Shutdown(); }

  MessagingClient Client(ClientOptions options = {}) {
    options.target = "127.0.0.1:" + std::to_string(port_);
    options.plaintext = true;
    auto client = MessagingClient::Create(std::move(options));
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  ScriptedService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

TEST_F(TransportTest, ExpiredDeadlineIsDeadlineExceeded) {
  service_.hang = true;
  CallOptions options;
  options.timeout = std::chrono::milliseconds(100);
  const Error error = Error::From(Client().Cancel("CODE", options).status());
  EXPECT_EQ(error.kind(), ErrorKind::kDeadlineExceeded);
  EXPECT_EQ(error.grpc_code(), 4);
  EXPECT_EQ(error.http_status(), 504);
  EXPECT_TRUE(error.retryable());
}

TEST_F(TransportTest, ClientDefaultDeadlineApplies) {
  service_.hang = true;
  ClientOptions options;
  options.default_timeout = std::chrono::milliseconds(100);
  EXPECT_EQ(ErrorKindOf(Client(options).Cancel("CODE").status()),
            ErrorKind::kDeadlineExceeded);
}

TEST_F(TransportTest, DeadlineInThePastFailsWithoutWaiting) {
  CallOptions options;
  options.deadline = std::chrono::system_clock::now() - std::chrono::seconds(1);
  EXPECT_EQ(ErrorKindOf(Client().Cancel("CODE", options).status()),
            ErrorKind::kDeadlineExceeded);
}

TEST_F(TransportTest, MalformedDetailsTrailerKeepsCodeAndMessage) {
  service_.reply =
      grpc::Status(grpc::StatusCode::NOT_FOUND, "message not found",
                   std::string("\x0a\xff\xff\xff\xff\x0f", 6));
  const absl::Status status = Client().Cancel("CODE").status();
  const Error error = Error::From(status);
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.grpc_code(), 5);
  EXPECT_EQ(error.message(), "message not found");
  EXPECT_TRUE(error.details_malformed());
  EXPECT_FALSE(error.error_info().has_value());
}

TEST_F(TransportTest, StatusOutsideGrpcCodesIsUnknown) {
  // Not a gRPC code, yet within grpc::StatusCode's range (see
  // error_mapping_test.cc).
  service_.reply = grpc::Status(static_cast<grpc::StatusCode>(20), "odd");
  EXPECT_EQ(ErrorKindOf(Client().Cancel("CODE").status()), ErrorKind::kUnknown);
}

TEST_F(TransportTest, SendsTokenClientAndCallMetadataLowerCased) {
  service_.reply = grpc::Status::OK;
  ClientOptions options;
  options.api_token = "t0ken";
  options.metadata = {{"X-Tenant", "acme"}};
  CallOptions call;
  call.metadata = {{"X-Request-Id", "req-1"}};
  ASSERT_TRUE(Client(options).Cancel("CODE", call).status().ok());
  const auto seen = service_.metadata();
  EXPECT_THAT(seen, Contains(Pair("authorization", "Token t0ken")));
  EXPECT_THAT(seen, Contains(Pair("x-tenant", "acme")));
  EXPECT_THAT(seen, Contains(Pair("x-request-id", "req-1")));
  EXPECT_THAT(seen, Contains(Pair("user-agent",
                                  HasSubstr("pushwoosh-messaging-cpp/"))));
}

TEST_F(TransportTest, IllegalCallMetadataIsRefusedNotAborted) {
  CallOptions call;
  call.metadata = {{"X-Bad\nKey", "v"}};
  EXPECT_EQ(ErrorKindOf(Client().Cancel("CODE", call).status()),
            ErrorKind::kInvalidRequest);
  EXPECT_TRUE(service_.metadata().empty());  // Nothing was sent.
}

TEST(UnreachableBackendTest, ClosedPortIsUnavailable) {
  // Bind a port, then release it, so that nothing listens there.
  int port = 0;
  {
    ScriptedService service;
    grpc::ServerBuilder builder;
    builder.RegisterService(&service);
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port);
    auto server = builder.BuildAndStart();
    ASSERT_NE(port, 0);
    server->Shutdown();
  }
  ClientOptions options;
  options.target = "127.0.0.1:" + std::to_string(port);
  options.plaintext = true;
  auto client = MessagingClient::Create(options);
  ASSERT_TRUE(client.ok());
  CallOptions call;
  call.timeout = std::chrono::seconds(10);
  const Error error = Error::From(client->Cancel("CODE", call).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_TRUE(error.retryable());
}

}  // namespace
}  // namespace pushwoosh::messaging
