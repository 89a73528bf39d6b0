// The asynchronous calls over a mocked connection, and CancelMany's window
// over a connection that holds every call until the test completes it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/mock_messaging_connection.h"

namespace pushwoosh::messaging {
namespace {

using ::pushwoosh::messaging::testing::MockMessagingConnection;
using ::testing::StrictMock;

TEST(AsyncClientTest, MockedNotFoundIsMessageNotFound) {
  auto mock = std::make_shared<StrictMock<MockMessagingConnection>>();
  EXPECT_CALL(*mock, AsyncCancel)
      .WillOnce([](const v2::CancelRequest& request, const CallOptions&,
                   AsyncCallback<v2::CancelResponse> done) {
        EXPECT_EQ(request.message_code(), "C3F8-C3863ED4-334AD4F1");
        done(absl::NotFoundError("message not found"));
      });
  MessagingClient client(mock);
  EXPECT_EQ(
      ErrorKindOf(client.AsyncCancel("C3F8-C3863ED4-334AD4F1").get().status()),
      ErrorKind::kMessageNotFound);
}

TEST(AsyncClientTest, InvalidRequestsReachNoConnection) {
  auto mock = std::make_shared<StrictMock<MockMessagingConnection>>();
  MessagingClient client(mock);
  EXPECT_EQ(ErrorKindOf(client.AsyncCancel("").get().status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(ErrorKindOf(client.AsyncNotify(v2::NotifyRequest()).get().status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(
      ErrorKindOf(client.AsyncGetMessageStatus("", "C3F8").get().status()),
      ErrorKind::kInvalidRequest);
}

// A connection written before the asynchronous calls existed.
class SyncOnlyConnection : public MessagingConnection {
 public:
  absl::StatusOr<v2::NotifyResponse> Notify(const v2::NotifyRequest&,
                                            const CallOptions&) override {
    return v2::NotifyResponse();
  }
  absl::StatusOr<v2::CancelResponse> Cancel(const v2::CancelRequest&,
                                            const CallOptions&) override {
    return v2::CancelResponse();
  }
  absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest&, const CallOptions&) override {
    return statistics::v2::ListMessagesResponse();
  }
};

TEST(AsyncClientTest, AConnectionWithoutAsyncCallsSaysUnimplemented) {
  MessagingClient client(std::make_shared<SyncOnlyConnection>());
  EXPECT_TRUE(client.Cancel("C3F8-C3863ED4-334AD4F1").ok());
  EXPECT_EQ(
      ErrorKindOf(client.AsyncCancel("C3F8-C3863ED4-334AD4F1").get().status()),
      ErrorKind::kUnimplemented);
}

// Holds every AsyncCancel until the test completes it.
class HeldCalls final : public SyncOnlyConnection {
 public:
  void AsyncCancel(const v2::CancelRequest& request, const CallOptions&,
                   AsyncCallback<v2::CancelResponse> done) override {
    {
      std::lock_guard lock(mutex_);
      held_.emplace_back(request.message_code(), std::move(done));
      ++started_;
      peak_ = std::max(peak_, held_.size());
    }
    changed_.notify_all();
  }

  // Waits until exactly `count` calls are held; false after 10 s without.
  bool AwaitHeld(std::size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10),
                             [&] { return held_.size() == count; });
  }

  // Completes the oldest held call with `result`, outside the lock: the
  // completion starts the next call right here.
  void CompleteOldest(absl::StatusOr<v2::CancelResponse> result) {
    AsyncCallback<v2::CancelResponse> done;
    {
      std::lock_guard lock(mutex_);
      if (held_.empty()) {
        ADD_FAILURE() << "no call to complete";
        return;
      }
      done = std::move(held_.front().second);
      held_.pop_front();
    }
    changed_.notify_all();
    done(std::move(result));
  }

  int started() {
    std::lock_guard lock(mutex_);
    return started_;
  }
  std::size_t peak() {
    std::lock_guard lock(mutex_);
    return peak_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;  // held_ changed.
  std::deque<std::pair<std::string, AsyncCallback<v2::CancelResponse>>> held_;
  int started_ = 0;
  std::size_t peak_ = 0;
};

std::vector<std::string> Codes(int count) {
  std::vector<std::string> codes;
  for (int i = 0; i < count; ++i) codes.push_back("CODE-" + std::to_string(i));
  return codes;
}

TEST(CancelManyWindowTest, CompletionsRefillTheWindowNeverPastItsBound) {
  auto connection = std::make_shared<HeldCalls>();
  MessagingClient client(connection);
  const std::vector<std::string> codes = Codes(40);
  CancelManyOptions options;
  options.max_in_flight = 8;
  absl::StatusOr<CancelManyResult> result;
  std::thread run([&] { result = client.CancelMany(codes, options); });

  ASSERT_TRUE(connection->AwaitHeld(8));
  for (int completed = 1; completed <= 40; ++completed) {
    connection->CompleteOldest(
        completed % 2 == 0
            ? absl::StatusOr<v2::CancelResponse>(v2::CancelResponse())
            : absl::NotFoundError("message not found"));
    // Each completion starts the next code, if any is left.
    ASSERT_TRUE(connection->AwaitHeld(std::min(8, 40 - completed)))
        << "after " << completed << " completions";
  }
  run.join();
  EXPECT_EQ(connection->started(), 40);
  EXPECT_EQ(connection->peak(), 8u);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->counts.canceled, 20u);
  EXPECT_EQ(result->counts.not_found, 20u);
  EXPECT_EQ(result->outcomes[0].outcome, CancelOutcome::kNotFound);
  EXPECT_EQ(result->outcomes[1].outcome, CancelOutcome::kCanceled);
}

TEST(CancelManyWindowTest, StopFromAnotherThreadSkipsWhatIsNotStarted) {
  auto connection = std::make_shared<HeldCalls>();
  MessagingClient client(connection);
  const std::vector<std::string> codes = Codes(100);
  std::stop_source stop;
  CancelManyOptions options;
  options.max_in_flight = 4;
  options.stop = stop.get_token();
  absl::StatusOr<CancelManyResult> result;
  std::thread run([&] { result = client.CancelMany(codes, options); });

  ASSERT_TRUE(connection->AwaitHeld(4));
  stop.request_stop();
  for (int i = 0; i < 4; ++i) connection->CompleteOldest(v2::CancelResponse());
  run.join();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->stopped);
  EXPECT_EQ(connection->started(), 4);
  EXPECT_EQ(result->counts.canceled, 4u);
  EXPECT_EQ(result->outcomes[4].outcome, CancelOutcome::kSkipped);
  EXPECT_EQ(result->outcomes[99].outcome, CancelOutcome::kSkipped);
}

// Completes each AsyncCancel on a thread of its own, and returns from
// AsyncCancel only once that completion is being reported (`reporting`),
// so that the caller goes on while the report is still running.
class CompletesWhileLaunching final : public SyncOnlyConnection {
 public:
  explicit CompletesWhileLaunching(std::shared_future<void> reporting)
      : reporting_(std::move(reporting)) {}
  ~CompletesWhileLaunching() override {
    for (auto& thread : threads_) thread.join();
  }

  void AsyncCancel(const v2::CancelRequest&, const CallOptions&,
                   AsyncCallback<v2::CancelResponse> done) override {
    threads_.emplace_back(
        [done = std::move(done)]() mutable { done(v2::CancelResponse()); });
    reporting_.wait();
  }

 private:
  std::shared_future<void> reporting_;
  std::vector<std::thread> threads_;
};

// pwmsg cancel now and then printed nothing and exited 0: CancelMany
// counted a call out before its on_result ran, so it could return while the
// report was still running, and the caller's state was read (or gone) too
// early. The report below waits up to 300 ms for CancelMany to return; it
// must not. That wait is the window the bug needs, and a pass spends it.
TEST(CancelManyWindowTest, DoesNotReturnBeforeTheLastReport) {
  std::promise<void> reporting;
  auto connection =
      std::make_shared<CompletesWhileLaunching>(reporting.get_future().share());
  MessagingClient client(connection);
  const std::vector<std::string> codes = Codes(1);
  std::promise<void> returned;
  std::future<void> returned_future = returned.get_future();
  std::promise<bool> returned_during_report;
  CancelManyOptions options;
  options.on_result = [&](std::size_t, const absl::StatusOr<CancelResult>&) {
    reporting.set_value();
    returned_during_report.set_value(
        returned_future.wait_for(std::chrono::milliseconds(300)) ==
        std::future_status::ready);
  };
  const auto result = client.CancelMany(codes, options);
  returned.set_value();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->counts.canceled, 1u);
  EXPECT_FALSE(returned_during_report.get_future().get());
}

TEST(CancelManyWindowTest, InstantFailuresDoNotRecurse) {
  // 100,000 empty codes fail validation inside the launching loop; a
  // recursive refill would overflow the stack.
  auto mock = std::make_shared<StrictMock<MockMessagingConnection>>();
  MessagingClient client(mock);
  const std::vector<std::string> codes(100'000, "");
  auto result = client.CancelMany(codes);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->counts.failed, 100'000u);
  EXPECT_EQ(ErrorKindOf(result->outcomes.back().error),
            ErrorKind::kInvalidRequest);
}

}  // namespace
}  // namespace pushwoosh::messaging
