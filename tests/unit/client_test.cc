// MessagingClient over a mocked connection: validation before any call,
// classification of whatever the connection returns, status look-up.
#include "pushwoosh/messaging/client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pushwoosh/messaging/testing/mock_messaging_connection.h"

namespace pushwoosh::messaging {
namespace {

using ::pushwoosh::messaging::testing::MockMessagingConnection;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;
using ::testing::StrictMock;
using ::testing::Truly;

class ClientTest : public ::testing::Test {
 protected:
  std::shared_ptr<StrictMock<MockMessagingConnection>> mock_ =
      std::make_shared<StrictMock<MockMessagingConnection>>();
  MessagingClient client_{mock_};
};

// A StrictMock fails the test on any call: nothing is sent.
TEST_F(ClientTest, InvalidCancelSendsNothing) {
  for (const std::string& code :
       {std::string(), std::string(129, 'A'), std::string("\xc3\x28")}) {
    const absl::Status status = client_.Cancel(code).status();
    EXPECT_EQ(ErrorKindOf(status), ErrorKind::kInvalidRequest);
    EXPECT_EQ(Error::From(status).field_violations().at(0).field,
              "message_code");
  }
}

TEST_F(ClientTest, InvalidListSendsNothing) {
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application("ABCDE-12345");
  request.set_per_page(1001);
  EXPECT_EQ(ErrorKindOf(client_.ListMessages(request).status()),
            ErrorKind::kInvalidRequest);
  request.set_per_page(10);
  request.mutable_filters()->clear_application();
  EXPECT_EQ(ErrorKindOf(client_.ListMessages(request).status()),
            ErrorKind::kInvalidRequest);
  auto pager = client_.ListMessagesPages(request);
  EXPECT_EQ(ErrorKindOf(pager.NextPage().status()), ErrorKind::kInvalidRequest);
}

TEST_F(ClientTest, InvalidStatusLookUpSendsNothing) {
  EXPECT_EQ(ErrorKindOf(client_.GetMessageStatus("", "CODE").status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(ErrorKindOf(client_.GetMessageStatus("ABCDE-12345", "").status()),
            ErrorKind::kInvalidRequest);
}

TEST_F(ClientTest, InvalidNotifySendsNothing) {
  EXPECT_EQ(ErrorKindOf(client_.Notify(v2::NotifyRequest()).status()),
            ErrorKind::kInvalidRequest);
}

TEST_F(ClientTest, CancelSendsTheCodeAndCallOptions) {
  CallOptions options;
  options.timeout = std::chrono::milliseconds(1234);
  EXPECT_CALL(*mock_, Cancel(Truly([](const v2::CancelRequest& r) {
                               return r.message_code() == "C3F8-1-2";
                             }),
                             Truly([](const CallOptions& o) {
                               return o.timeout ==
                                      std::chrono::milliseconds(1234);
                             })))
      .WillOnce(Return(v2::CancelResponse()));
  EXPECT_TRUE(client_.Cancel("C3F8-1-2", options).status().ok());
}

TEST_F(ClientTest, MockedNotFoundOnCancelIsMessageNotFound) {
  EXPECT_CALL(*mock_, Cancel(_, _))
      .WillOnce(Return(absl::NotFoundError("message not found")));
  const absl::Status status = client_.Cancel("C3F8-C3863ED4-334AD4F1").status();
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kMessageNotFound);
  EXPECT_EQ(status.message(), "message not found");
}

TEST_F(ClientTest, NotFoundOnListIsNotMessageNotFound) {
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application("ABCDE-12345");
  EXPECT_CALL(*mock_, ListMessages(_, _))
      .WillOnce(Return(absl::NotFoundError("application not found")));
  EXPECT_EQ(ErrorKindOf(client_.ListMessages(request).status()),
            ErrorKind::kNotFound);
}

TEST_F(ClientTest, NotifyUnavailableIsNotRetryable) {
  v2::NotifyRequest request;
  request.mutable_segment()->set_application("ABCDE-12345");
  request.mutable_segment()->mutable_schedule();
  EXPECT_CALL(*mock_, Notify(_, _))
      .WillOnce(Return(absl::UnavailableError("connection reset")));
  const Error error = Error::From(client_.Notify(request).status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_FALSE(error.retryable());
}

statistics::v2::ListMessagesResponse OneMessage(const std::string& code,
                                                const std::string& status) {
  statistics::v2::ListMessagesResponse response;
  response.set_total(1);
  auto* item = response.add_items();
  item->set_id(7);
  item->set_code(code);
  item->set_status(status);
  return response;
}

TEST_F(ClientTest, GetMessageStatusAsksForThatCodeAndParsesTheStatus) {
  EXPECT_CALL(
      *mock_,
      ListMessages(Truly([](const statistics::v2::ListMessagesRequest& r) {
                     return r.filters().application() == "ABCDE-12345" &&
                            r.filters().messages_codes_size() == 1 &&
                            r.filters().messages_codes(0) == "CODE-1";
                   }),
                   _))
      .WillOnce(Return(OneMessage("CODE-1", "WAITING")));
  auto info = client_.GetMessageStatus("ABCDE-12345", "CODE-1");
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->status, MessageStatus::kWaiting);
  EXPECT_EQ(info->raw_status, "WAITING");
  EXPECT_EQ(info->message.id(), 7);
}

TEST_F(ClientTest, GetMessageStatusKeepsAnUnknownStatus) {
  EXPECT_CALL(*mock_, ListMessages(_, _))
      .WillOnce(Return(OneMessage("CODE-1", "ARCHIVED")));
  auto info = client_.GetMessageStatus("ABCDE-12345", "CODE-1");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->status, MessageStatus::kUnknown);
  EXPECT_EQ(info->raw_status, "ARCHIVED");
}

TEST_F(ClientTest, GetMessageStatusOfAnUnlistedCodeIsMessageNotFound) {
  EXPECT_CALL(*mock_, ListMessages(_, _))
      .WillOnce(Return(OneMessage("OTHER-CODE", "pending")));
  const absl::Status status =
      client_.GetMessageStatus("ABCDE-12345", "CODE-1").status();
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kMessageNotFound);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("CODE-1"));
}

TEST(ClientCreateTest, RefusesBadOptionsWithoutCrashing) {
  EXPECT_EQ(ErrorKindOf(MessagingClient::Create({}).status()),
            ErrorKind::kInvalidRequest);
  ClientOptions options;
  options.target = "localhost:1";
  options.metadata = {{"Bad Key", "v"}};
  EXPECT_EQ(ErrorKindOf(MessagingClient::Create(options).status()),
            ErrorKind::kInvalidRequest);
  options.metadata.clear();
  options.api_token = "secret with space";
  const absl::Status status = MessagingClient::Create(options).status();
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kInvalidRequest);
  EXPECT_THAT(status.message(), ::testing::Not(HasSubstr("secret")));
  options.api_token = "ok";
  options.default_timeout = std::chrono::milliseconds(0);
  EXPECT_EQ(ErrorKindOf(MessagingClient::Create(options).status()),
            ErrorKind::kInvalidRequest);
}

}  // namespace
}  // namespace pushwoosh::messaging
