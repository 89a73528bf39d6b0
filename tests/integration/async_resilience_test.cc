// Retries of the asynchronous calls: the same policies as the synchronous
// ones, with the backoff waited out on timers instead of a blocked thread.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "resilience_fixture.h"

namespace pushwoosh::messaging {
namespace {

using testing::FakeFault;
using AsyncResilienceTest = ResilienceTest;

TEST_F(AsyncResilienceTest, CancelRetriesTransientFailuresToSuccess) {
  const std::string code = NotifyWaiting();
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 2));
  auto result = client_->AsyncCancel(code).get();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(Calls("Cancel"), 3);
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_F(AsyncResilienceTest, AttemptsAreBoundedAndTheFinalErrorSaysWhy) {
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, -1));
  const Error error = Error::From(
      client_->AsyncCancel("C3F8-C3863ED4-334AD4F1").get().status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(error.attempts(), 4);
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kAttemptsExhausted);
  EXPECT_EQ(Calls("Cancel"), 4);
}

TEST_F(AsyncResilienceTest, CancelWhoseReplyWasLostIsConfirmedByItsStatus) {
  const std::string code = NotifyWaiting();
  FakeFault lost_reply = Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  auto result = client_->AsyncCancel(code).get();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->confirmed_by_status_check);
  EXPECT_EQ(Calls("Cancel"), 2);
  EXPECT_EQ(Calls("ListMessages"), 1);
}

TEST_F(AsyncResilienceTest, WithoutAnApplicationTheLostReplyIsNotChecked) {
  MessagingClient no_application = MakeClient("");
  const std::string code = NotifyWaiting();
  FakeFault lost_reply = Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  EXPECT_EQ(ErrorKindOf(no_application.AsyncCancel(code).get().status()),
            ErrorKind::kNotCancelable);
  EXPECT_EQ(Calls("ListMessages"), 0);
}

TEST_F(AsyncResilienceTest, NotifyWithoutKeyIsNotRetriedAfterPossibleDelivery) {
  FakeFault lost_reply = Fault("Notify", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  const Error error =
      Error::From(client_->AsyncNotify(WaitingRequest()).get().status());
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kNotIdempotent);
  EXPECT_EQ(Calls("Notify"), 1);
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(AsyncResilienceTest, NotifyWithKeyIsRetriedAndNotDuplicated) {
  FakeFault lost_reply = Fault("Notify", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  CallOptions options;
  options.idempotency_key = "campaign-42-send-1";
  auto created = client_->AsyncNotify(WaitingRequest(), options).get();
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(Calls("Notify"), 2);
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(AsyncResilienceTest, SlowAttemptTimesOutAndTheRetrySucceeds) {
  FakeFault slow;
  slow.method = "ListMessages";
  slow.latency = std::chrono::milliseconds(2000);
  slow.latency_only = true;
  server_->InjectFault(slow);
  CallOptions options;
  options.retry = RetryPolicy{4, std::chrono::milliseconds(100)};
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application(kApplication);
  auto page = client_->AsyncListMessages(request, options).get();
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Calls("ListMessages"), 2);
}

TEST_F(AsyncResilienceTest, TheOverallDeadlineEndsTheCall) {
  FakeFault slow;
  slow.method = "Cancel";
  slow.count = -1;
  slow.latency = std::chrono::milliseconds(2000);
  slow.latency_only = true;
  server_->InjectFault(slow);
  CallOptions options;
  options.timeout = std::chrono::milliseconds(150);
  options.retry = RetryPolicy{10, std::chrono::milliseconds(100)};
  const Error error = Error::From(
      client_->AsyncCancel("C3F8-C3863ED4-334AD4F1", options).get().status());
  EXPECT_EQ(error.kind(), ErrorKind::kDeadlineExceeded);
  EXPECT_LE(error.attempts(), 2);
}

TEST_F(AsyncResilienceTest, BadPerCallPoliciesAreRefusedBeforeSending) {
  CallOptions bad;
  bad.retry = RetryPolicy{0, std::chrono::milliseconds(100)};
  EXPECT_EQ(
      ErrorKindOf(
          client_->AsyncCancel("C3F8-C3863ED4-334AD4F1", bad).get().status()),
      ErrorKind::kInvalidRequest);
  EXPECT_EQ(Calls("Cancel"), 0);
}

}  // namespace
}  // namespace pushwoosh::messaging
