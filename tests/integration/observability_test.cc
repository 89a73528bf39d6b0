// The logging and metrics hooks, seen through real calls to the fake
// server: one record per attempt, counters by outcome, a latency
// histogram, and no API token anywhere, even when a server echoes it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/in_memory_call_metrics.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr char kToken[] = "observed-secret-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";

// AttemptRecord with owned strings, to look at after the call.
struct Logged {
  std::string method;
  int attempt;
  std::chrono::nanoseconds latency;
  absl::StatusCode code;
  std::string outcome;
  std::string message;
  std::string request_id;
  bool last;
  std::chrono::milliseconds retry_delay;
};

class ObservabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.accounts = {{kToken, "acme"}};
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);

    ClientOptions client_options;
    client_options.channel = server_->InProcessChannel();
    client_options.api_token = kToken;
    client_options.retry.max_attempts = 3;
    client_options.backoff.initial = std::chrono::milliseconds(1);
    client_options.backoff.maximum = std::chrono::milliseconds(2);
    client_options.logger = [this](const AttemptRecord& record) {
      std::lock_guard lock(mutex_);
      logged_.push_back(
          {std::string(record.method), record.attempt, record.latency,
           record.code, std::string(record.outcome),
           std::string(record.message), std::string(record.request_id),
           record.last, record.retry_delay});
    };
    client_options.metrics = metrics_;
    auto client = MessagingClient::Create(client_options);
    ASSERT_TRUE(client.ok()) << client.status();
    client_ = std::make_unique<MessagingClient>(*std::move(client));
  }

  void FailNextCancels(int count, std::string message) {
    testing::FakeFault fault;
    fault.method = "Cancel";
    fault.count = count;
    fault.code = grpc::StatusCode::UNAVAILABLE;
    fault.message = std::move(message);
    server_->InjectFault(fault);
  }

  std::vector<Logged> Log() {
    std::lock_guard lock(mutex_);
    return logged_;
  }

  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::shared_ptr<InMemoryCallMetrics> metrics_ =
      std::make_shared<InMemoryCallMetrics>();
  std::unique_ptr<MessagingClient> client_;
  std::mutex mutex_;
  std::vector<Logged> logged_;
};

TEST_F(ObservabilityTest, LogsEveryAttemptOfACall) {
  FailNextCancels(2, "backend restarting");
  const absl::Status status = client_->Cancel(kUnknownCode).status();
  ASSERT_EQ(ErrorKindOf(status), ErrorKind::kMessageNotFound);

  const std::vector<Logged> log = Log();
  ASSERT_EQ(log.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(log[i].method, "Cancel");
    EXPECT_EQ(log[i].attempt, i + 1);
    EXPECT_GT(log[i].latency.count(), 0);
    EXPECT_EQ(log[i].request_id, Error::From(status).request_id());
    EXPECT_EQ(log[i].last, i == 2);
  }
  EXPECT_EQ(log[0].outcome, "UNAVAILABLE");
  EXPECT_EQ(log[0].code, absl::StatusCode::kUnavailable);
  EXPECT_EQ(log[0].message, "backend restarting");
  EXPECT_GT(log[0].retry_delay.count(), 0);
  EXPECT_EQ(log[2].outcome, "MESSAGE_NOT_FOUND");
  EXPECT_EQ(log[2].code, absl::StatusCode::kNotFound);
}

TEST_F(ObservabilityTest, LogsAsynchronousCallsToo) {
  FailNextCancels(1, "backend restarting");
  auto result = client_->AsyncCancel(kUnknownCode).get();
  ASSERT_EQ(ErrorKindOf(result.status()), ErrorKind::kMessageNotFound);
  const std::vector<Logged> log = Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].outcome, "UNAVAILABLE");
  EXPECT_FALSE(log[0].last);
  EXPECT_EQ(log[1].outcome, "MESSAGE_NOT_FOUND");
  EXPECT_TRUE(log[1].last);
}

TEST_F(ObservabilityTest, CountsAttemptsAndCallsByOutcomeWithLatencies) {
  FailNextCancels(2, "backend restarting");
  ASSERT_FALSE(client_->Cancel(kUnknownCode).ok());
  statistics::v2::ListMessagesRequest list;
  list.mutable_filters()->set_application("ABCDE-12345");
  ASSERT_TRUE(client_->ListMessages(list).ok());

  const InMemoryCallMetrics::Snapshot snapshot = metrics_->Read();
  EXPECT_THAT(snapshot.attempts,
              UnorderedElementsAre(Pair(Pair("Cancel", "UNAVAILABLE"), 2),
                                   Pair(Pair("Cancel", "MESSAGE_NOT_FOUND"), 1),
                                   Pair(Pair("ListMessages", "OK"), 1)));
  EXPECT_THAT(snapshot.calls,
              UnorderedElementsAre(Pair(Pair("Cancel", "MESSAGE_NOT_FOUND"), 1),
                                   Pair(Pair("ListMessages", "OK"), 1)));
  ASSERT_EQ(snapshot.latency.size(), 2u);
  for (const auto& [method, histogram] : snapshot.latency) {
    EXPECT_EQ(histogram.count, 1u) << method;
    EXPECT_EQ(std::accumulate(histogram.buckets.begin(),
                              histogram.buckets.end(), std::uint64_t{0}),
              1u)
        << method;
    EXPECT_GT(histogram.sum_ms, 0.0) << method;
  }
}

// A server or proxy that echoes the authorization header must not put the
// token into errors or logs.
TEST_F(ObservabilityTest, AnEchoedTokenIsRedactedInErrorsAndLogs) {
  FailNextCancels(
      3, std::string("rejected header authorization: Token ") + kToken);
  const absl::Status status = client_->Cancel(kUnknownCode).status();
  ASSERT_EQ(ErrorKindOf(status), ErrorKind::kUnavailable);
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr(kToken)));
  EXPECT_THAT(std::string(status.message()), HasSubstr("[REDACTED]"));
  EXPECT_THAT(Error::From(status).message(), Not(HasSubstr(kToken)));
  EXPECT_THAT(status.ToString(), Not(HasSubstr(kToken)));
  // The rich details stay, with their message redacted too.
  EXPECT_THAT(status.ToString(), HasSubstr("INJECTED_FAULT"));
  const std::vector<Logged> log = Log();
  ASSERT_EQ(log.size(), 3u);
  for (const Logged& record : log) {
    EXPECT_EQ(record.message,
              "rejected header authorization: Token [REDACTED]");
  }
}

}  // namespace
}  // namespace pushwoosh::messaging
