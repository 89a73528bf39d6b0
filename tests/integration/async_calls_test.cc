// The asynchronous calls end to end, in-process and over TCP loopback: the
// same outcomes, errors and details as the synchronous ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "fake_server_fixture.h"

namespace pushwoosh::messaging {
namespace {

using AsyncCallsTest = FakeServerTest;

TEST_P(AsyncCallsTest, PendingWaitingAndProcessingMessagesAreCanceled) {
  const std::string pending = Notify(*acme_);
  const std::string waiting = Notify(*acme_, std::chrono::seconds(3600));
  const std::string processing = Notify(*acme_);
  clock_->Advance(kPending);
  ASSERT_EQ(server_->StatusOf(pending), MessageStatus::kProcessing);
  ASSERT_EQ(server_->StatusOf(waiting), MessageStatus::kWaiting);

  for (const std::string& code : {pending, waiting, processing}) {
    auto result = acme_->AsyncCancel(code).get();
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_FALSE(result->confirmed_by_status_check);
    EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
  }
}

TEST_P(AsyncCallsTest, DoneMessageIsNotCancelableWithDetails) {
  const std::string code = Notify(*acme_);
  clock_->Advance(kPending + kProcessing);
  const Error error = Error::From(acme_->AsyncCancel(code).get().status());
  EXPECT_EQ(error.kind(), ErrorKind::kNotCancelable);
  EXPECT_EQ(error.grpc_code(), 9);
  ASSERT_TRUE(error.error_info().has_value());
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_CANCELABLE");
  EXPECT_EQ(error.error_info()->metadata.at("status"), "done");
}

TEST_P(AsyncCallsTest, UnknownCodeIsMessageNotFoundWithCode5) {
  const absl::Status status =
      acme_->AsyncCancel("C3F8-C3863ED4-334AD4F1").get().status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "message not found");
  const Error error = Error::From(status);
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_FOUND");
  EXPECT_FALSE(error.request_id().empty());
  EXPECT_EQ(error.attempts(), 1);
}

TEST_P(AsyncCallsTest, AnotherAccountsMessageIsPermissionDenied) {
  const std::string code = Notify(*acme_);
  EXPECT_EQ(ErrorKindOf(globex_->AsyncCancel(code).get().status()),
            ErrorKind::kPermissionDenied);
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kPending);
}

TEST_P(AsyncCallsTest, MissingTokenIsUnauthenticated) {
  EXPECT_EQ(
      ErrorKindOf(
          anonymous_->AsyncCancel("C3F8-C3863ED4-334AD4F1").get().status()),
      ErrorKind::kUnauthenticated);
}

TEST_P(AsyncCallsTest, InvalidCodeFailsOnTheCallingThreadAndSendsNothing) {
  std::thread::id ran_on;
  absl::Status status;
  acme_->AsyncCancel("", [&](absl::StatusOr<CancelResult> result) {
    ran_on = std::this_thread::get_id();
    status = result.status();
  });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kInvalidRequest);
}

TEST_P(AsyncCallsTest, ReplyRunsTheCallbackOnAGrpcThread) {
  std::promise<std::thread::id> ran_on;
  acme_->AsyncCancel("C3F8-C3863ED4-334AD4F1",
                     [&](absl::StatusOr<CancelResult> /*result*/) {
                       ran_on.set_value(std::this_thread::get_id());
                     });
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
}

TEST_P(AsyncCallsTest, NotifyListAndStatusAgreeWithTheServer) {
  v2::NotifyRequest request;
  auto* segment = request.mutable_segment();
  segment->set_application(kApplication);
  segment->set_code("all-subscribers");
  segment->mutable_schedule();
  auto created = acme_->AsyncNotify(request).get();
  ASSERT_TRUE(created.ok()) << created.status();
  const std::string code = created->result().message_code();
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kPending);

  statistics::v2::ListMessagesRequest list;
  list.mutable_filters()->set_application(kApplication);
  auto page = acme_->AsyncListMessages(list).get();
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items_size(), 1);
  EXPECT_EQ(page->items(0).code(), code);

  auto info = acme_->AsyncGetMessageStatus(kApplication, code).get();
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->status, MessageStatus::kPending);
  EXPECT_EQ(
      ErrorKindOf(
          acme_->AsyncGetMessageStatus(kApplication, "C3F8-C3863ED4-334AD4F1")
              .get()
              .status()),
      ErrorKind::kMessageNotFound);
}

TEST_P(AsyncCallsTest, InvalidNotifyAndListAreRefusedBeforeSending) {
  EXPECT_EQ(ErrorKindOf(acme_->AsyncNotify(v2::NotifyRequest()).get().status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(ErrorKindOf(
                acme_->AsyncListMessages(statistics::v2::ListMessagesRequest())
                    .get()
                    .status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(server_->message_count(), 0u);
}

// Many calls in flight at once, each with its own expected outcome.
TEST_P(AsyncCallsTest, ManyConcurrentCallsEachGetTheirOwnOutcome) {
  constexpr int kEach = 50;
  // The expected error kind; none for success.
  std::vector<std::pair<std::string, std::optional<ErrorKind>>> calls;
  std::vector<std::string> done_codes;
  for (int i = 0; i < kEach; ++i) done_codes.push_back(Notify(*acme_));
  clock_->Advance(kPending + kProcessing);
  for (const std::string& code : done_codes) {
    calls.emplace_back(code, ErrorKind::kNotCancelable);
  }
  for (int i = 0; i < kEach; ++i) {
    calls.emplace_back(Notify(*acme_), std::nullopt);
    calls.emplace_back(Notify(*globex_), ErrorKind::kPermissionDenied);
    calls.emplace_back("C3F8-C3863ED4-" + std::to_string(10'000'000 + i),
                       ErrorKind::kMessageNotFound);
  }

  std::mutex mutex;
  std::condition_variable all_done;
  std::vector<std::optional<ErrorKind>> seen(calls.size(), ErrorKind::kUnknown);
  int remaining = static_cast<int>(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    acme_->AsyncCancel(
        calls[i].first, [&, i](absl::StatusOr<CancelResult> result) {
          std::lock_guard lock(mutex);
          seen[i] =
              result.ok()
                  ? std::nullopt
                  : std::optional<ErrorKind>(ErrorKindOf(result.status()));
          if (--remaining == 0) all_done.notify_one();
        });
  }
  std::unique_lock lock(mutex);
  all_done.wait(lock, [&] { return remaining == 0; });
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(seen[i], calls[i].second) << calls[i].first;
  }
}

INSTANTIATE_TEST_SUITE_P(Transports, AsyncCallsTest,
                         ::testing::Values(Transport::kInProcess,
                                           Transport::kTcpLoopback),
                         TransportName);

}  // namespace
}  // namespace pushwoosh::messaging
