// Connections cut mid-call (real TCP through the fake's proxy): the client
// reconnects, retries what is safe to retry, and tells the truth.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {
namespace {

constexpr char kToken[] = "acme-token";
constexpr char kApplication[] = "ABCDE-12345";

class ConnectionFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.connection_faults = true;
    options.accounts = {{kToken, "acme"}};
    options.clock = std::make_shared<testing::VirtualClock>();
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);

    ClientOptions client_options;
    client_options.target = server_->address();
    client_options.plaintext = true;
    client_options.api_token = kToken;
    client_options.application = kApplication;
    client_options.default_timeout = std::chrono::seconds(20);
    client_options.backoff = {std::chrono::milliseconds(1),
                              std::chrono::milliseconds(4), 2.0, 0.5};
    auto client = MessagingClient::Create(client_options);
    ASSERT_TRUE(client.ok());
    client_.emplace(*std::move(client));
  }

  static v2::NotifyRequest Request() {
    v2::NotifyRequest request;
    request.mutable_segment()->set_application(kApplication);
    request.mutable_segment()->set_code("all");
    request.mutable_segment()->mutable_schedule();
    return request;
  }

  // DATA_LOSS is what the fake answers if it cannot drop the connection:
  // neither transient nor UNAVAILABLE, so only a real cut passes these
  // tests.
  static testing::FakeFault Drop(const std::string& method, bool applied) {
    testing::FakeFault fault;
    fault.method = method;
    fault.code = grpc::StatusCode::DATA_LOSS;
    fault.drop_connection = true;
    fault.apply_then_fail = applied;
    return fault;
  }

  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::optional<MessagingClient> client_;
};

TEST_F(ConnectionFaultsTest, CallsGoThroughTheProxy) {
  auto response = client_->Notify(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(ConnectionFaultsTest, CancelCutAfterApplyingIsConfirmedByStatus) {
  auto response = client_->Notify(Request());
  ASSERT_TRUE(response.ok());
  const std::string code = response->result().message_code();
  server_->InjectFault(Drop("Cancel", /*applied=*/true));
  auto result = client_->Cancel(code);
  ASSERT_TRUE(result.ok()) << Error::From(result.status()).ToString();
  EXPECT_TRUE(result->confirmed_by_status_check);
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_F(ConnectionFaultsTest, NotifyCutIsNotRepeatedWithoutAKey) {
  server_->InjectFault(Drop("Notify", /*applied=*/true));
  const Error error = Error::From(client_->Notify(Request()).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kNotIdempotent);
  EXPECT_EQ(server_->message_count(), 1u);
  // The client reconnects for the next call by itself. That call may still
  // be written to the dying connection before the reset reaches the client
  // (seen under ASan, with wait_for_ready too); only a call that is safe to
  // repeat, such as a listing, is retried onto the new connection.
  statistics::v2::ListMessagesRequest list;
  list.mutable_filters()->set_application(kApplication);
  auto listed = client_->ListMessages(list);
  ASSERT_TRUE(listed.ok()) << Error::From(listed.status()).ToString();
  EXPECT_EQ(listed->items_size(), 1);
}

TEST_F(ConnectionFaultsTest, NotifyCutWithAKeyIsRetriedOnce) {
  server_->InjectFault(Drop("Notify", /*applied=*/true));
  CallOptions options;
  options.idempotency_key = "cut-1";
  auto response = client_->Notify(Request(), options);
  ASSERT_TRUE(response.ok()) << Error::From(response.status()).ToString();
  EXPECT_EQ(server_->message_count(), 1u);
}

}  // namespace
}  // namespace pushwoosh::messaging
