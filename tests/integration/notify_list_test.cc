// Notify → ListMessages / GetMessageStatus round trips through the fake,
// including paging, in-process and over TCP loopback.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "fake_server_fixture.h"

namespace pushwoosh::messaging {
namespace {

using NotifyListTest = FakeServerTest;

MessageStatus StatusVia(MessagingClient& client, const std::string& code) {
  auto info = client.GetMessageStatus(kApplication, code);
  EXPECT_TRUE(info.ok()) << info.status();
  return info.ok() ? info->status : MessageStatus::kUnknown;
}

TEST_P(NotifyListTest, ScheduledMessageWalksItsLifecycle) {
  const std::string code = Notify(*acme_, std::chrono::seconds(60));
  EXPECT_EQ(StatusVia(*acme_, code), MessageStatus::kWaiting);
  clock_->Advance(std::chrono::seconds(60));
  EXPECT_EQ(StatusVia(*acme_, code), MessageStatus::kPending);
  clock_->Advance(kPending);
  EXPECT_EQ(StatusVia(*acme_, code), MessageStatus::kProcessing);
  clock_->Advance(kProcessing);
  EXPECT_EQ(StatusVia(*acme_, code), MessageStatus::kDone);
}

TEST_P(NotifyListTest, CancelThenStatusSaysCanceled) {
  const std::string code = Notify(*acme_, std::chrono::seconds(60));
  ASSERT_TRUE(acme_->Cancel(code).status().ok());
  auto info = acme_->GetMessageStatus(kApplication, code);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->status, MessageStatus::kCanceled);
  EXPECT_EQ(info->message.code(), code);
  EXPECT_GT(info->message.id(), 0);
  EXPECT_FALSE(info->message.created_date().empty());
  EXPECT_EQ(info->message.platforms_size(), 1);
}

TEST_P(NotifyListTest, TransactionalMessageIsPending) {
  v2::NotifyRequest request;
  auto* transactional = request.mutable_transactional();
  transactional->set_application(kApplication);
  transactional->mutable_users()->add_list("user-1");
  transactional->mutable_payload()->set_silent(true);
  auto response = acme_->Notify(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(StatusVia(*acme_, response->result().message_code()),
            MessageStatus::kPending);
}

TEST_P(NotifyListTest, AnotherAccountsMessageIsNotListed) {
  const std::string code = Notify(*acme_);
  EXPECT_EQ(ErrorKindOf(globex_->GetMessageStatus(kApplication, code).status()),
            ErrorKind::kMessageNotFound);
}

TEST_P(NotifyListTest, PagerWalksEveryMessageOnce) {
  std::vector<std::string> created;
  for (int i = 0; i < 25; ++i) created.push_back(Notify(*acme_));
  Notify(*globex_);

  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application(kApplication);
  request.set_per_page(10);
  ListMessagesPager pager = acme_->ListMessagesPages(request);
  std::vector<std::string> listed;
  int pages = 0;
  for (;;) {
    auto page = pager.NextPage();
    ASSERT_TRUE(page.ok()) << page.status();
    if (!page->has_value()) break;
    ++pages;
    EXPECT_EQ((*page)->total(), 25);
    for (const auto& item : (*page)->items()) listed.push_back(item.code());
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(listed, created);
}

TEST_P(NotifyListTest, ListRefusesTooLargeAPageBeforeSending) {
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application(kApplication);
  request.set_per_page(1001);
  const Error error = Error::From(acme_->ListMessages(request).status());
  EXPECT_EQ(error.kind(), ErrorKind::kInvalidRequest);
  EXPECT_EQ(error.field_violations().at(0).field, "per_page");
}

TEST_P(NotifyListTest, NotifyWithoutTokenIsUnauthenticated) {
  v2::NotifyRequest request;
  request.mutable_segment()->set_application(kApplication);
  request.mutable_segment()->mutable_schedule();
  EXPECT_EQ(ErrorKindOf(anonymous_->Notify(request).status()),
            ErrorKind::kUnauthenticated);
  EXPECT_EQ(server_->message_count(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Transports, NotifyListTest,
                         ::testing::Values(Transport::kInProcess,
                                           Transport::kTcpLoopback),
                         TransportName);

}  // namespace
}  // namespace pushwoosh::messaging
