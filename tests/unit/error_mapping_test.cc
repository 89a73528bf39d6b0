// The gRPC code → domain error table, row by row for each RPC, and the
// decoding of rich details (including a malformed trailer).
#include "pushwoosh/messaging/internal/error_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/error.h"

namespace pushwoosh::messaging {
namespace {

using internal::Classify;
using internal::FromGrpcStatus;
using internal::Rpc;
using ::testing::ElementsAre;
using ::testing::Field;

struct Row {
  grpc::StatusCode code;
  int http;
  ErrorKind notify_kind;
  ErrorKind cancel_kind;
  ErrorKind list_kind;
  bool notify_retryable;
  bool idempotent_retryable;  // Cancel and ListMessages.
};

// Written out from the brief and the gateway's table, not derived from the
// implementation, so that a changed mapping fails here.
const Row kTable[] = {
    {grpc::StatusCode::CANCELLED, 499, ErrorKind::kCancelled,
     ErrorKind::kCancelled, ErrorKind::kCancelled, false, false},
    {grpc::StatusCode::UNKNOWN, 500, ErrorKind::kUnknown, ErrorKind::kUnknown,
     ErrorKind::kUnknown, false, false},
    {grpc::StatusCode::INVALID_ARGUMENT, 400, ErrorKind::kInvalidRequest,
     ErrorKind::kInvalidRequest, ErrorKind::kInvalidRequest, false, false},
    {grpc::StatusCode::DEADLINE_EXCEEDED, 504, ErrorKind::kDeadlineExceeded,
     ErrorKind::kDeadlineExceeded, ErrorKind::kDeadlineExceeded, false, true},
    {grpc::StatusCode::NOT_FOUND, 404, ErrorKind::kNotFound,
     ErrorKind::kMessageNotFound, ErrorKind::kNotFound, false, false},
    {grpc::StatusCode::ALREADY_EXISTS, 409, ErrorKind::kAlreadyExists,
     ErrorKind::kAlreadyExists, ErrorKind::kAlreadyExists, false, false},
    {grpc::StatusCode::PERMISSION_DENIED, 403, ErrorKind::kPermissionDenied,
     ErrorKind::kPermissionDenied, ErrorKind::kPermissionDenied, false, false},
    {grpc::StatusCode::RESOURCE_EXHAUSTED, 429, ErrorKind::kRateLimited,
     ErrorKind::kRateLimited, ErrorKind::kRateLimited, true, true},
    {grpc::StatusCode::FAILED_PRECONDITION, 400, ErrorKind::kFailedPrecondition,
     ErrorKind::kNotCancelable, ErrorKind::kFailedPrecondition, false, false},
    {grpc::StatusCode::ABORTED, 409, ErrorKind::kAborted, ErrorKind::kAborted,
     ErrorKind::kAborted, false, true},
    {grpc::StatusCode::OUT_OF_RANGE, 400, ErrorKind::kInvalidRequest,
     ErrorKind::kInvalidRequest, ErrorKind::kInvalidRequest, false, false},
    {grpc::StatusCode::UNIMPLEMENTED, 501, ErrorKind::kUnimplemented,
     ErrorKind::kUnimplemented, ErrorKind::kUnimplemented, false, false},
    {grpc::StatusCode::INTERNAL, 500, ErrorKind::kInternal,
     ErrorKind::kInternal, ErrorKind::kInternal, false, true},
    {grpc::StatusCode::UNAVAILABLE, 503, ErrorKind::kUnavailable,
     ErrorKind::kUnavailable, ErrorKind::kUnavailable, false, true},
    {grpc::StatusCode::DATA_LOSS, 500, ErrorKind::kDataLoss,
     ErrorKind::kDataLoss, ErrorKind::kDataLoss, false, false},
    {grpc::StatusCode::UNAUTHENTICATED, 401, ErrorKind::kUnauthenticated,
     ErrorKind::kUnauthenticated, ErrorKind::kUnauthenticated, false, false},
};

class ErrorTableTest : public ::testing::TestWithParam<Row> {};

Error MapThrough(Rpc rpc, grpc::StatusCode code) {
  return Error::From(
      Classify(rpc, FromGrpcStatus(grpc::Status(code, "server says"))));
}

TEST_P(ErrorTableTest, NotifyRow) {
  const Row& row = GetParam();
  const Error error = MapThrough(Rpc::kNotify, row.code);
  EXPECT_EQ(error.kind(), row.notify_kind);
  EXPECT_EQ(error.retryable(), row.notify_retryable);
  EXPECT_EQ(error.http_status(), row.http);
  EXPECT_EQ(error.grpc_code(), static_cast<int>(row.code));
  EXPECT_EQ(error.message(), "server says");
}

TEST_P(ErrorTableTest, CancelRow) {
  const Row& row = GetParam();
  const Error error = MapThrough(Rpc::kCancel, row.code);
  EXPECT_EQ(error.kind(), row.cancel_kind);
  EXPECT_EQ(error.retryable(), row.idempotent_retryable);
  EXPECT_EQ(error.http_status(), row.http);
  EXPECT_EQ(error.grpc_code(), static_cast<int>(row.code));
}

TEST_P(ErrorTableTest, ListMessagesRow) {
  const Row& row = GetParam();
  const Error error = MapThrough(Rpc::kListMessages, row.code);
  EXPECT_EQ(error.kind(), row.list_kind);
  EXPECT_EQ(error.retryable(), row.idempotent_retryable);
  EXPECT_EQ(error.http_status(), row.http);
}

INSTANTIATE_TEST_SUITE_P(AllCodes, ErrorTableTest, ::testing::ValuesIn(kTable),
                         [](const ::testing::TestParamInfo<Row>& row_info) {
                           return "Code" + std::to_string(static_cast<int>(
                                               row_info.param.code));
                         });

TEST(ErrorTableTest, CoversAllSixteenErrorCodes) {
  EXPECT_EQ(std::size(kTable), 16u);  // Plus OK, which is no error.
  EXPECT_EQ(HttpStatusForCode(absl::StatusCode::kOk), 200);
}

TEST(ErrorMappingTest, CodeOutsideGrpcRangeIsUnknown) {
  // 20 is not a gRPC code but is a valid grpc::StatusCode value (0-31);
  // larger ones would be undefined behaviour before reaching our code.
  const absl::Status status =
      FromGrpcStatus(grpc::Status(static_cast<grpc::StatusCode>(20), "odd"));
  EXPECT_EQ(status.code(), absl::StatusCode::kUnknown);
  EXPECT_EQ(Error::From(status).kind(), ErrorKind::kUnknown);
}

TEST(ErrorMappingTest, OkStaysOk) {
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
  EXPECT_TRUE(Classify(Rpc::kCancel, absl::OkStatus()).ok());
}

TEST(ErrorMappingTest, ClassifyKeepsAnEarlierVerdict) {
  absl::Status status = Classify(Rpc::kCancel, absl::NotFoundError("x"));
  status = Classify(Rpc::kListMessages, status);
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kMessageNotFound);
}

TEST(ErrorMappingTest, ForeignStatusIsClassifiedByCodeAlone) {
  EXPECT_EQ(ErrorKindOf(absl::UnavailableError("down")),
            ErrorKind::kUnavailable);
  EXPECT_EQ(ErrorKindOf(absl::NotFoundError("x")), ErrorKind::kNotFound);
  EXPECT_TRUE(Error::From(absl::UnavailableError("down")).retryable());
  EXPECT_EQ(ErrorKindOf(absl::OkStatus()), ErrorKind::kUnknown);
}

// gRPC reports a local size limit as RESOURCE_EXHAUSTED too; only its
// wording tells it from a rate limit, and waiting would not help.
TEST(ErrorMappingTest, SizeLimitIsNotARateLimit) {
  for (const char* message : {"Received message larger than max (5 vs. 4)",
                              "Sent message larger than max (5 vs. 4)"}) {
    const absl::Status status =
        Classify(Rpc::kCancel, absl::ResourceExhaustedError(message));
    EXPECT_EQ(ErrorKindOf(status), ErrorKind::kMessageTooLarge) << message;
    EXPECT_FALSE(Error::From(status).retryable()) << message;
  }
  const absl::Status limited =
      Classify(Rpc::kCancel, absl::ResourceExhaustedError("slow down"));
  EXPECT_EQ(ErrorKindOf(limited), ErrorKind::kRateLimited);
  EXPECT_TRUE(Error::From(limited).retryable());
  EXPECT_EQ(internal::ErrorKindFromName("MESSAGE_TOO_LARGE"),
            ErrorKind::kMessageTooLarge);
}

TEST(ErrorMappingTest, KindNamesRoundTrip) {
  for (const Row& row : kTable) {
    for (ErrorKind kind : {row.notify_kind, row.cancel_kind}) {
      EXPECT_EQ(internal::ErrorKindFromName(ErrorKindName(kind)), kind);
    }
  }
  EXPECT_EQ(ErrorKindName(ErrorKind::kNotCancelable), "NOT_CANCELABLE");
}

std::string RichDetails() {
  google::rpc::Status status;
  status.set_code(9);
  status.set_message("message is not cancelable");
  google::rpc::ErrorInfo info;
  info.set_reason("MESSAGE_NOT_CANCELABLE");
  info.set_domain("pushwoosh.com");
  (*info.mutable_metadata())["status"] = "done";
  status.add_details()->PackFrom(info);
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(2);
  retry.mutable_retry_delay()->set_nanos(500'000'000);
  status.add_details()->PackFrom(retry);
  google::rpc::BadRequest bad_request;
  auto* violation = bad_request.add_field_violations();
  violation->set_field("message_code");
  violation->set_description("is required");
  status.add_details()->PackFrom(bad_request);
  google::rpc::RequestInfo request;
  request.set_request_id("req-42");
  status.add_details()->PackFrom(request);
  // A detail type we do not decode must not disturb the others.
  google::rpc::Help help;
  help.add_links()->set_url("https://docs.pushwoosh.com");
  status.add_details()->PackFrom(help);
  return status.SerializeAsString();
}

TEST(ErrorDetailsTest, DecodesEveryKnownDetail) {
  const std::string details = RichDetails();
  const Error error = Error::From(Classify(
      Rpc::kCancel,
      FromGrpcStatus(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                                  "message is not cancelable", details))));
  EXPECT_EQ(error.kind(), ErrorKind::kNotCancelable);
  ASSERT_TRUE(error.error_info().has_value());
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_CANCELABLE");
  EXPECT_EQ(error.error_info()->domain, "pushwoosh.com");
  EXPECT_EQ(error.error_info()->metadata.at("status"), "done");
  EXPECT_EQ(error.retry_delay(), std::chrono::milliseconds(2500));
  EXPECT_THAT(error.field_violations(),
              ElementsAre(Field(&FieldViolation::field, "message_code")));
  EXPECT_EQ(error.request_id(), "req-42");
  EXPECT_EQ(error.raw_details(), details);
  EXPECT_FALSE(error.details_malformed());
  EXPECT_EQ(error.ToString(),
            "NOT_CANCELABLE (grpc 9, http 400): message is not cancelable "
            "[reason=MESSAGE_NOT_CANCELABLE] [message_code: is required] "
            "[retry_delay=2500ms] [request_id=req-42]");
}

TEST(ErrorDetailsTest, MalformedTrailerKeepsCodeAndMessage) {
  // Not a google.rpc.Status: a truncated length-delimited field.
  const std::string garbage(
      "\x12\xff\xff\xff\x0f"
      "abc",
      8);
  const absl::Status status = Classify(
      Rpc::kCancel, FromGrpcStatus(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                                "message not found", garbage)));
  const Error error = Error::From(status);
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.grpc_code(), 5);
  EXPECT_EQ(error.message(), "message not found");
  EXPECT_TRUE(error.details_malformed());
  EXPECT_FALSE(error.error_info().has_value());
  EXPECT_TRUE(error.raw_details().empty());
}

TEST(ErrorDetailsTest, DetailWithGarbledPayloadIsSkipped) {
  google::rpc::Status status;
  status.set_code(5);
  auto* any = status.add_details();
  any->set_type_url("type.googleapis.com/google.rpc.ErrorInfo");
  any->set_value(std::string("\x0a\xff\xff", 3));
  const Error error = Error::From(FromGrpcStatus(grpc::Status(
      grpc::StatusCode::NOT_FOUND, "x", status.SerializeAsString())));
  EXPECT_FALSE(error.error_info().has_value());
  EXPECT_EQ(error.grpc_code(), 5);
}

TEST(ErrorDetailsTest, ForeignPayloadThatDoesNotParseIsFlagged) {
  absl::Status status = absl::InternalError("x");
  status.SetPayload("type.googleapis.com/google.rpc.Status",
                    absl::Cord(std::string("\x12\xff\xff", 3)));
  const Error error = Error::From(status);
  EXPECT_TRUE(error.details_malformed());
  EXPECT_EQ(error.kind(), ErrorKind::kInternal);
}

}  // namespace
}  // namespace pushwoosh::messaging
