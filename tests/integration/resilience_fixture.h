// A FakeMessagingServer with a call counter per method, and a client with
// backoffs shortened to milliseconds: for tests of retries, which assert
// outcomes and call counts, never timings.
#ifndef PUSHWOOSH_TESTS_INTEGRATION_RESILIENCE_FIXTURE_H_
#define PUSHWOOSH_TESTS_INTEGRATION_RESILIENCE_FIXTURE_H_

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {

inline constexpr char kToken[] = "acme-token";
inline constexpr char kApplication[] = "ABCDE-12345";

class ResilienceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.accounts = {{kToken, "acme"}};
    options.clock = clock_;
    options.on_call = [this](const testing::FakeCallRecord& call) {
      std::lock_guard lock(mutex_);
      ++calls_[std::string(call.method)];
      request_ids_.emplace_back(call.request_id);
    };
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    client_.emplace(MakeClient(kApplication));
  }

  MessagingClient MakeClient(const std::string& application) {
    ClientOptions options;
    options.api_token = kToken;
    options.channel = server_->InProcessChannel();
    options.application = application;
    options.retry.max_attempts = 4;
    options.backoff = {std::chrono::milliseconds(1),
                       std::chrono::milliseconds(4), 2.0, 0.5};
    auto client = MessagingClient::Create(options);
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  int Calls(const std::string& method) {
    std::lock_guard lock(mutex_);
    return calls_[method];
  }

  // The x-request-id of every call the server saw, in order.
  std::vector<std::string> RequestIds() {
    std::lock_guard lock(mutex_);
    return request_ids_;
  }

  static testing::FakeFault Fault(const std::string& method,
                                  grpc::StatusCode code, int count) {
    testing::FakeFault fault;
    fault.method = method;
    fault.code = code;
    fault.count = count;
    return fault;
  }

  std::string NotifyWaiting(const CallOptions& options = {}) {
    auto response = client_->Notify(WaitingRequest(), options);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? response->result().message_code() : "";
  }

  v2::NotifyRequest WaitingRequest() {
    v2::NotifyRequest request;
    request.mutable_segment()->set_application(kApplication);
    request.mutable_segment()->set_code("all");
    request.mutable_segment()->mutable_schedule()->mutable_at()->set_seconds(
        std::chrono::duration_cast<std::chrono::seconds>(
            (clock_->Now() + std::chrono::hours(1)).time_since_epoch())
            .count());
    return request;
  }

  std::shared_ptr<testing::VirtualClock> clock_ =
      std::make_shared<testing::VirtualClock>();
  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::optional<MessagingClient> client_;
  std::mutex mutex_;  // Guards the members below it.
  std::map<std::string, int> calls_;
  std::vector<std::string> request_ids_;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_TESTS_INTEGRATION_RESILIENCE_FIXTURE_H_
