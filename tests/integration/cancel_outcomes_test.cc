// Every documented Cancel outcome, end to end: MessagingClient → gRPC →
// FakeMessagingServer, in-process and over TCP loopback.
#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "fake_server_fixture.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using CancelOutcomeTest = FakeServerTest;

TEST_P(CancelOutcomeTest, PendingMessageIsCanceled) {
  const std::string code = Notify(*acme_);
  ASSERT_EQ(server_->StatusOf(code), MessageStatus::kPending);
  EXPECT_TRUE(acme_->Cancel(code).status().ok());
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_P(CancelOutcomeTest, WaitingMessageIsCanceled) {
  const std::string code = Notify(*acme_, std::chrono::seconds(3600));
  ASSERT_EQ(server_->StatusOf(code), MessageStatus::kWaiting);
  EXPECT_TRUE(acme_->Cancel(code).status().ok());
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_P(CancelOutcomeTest, ProcessingMessageIsCanceled) {
  const std::string code = Notify(*acme_);
  clock_->Advance(kPending);
  ASSERT_EQ(server_->StatusOf(code), MessageStatus::kProcessing);
  EXPECT_TRUE(acme_->Cancel(code).status().ok());
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kCanceled);
}

TEST_P(CancelOutcomeTest, DoneMessageIsNotCancelable) {
  const std::string code = Notify(*acme_);
  clock_->Advance(kPending + kProcessing);
  ASSERT_EQ(server_->StatusOf(code), MessageStatus::kDone);

  const Error error = Error::From(acme_->Cancel(code).status());
  EXPECT_EQ(error.kind(), ErrorKind::kNotCancelable);
  EXPECT_EQ(error.grpc_code(), 9);
  EXPECT_EQ(error.http_status(), 400);
  EXPECT_FALSE(error.retryable());
  ASSERT_TRUE(error.error_info().has_value());
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_CANCELABLE");
  EXPECT_EQ(error.error_info()->metadata.at("status"), "done");
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kDone);
}

TEST_P(CancelOutcomeTest, CanceledMessageIsNotCancelableAgain) {
  const std::string code = Notify(*acme_);
  ASSERT_TRUE(acme_->Cancel(code).status().ok());
  const Error error = Error::From(acme_->Cancel(code).status());
  EXPECT_EQ(error.kind(), ErrorKind::kNotCancelable);
  EXPECT_EQ(error.error_info()->metadata.at("status"), "canceled");
}

TEST_P(CancelOutcomeTest, UnknownCodeIsMessageNotFoundWithCode5) {
  const absl::Status status = acme_->Cancel("C3F8-C3863ED4-334AD4F1").status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "message not found");
  const Error error = Error::From(status);
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.grpc_code(), 5);
  EXPECT_EQ(error.http_status(), 404);
  ASSERT_TRUE(error.error_info().has_value());
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_FOUND");
  EXPECT_EQ(error.error_info()->domain, "pushwoosh.com");
  EXPECT_EQ(error.error_info()->metadata.at("message_code"),
            "C3F8-C3863ED4-334AD4F1");
  EXPECT_FALSE(error.request_id().empty());
  EXPECT_FALSE(error.details_malformed());
}

TEST_P(CancelOutcomeTest, AnotherAccountsMessageIsPermissionDenied) {
  const std::string code = Notify(*acme_);
  const Error error = Error::From(globex_->Cancel(code).status());
  EXPECT_EQ(error.kind(), ErrorKind::kPermissionDenied);
  EXPECT_EQ(error.grpc_code(), 7);
  EXPECT_EQ(error.http_status(), 403);
  EXPECT_EQ(error.message(), "message belongs to another account");
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_BELONGS_TO_ANOTHER_ACCOUNT");
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kPending);
}

TEST_P(CancelOutcomeTest, MissingTokenIsUnauthenticated) {
  const std::string code = Notify(*acme_);
  const Error error = Error::From(anonymous_->Cancel(code).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnauthenticated);
  EXPECT_EQ(error.grpc_code(), 16);
  EXPECT_EQ(error.http_status(), 401);
  EXPECT_EQ(error.error_info()->reason, "TOKEN_MISSING");
  EXPECT_EQ(server_->StatusOf(code), MessageStatus::kPending);
}

TEST_P(CancelOutcomeTest, UnknownTokenIsUnauthenticatedAndNotEchoed) {
  MessagingClient intruder = MakeClient("stolen-or-mistyped-token");
  const Error error =
      Error::From(intruder.Cancel("C3F8-C3863ED4-334AD4F1").status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnauthenticated);
  EXPECT_EQ(error.error_info()->reason, "TOKEN_INVALID");
  EXPECT_THAT(error.ToString(), Not(HasSubstr("stolen-or-mistyped-token")));
}

TEST_P(CancelOutcomeTest, MissingCodeIsRefusedByTheClientBeforeSending) {
  const Error error = Error::From(acme_->Cancel("").status());
  EXPECT_EQ(error.kind(), ErrorKind::kInvalidRequest);
  EXPECT_EQ(error.grpc_code(), 3);
  EXPECT_EQ(error.field_violations().at(0).field, "message_code");
  // Client-side errors carry no server request id: nothing was sent.
  EXPECT_TRUE(error.request_id().empty());
}

// The server's own answer to a missing code, which only a client without
// validation (here the raw generated stub) can provoke.
TEST_P(CancelOutcomeTest, ServerAnswersMissingCodeWithBadRequest) {
  std::shared_ptr<grpc::Channel> channel =
      GetParam() == Transport::kInProcess
          ? server_->InProcessChannel()
          : grpc::CreateChannel(server_->address(),
                                grpc::InsecureChannelCredentials());
  auto stub = v2::MessagingService::NewStub(channel);
  grpc::ClientContext context;
  context.AddMetadata("authorization", std::string("Token ") + kAcmeToken);
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  v2::CancelResponse response;
  const grpc::Status status =
      stub->Cancel(&context, v2::CancelRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), 3);
  bool saw_bad_request = false;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad_request;
    if (any.UnpackTo(&bad_request) && any.Is<google::rpc::BadRequest>()) {
      saw_bad_request = true;
      EXPECT_EQ(bad_request.field_violations(0).field(), "message_code");
    }
  }
  EXPECT_TRUE(saw_bad_request);
}

INSTANTIATE_TEST_SUITE_P(Transports, CancelOutcomeTest,
                         ::testing::Values(Transport::kInProcess,
                                           Transport::kTcpLoopback),
                         TransportName);

}  // namespace
}  // namespace pushwoosh::messaging
