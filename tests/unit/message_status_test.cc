#include "pushwoosh/messaging/message_status.h"

#include <gtest/gtest.h>

namespace pushwoosh::messaging {
namespace {

TEST(MessageStatusTest, ParsesEveryDocumentedSpellingInAnyCase) {
  EXPECT_EQ(ParseMessageStatus("pending"), MessageStatus::kPending);
  EXPECT_EQ(ParseMessageStatus("PENDING"), MessageStatus::kPending);
  EXPECT_EQ(ParseMessageStatus("Waiting"), MessageStatus::kWaiting);
  EXPECT_EQ(ParseMessageStatus("processing"), MessageStatus::kProcessing);
  EXPECT_EQ(ParseMessageStatus("CREATING"), MessageStatus::kCreating);
  EXPECT_EQ(ParseMessageStatus("DONE"), MessageStatus::kDone);
  EXPECT_EQ(ParseMessageStatus("FAIL"), MessageStatus::kFailed);
  EXPECT_EQ(ParseMessageStatus("failed"), MessageStatus::kFailed);
  EXPECT_EQ(ParseMessageStatus("CANCELED"), MessageStatus::kCanceled);
  EXPECT_EQ(ParseMessageStatus("cancelled"), MessageStatus::kCanceled);
}

TEST(MessageStatusTest, AnythingElseIsUnknownNotAnError) {
  EXPECT_EQ(ParseMessageStatus(""), MessageStatus::kUnknown);
  EXPECT_EQ(ParseMessageStatus("ARCHIVED"), MessageStatus::kUnknown);
  EXPECT_EQ(ParseMessageStatus(" pending"), MessageStatus::kUnknown);
  EXPECT_EQ(ParseMessageStatus(std::string_view("pend\0ing", 8)),
            MessageStatus::kUnknown);
}

TEST(MessageStatusTest, OnlyPendingWaitingAndProcessingAreCancelable) {
  EXPECT_TRUE(IsCancelable(MessageStatus::kPending));
  EXPECT_TRUE(IsCancelable(MessageStatus::kWaiting));
  EXPECT_TRUE(IsCancelable(MessageStatus::kProcessing));
  EXPECT_FALSE(IsCancelable(MessageStatus::kCreating));
  EXPECT_FALSE(IsCancelable(MessageStatus::kDone));
  EXPECT_FALSE(IsCancelable(MessageStatus::kFailed));
  EXPECT_FALSE(IsCancelable(MessageStatus::kCanceled));
  EXPECT_FALSE(IsCancelable(MessageStatus::kUnknown));
}

TEST(MessageStatusTest, NamesRoundTrip) {
  for (MessageStatus status :
       {MessageStatus::kCreating, MessageStatus::kPending,
        MessageStatus::kWaiting, MessageStatus::kProcessing,
        MessageStatus::kDone, MessageStatus::kFailed,
        MessageStatus::kCanceled}) {
    EXPECT_EQ(ParseMessageStatus(MessageStatusName(status)), status);
  }
  EXPECT_EQ(MessageStatusName(MessageStatus::kCanceled), "canceled");
}

}  // namespace
}  // namespace pushwoosh::messaging
