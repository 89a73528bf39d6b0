// Retries end to end: MessagingClient → gRPC → FakeMessagingServer with
// injected faults. Backoffs are shortened to milliseconds; the tests assert
// outcomes and call counts, never timings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "absl/synchronization/mutex.h"
#include "resilience_fixture.h"

namespace pushwoosh::messaging {
namespace {

using testing::FakeFault;

TEST_F(ResilienceTest, CancelRetriesTransientFailuresToSuccess) {
  const std::string code = NotifyWaiting();
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 2));
  auto result = client_->Cancel(code);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->confirmed_by_status_check);
  EXPECT_EQ(Calls("Cancel"), 3);
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_F(ResilienceTest, ServerRetryInfoIsHonoured) {
  const std::string code = NotifyWaiting();
  FakeFault fault = Fault("Cancel", grpc::StatusCode::RESOURCE_EXHAUSTED, 1);
  fault.retry_delay = std::chrono::milliseconds(20);
  server_->InjectFault(fault);
  EXPECT_TRUE(client_->Cancel(code).ok());
  EXPECT_EQ(Calls("Cancel"), 2);
}

TEST_F(ResilienceTest, AttemptsAreBoundedAndTheFinalErrorSaysWhy) {
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, -1));
  const Error error =
      Error::From(client_->Cancel("C3F8-C3863ED4-334AD4F1").status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(error.attempts(), 4);
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kAttemptsExhausted);
  EXPECT_EQ(error.error_info()->reason, "INJECTED_FAULT");
  EXPECT_EQ(Calls("Cancel"), 4);
}

TEST_F(ResilienceTest, PermanentErrorsAreNotRetried) {
  server_->InjectFault(
      Fault("Cancel", grpc::StatusCode::PERMISSION_DENIED, -1));
  const Error error =
      Error::From(client_->Cancel("C3F8-C3863ED4-334AD4F1").status());
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kPermanentError);
  EXPECT_EQ(Calls("Cancel"), 1);
}

TEST_F(ResilienceTest, CancelWhoseReplyWasLostIsConfirmedByItsStatus) {
  const std::string code = NotifyWaiting();
  FakeFault lost_reply = Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  auto result = client_->Cancel(code);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->confirmed_by_status_check);
  EXPECT_EQ(Calls("Cancel"), 2);
  EXPECT_EQ(Calls("ListMessages"), 1);
}

TEST_F(ResilienceTest, WithoutAnApplicationTheLostReplyStaysNotCancelable) {
  MessagingClient no_application = MakeClient("");
  const std::string code = NotifyWaiting();
  FakeFault lost_reply = Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  EXPECT_EQ(ErrorKindOf(no_application.Cancel(code).status()),
            ErrorKind::kNotCancelable);
  EXPECT_EQ(Calls("ListMessages"), 0);
}

TEST_F(ResilienceTest, NotCancelableWithoutALostReplyIsNotChecked) {
  const std::string code = NotifyWaiting();
  ASSERT_TRUE(client_->Cancel(code).ok());
  EXPECT_EQ(ErrorKindOf(client_->Cancel(code).status()),
            ErrorKind::kNotCancelable);
  EXPECT_EQ(Calls("ListMessages"), 0);
}

TEST_F(ResilienceTest, NotifyWithoutKeyIsNotRetriedAfterPossibleDelivery) {
  FakeFault lost_reply = Fault("Notify", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  const Error error = Error::From(client_->Notify(WaitingRequest()).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kNotIdempotent);
  EXPECT_EQ(Calls("Notify"), 1);
  EXPECT_EQ(server_->message_count(), 1u);  // Created once, never twice.
}

TEST_F(ResilienceTest, NotifyWithKeyIsRetriedAndNotDuplicated) {
  FakeFault lost_reply = Fault("Notify", grpc::StatusCode::UNAVAILABLE, 1);
  lost_reply.apply_then_fail = true;
  server_->InjectFault(lost_reply);
  CallOptions options;
  options.idempotency_key = "campaign-42-send-1";
  const std::string code = NotifyWaiting(options);
  EXPECT_EQ(Calls("Notify"), 2);
  EXPECT_EQ(server_->message_count(), 1u);
  EXPECT_TRUE(server_->FindMessage(code).has_value());
  // The same key later still answers with the same message.
  EXPECT_EQ(NotifyWaiting(options), code);
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(ResilienceTest, KeyReusedForADifferentRequestIsRefused) {
  CallOptions options;
  options.idempotency_key = "one-key";
  NotifyWaiting(options);
  v2::NotifyRequest other = WaitingRequest();
  other.mutable_segment()->set_code("vip");
  const Error error = Error::From(client_->Notify(other, options).status());
  EXPECT_EQ(error.kind(), ErrorKind::kInvalidRequest);
  EXPECT_EQ(error.error_info()->reason, "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(ResilienceTest, RateLimitedNotifyIsRetriedWithoutAKey) {
  server_->InjectFault(
      Fault("Notify", grpc::StatusCode::RESOURCE_EXHAUSTED, 1));
  NotifyWaiting();
  EXPECT_EQ(Calls("Notify"), 2);
  EXPECT_EQ(server_->message_count(), 1u);
}

TEST_F(ResilienceTest, SlowAttemptTimesOutAndTheRetrySucceeds) {
  FakeFault slow;
  slow.method = "ListMessages";
  slow.latency = std::chrono::milliseconds(2000);
  slow.latency_only = true;
  server_->InjectFault(slow);
  CallOptions options;
  options.retry = RetryPolicy{4, std::chrono::milliseconds(100)};
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application(kApplication);
  auto page = client_->ListMessages(request, options);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Calls("ListMessages"), 2);
}

TEST_F(ResilienceTest, AStricterIdempotencyPolicyStopsCancelRetries) {
  struct NeverRepeatCancel : IdempotencyPolicy {
    using IdempotencyPolicy::IsIdempotent;
    bool IsIdempotent(const v2::CancelRequest&) const override { return false; }
  };
  ClientOptions options;
  options.api_token = kToken;
  options.channel = server_->InProcessChannel();
  options.idempotency = std::make_shared<NeverRepeatCancel>();
  auto strict = MessagingClient::Create(options);
  ASSERT_TRUE(strict.ok());
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 1));
  const Error error =
      Error::From(strict->Cancel("C3F8-C3863ED4-334AD4F1").status());
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kNotIdempotent);
  EXPECT_EQ(Calls("Cancel"), 1);
}

TEST_F(ResilienceTest, BadPerCallPoliciesAreRefusedBeforeSending) {
  CallOptions no_attempts;
  no_attempts.retry = RetryPolicy{0, std::chrono::seconds(1)};
  CallOptions bad_jitter;
  bad_jitter.backoff = BackoffPolicy{std::chrono::milliseconds(1),
                                     std::chrono::milliseconds(2), 2.0, 1.5};
  for (const CallOptions& options : {no_attempts, bad_jitter}) {
    const Error error = Error::From(
        client_->Cancel("C3F8-C3863ED4-334AD4F1", options).status());
    EXPECT_EQ(error.kind(), ErrorKind::kInvalidRequest);
    EXPECT_FALSE(error.field_violations().empty());
  }
  EXPECT_EQ(Calls("Cancel"), 0);
}

// The soak: 10,000 calls (5,000 Notify, 5,000 Cancel) while 20% of all
// calls fail transiently, half of those after taking effect. Every message
// must end in the state its caller was told, and none may exist twice.
TEST_F(ResilienceTest, EveryOutcomeMatchesTheServerUnderTransientFaults) {
  FakeFault flaky = Fault("", grpc::StatusCode::UNAVAILABLE, -1);
  flaky.fraction = 0.1;
  server_->InjectFault(flaky);
  FakeFault lost = flaky;
  lost.apply_then_fail = true;
  server_->InjectFault(lost);  // Another ~10%: applied, reply lost.
  // The client-wide throttle is tested on its own; here it must not end
  // the run.
  MessagingClient client = [&] {
    ClientOptions client_options;
    client_options.api_token = kToken;
    client_options.channel = server_->InProcessChannel();
    client_options.application = kApplication;
    client_options.retry = RetryPolicy{10, std::chrono::seconds(5)};
    client_options.backoff = {std::chrono::milliseconds(1),
                              std::chrono::milliseconds(1), 1.0, 0.0};
    client_options.throttle = {1000, 1};
    return *MessagingClient::Create(client_options);
  }();

  int notified = 0;
  for (int i = 0; i < 5000; ++i) {
    CallOptions keyed;
    keyed.idempotency_key = "soak-" + std::to_string(i);
    auto response = client.Notify(WaitingRequest(), keyed);
    ASSERT_TRUE(response.ok()) << response.status();
    ++notified;
    const std::string code = response->result().message_code();
    auto canceled = client.Cancel(code);
    ASSERT_TRUE(canceled.ok()) << Error::From(canceled.status()).ToString();
    EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled) << code;
  }
  EXPECT_EQ(server_->message_count(), static_cast<std::size_t>(notified));
  EXPECT_GT(Calls("Cancel"), 5000);  // Some were retried.
  EXPECT_GT(Calls("Notify"), 5000);
}

TEST_F(ResilienceTest, EveryAttemptOfACallCarriesTheSameRequestId) {
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, 2));
  const Error error =
      Error::From(client_->Cancel("C3F8-C3863ED4-334AD4F1").status());
  ASSERT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  const std::vector<std::string> ids = RequestIds();
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].size(), 32u);
  EXPECT_EQ(ids[1], ids[0]);
  EXPECT_EQ(ids[2], ids[0]);
  // The next call gets an id of its own.
  client_->Cancel("C3F8-C3863ED4-334AD4F1").IgnoreError();
  EXPECT_NE(RequestIds().back(), ids[0]);
}

TEST_F(ResilienceTest, TheCallersRequestIdIsForwardedAndKeptInTheError) {
  server_->InjectFault(Fault("Cancel", grpc::StatusCode::UNAVAILABLE, -1));
  CallOptions options;
  options.request_id = "req-from-the-parent-service";
  const Error error =
      Error::From(client_->Cancel("C3F8-C3863ED4-334AD4F1", options).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  // The injected fault sends no RequestInfo: the id we sent stands in.
  EXPECT_EQ(error.request_id(), "req-from-the-parent-service");
  for (const std::string& id : RequestIds()) {
    EXPECT_EQ(id, "req-from-the-parent-service");
  }
  // Given as metadata instead, it is used as is.
  CallOptions as_metadata;
  as_metadata.metadata = {{"X-Request-Id", "req-in-metadata"}};
  EXPECT_EQ(Error::From(
                client_->Cancel("C3F8-C3863ED4-334AD4F1", as_metadata).status())
                .request_id(),
            "req-in-metadata");
  EXPECT_EQ(RequestIds().back(), "req-in-metadata");
}

}  // namespace
}  // namespace pushwoosh::messaging
