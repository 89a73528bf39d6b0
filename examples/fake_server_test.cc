// Your own GoogleTest against the fake server: the code under test gets a
// real MessagingClient over an in-process channel, and the test drives the
// fake (time, faults) and inspects what it holds.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pm = ::pushwoosh::messaging;

// The code under test: cancels a reminder unless it already went out.
bool CancelReminder(const pm::MessagingClient& client,
                    const std::string& code) {
  auto result = client.Cancel(code);
  if (result.ok()) return true;
  // Already sent, or gone: nothing to cancel, and not an error for us.
  const pm::ErrorKind kind = pm::ErrorKindOf(result.status());
  return kind == pm::ErrorKind::kNotCancelable ||
         kind == pm::ErrorKind::kMessageNotFound;
}

class ReminderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pm::testing::FakeServerOptions options;
    options.accounts = {{"test-token", "tests"}};
    options.clock = clock_;  // The test moves time.
    server_ = *pm::testing::FakeMessagingServer::Start(options);
    pm::ClientOptions client_options;
    client_options.channel = server_->InProcessChannel();
    client_options.api_token = "test-token";
    client_ = std::make_unique<pm::MessagingClient>(
        *pm::MessagingClient::Create(client_options));
  }

  std::string NewReminder() {
    pm::v2::NotifyRequest request;
    auto* transactional = request.mutable_transactional();
    transactional->set_application("TEST0-00000");
    transactional->mutable_users()->add_list("user-1");
    transactional->mutable_payload()->set_silent(true);
    return client_->Notify(request)->result().message_code();
  }

  std::shared_ptr<pm::testing::VirtualClock> clock_ =
      std::make_shared<pm::testing::VirtualClock>();
  std::unique_ptr<pm::testing::FakeMessagingServer> server_;
  std::unique_ptr<pm::MessagingClient> client_;
};

TEST_F(ReminderTest, CancelsAPendingReminder) {
  const std::string code = NewReminder();
  EXPECT_TRUE(CancelReminder(*client_, code));
  EXPECT_EQ(server_->StatusOf(code), pm::MessageStatus::kCanceled);
}

TEST_F(ReminderTest, AReminderAlreadySentIsNotAnError) {
  const std::string code = NewReminder();
  clock_->Advance(std::chrono::hours(1));  // Past pending and processing.
  EXPECT_TRUE(CancelReminder(*client_, code));
  EXPECT_EQ(server_->StatusOf(code), pm::MessageStatus::kDone);
}

TEST_F(ReminderTest, AnOutageIsReported) {
  pm::testing::FakeFault outage;
  outage.method = "Cancel";
  outage.count = -1;  // Every call, retries included.
  outage.code = grpc::StatusCode::UNAVAILABLE;
  server_->InjectFault(outage);
  EXPECT_FALSE(CancelReminder(*client_, NewReminder()));
}
