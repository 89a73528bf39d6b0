#include "pushwoosh/messaging/internal/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "pushwoosh/messaging/error.h"

namespace pushwoosh::messaging::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

// The field the single BadRequest violation of `status` names.
std::string ViolatedField(const absl::Status& status) {
  const Error error = Error::From(status);
  EXPECT_EQ(error.kind(), ErrorKind::kInvalidRequest);
  EXPECT_EQ(error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(error.field_violations().size(), 1u);
  return error.field_violations().empty() ? ""
                                          : error.field_violations()[0].field;
}

TEST(ValidationTest, MessageCode) {
  EXPECT_TRUE(ValidateMessageCode("C3F8-C3863ED4-334AD4F1").ok());
  EXPECT_TRUE(ValidateMessageCode(std::string(128, 'A')).ok());
  EXPECT_EQ(ViolatedField(ValidateMessageCode("")), "message_code");
  EXPECT_EQ(ViolatedField(ValidateMessageCode(std::string(129, 'A'))),
            "message_code");
  EXPECT_EQ(ViolatedField(ValidateMessageCode("ab\xff")), "message_code");
}

TEST(ValidationTest, ListMessages) {
  statistics::v2::ListMessagesRequest request;
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)), "filters");
  request.mutable_filters();
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)),
            "filters.application");
  request.mutable_filters()->set_application("ABCDE-12345");
  EXPECT_TRUE(ValidateListMessagesRequest(request).ok());
  request.set_per_page(1000);
  EXPECT_TRUE(ValidateListMessagesRequest(request).ok());
  request.set_per_page(1001);
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)), "per_page");
  request.set_per_page(-1);
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)), "per_page");
  request.set_per_page(10);
  request.set_page(-1);
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)), "page");
  request.set_page(2);
  request.mutable_filters()->add_messages_codes("");
  EXPECT_EQ(ViolatedField(ValidateListMessagesRequest(request)),
            "filters.messages_codes");
}

TEST(ValidationTest, Notify) {
  v2::NotifyRequest request;
  EXPECT_EQ(ViolatedField(ValidateNotifyRequest(request)), "request");

  request.mutable_segment();
  EXPECT_EQ(ViolatedField(ValidateNotifyRequest(request)),
            "segment.application");
  request.mutable_segment()->set_application("ABCDE-12345");
  EXPECT_EQ(ViolatedField(ValidateNotifyRequest(request)), "segment.schedule");
  request.mutable_segment()->mutable_schedule();
  EXPECT_TRUE(ValidateNotifyRequest(request).ok());

  request.mutable_transactional()->set_application("ABCDE-12345");
  EXPECT_EQ(ViolatedField(ValidateNotifyRequest(request)), "transactional");
  request.mutable_transactional()->mutable_users()->add_list("user-1");
  EXPECT_TRUE(ValidateNotifyRequest(request).ok());
}

TEST(ValidationTest, ErrorCarriesAMessageNamingTheField) {
  const absl::Status status = ValidateMessageCode("");
  EXPECT_EQ(status.message(), "message_code: is required");
  EXPECT_FALSE(Error::From(status).retryable());
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
