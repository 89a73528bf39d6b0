// Your own unit test with the public gMock mock: no server at all. The
// client classifies what the mock returns as it would a server's reply.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/mock_messaging_connection.h"

namespace pm = ::pushwoosh::messaging;
using ::testing::_;
using ::testing::Return;

TEST(MockCancelTest, CancelOfAnUnknownCodeIsMessageNotFound) {
  auto mock = std::make_shared<pm::testing::MockMessagingConnection>();
  EXPECT_CALL(*mock, Cancel(_, _))
      .WillOnce(Return(absl::NotFoundError("message not found")));
  pm::MessagingClient client(mock);

  const absl::Status status = client.Cancel("C3F8-C3863ED4-334AD4F1").status();
  EXPECT_EQ(pm::ErrorKindOf(status), pm::ErrorKind::kMessageNotFound);
  EXPECT_EQ(pm::Error::From(status).message(), "message not found");
}
