#include "tools/pwmsg/json_output.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/cord.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"

namespace pushwoosh::tools {
namespace {

using ::testing::HasSubstr;

absl::Status WithDetails(const google::rpc::Status& details) {
  absl::Status status(static_cast<absl::StatusCode>(details.code()),
                      details.message());
  status.SetPayload("type.googleapis.com/google.rpc.Status",
                    absl::Cord(details.SerializeAsString()));
  return status;
}

TEST(JsonOutputTest, ResponsesUseProtoFieldNames) {
  messaging::v2::NotifyResponse response;
  response.mutable_result()->set_message_code("C3F8-1");
  EXPECT_EQ(ResponseJson(response), R"({"result":{"message_code":"C3F8-1"}})");
  EXPECT_EQ(ResponseJson(messaging::v2::CancelResponse()), "{}");
}

TEST(JsonOutputTest, EnvelopeWithoutDetailsHasAnEmptyList) {
  EXPECT_EQ(ErrorEnvelopeJson(absl::NotFoundError("message not found")),
            R"({"code":5,"message":"message not found","details":[]})");
}

TEST(JsonOutputTest, EnvelopeKeepsKnownDetailsAndDropsUnknownOnes) {
  google::rpc::Status details;
  details.set_code(5);
  details.set_message("message not found");
  google::rpc::ErrorInfo info;
  info.set_reason("MESSAGE_NOT_FOUND");
  details.add_details()->PackFrom(info);
  auto* unknown = details.add_details();
  unknown->set_type_url("type.googleapis.com/acme.Unheard");
  unknown->set_value("xyz");
  const std::string json = ErrorEnvelopeJson(WithDetails(details));
  EXPECT_THAT(json, HasSubstr(R"("code":5)"));
  EXPECT_THAT(json, HasSubstr(R"("reason":"MESSAGE_NOT_FOUND")"));
  EXPECT_THAT(json, ::testing::Not(HasSubstr("Unheard")));
}

TEST(JsonOutputTest, EnvelopeSurvivesAGarbledKnownDetail) {
  google::rpc::Status details;
  details.set_code(9);
  details.set_message("m");
  auto* garbled = details.add_details();
  garbled->set_type_url("type.googleapis.com/google.rpc.ErrorInfo");
  garbled->set_value(std::string("\x0a\xff\xff", 3));
  EXPECT_EQ(ErrorEnvelopeJson(WithDetails(details)),
            R"({"code":9,"message":"m","details":[]})");
}

TEST(JsonOutputTest, ParsesRestJsonAndRefusesUnknownFields) {
  messaging::v2::NotifyRequest request;
  ASSERT_TRUE(ParseRestJson(R"({"segment":{"application":"A",
      "platforms":["IOS"],"schedule":{"at":"2030-01-01T00:00:00Z"}}})",
                            &request)
                  .ok());
  EXPECT_EQ(request.segment().application(), "A");
  EXPECT_EQ(request.segment().schedule().at().seconds(), 1893456000);
  const absl::Status bad = ParseRestJson(R"({"segmnt":{}})", &request);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.message(), HasSubstr("segmnt"));
  EXPECT_FALSE(ParseRestJson("{not json", &request).ok());
}

}  // namespace
}  // namespace pushwoosh::tools
