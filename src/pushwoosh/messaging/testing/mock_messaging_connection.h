// A gMock MessagingConnection, for unit tests of code that uses
// MessagingClient without any server:
//
//   auto mock = std::make_shared<MockMessagingConnection>();
//   EXPECT_CALL(*mock, Cancel).WillOnce(Return(absl::NotFoundError("...")));
//   MessagingClient client(mock);
//
// The client classifies what the mock returns as it would a server's reply
// (absl::NotFoundError from Cancel is ErrorKind::kMessageNotFound).
#ifndef PUSHWOOSH_MESSAGING_TESTING_MOCK_MESSAGING_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_TESTING_MOCK_MESSAGING_CONNECTION_H_

#include <gmock/gmock.h>

#include "pushwoosh/messaging/connection.h"

namespace pushwoosh::messaging::testing {

class MockMessagingConnection : public MessagingConnection {
 public:
  MOCK_METHOD(absl::StatusOr<v2::NotifyResponse>, Notify,
              (const v2::NotifyRequest&, const CallOptions&), (override));
  MOCK_METHOD(absl::StatusOr<v2::CancelResponse>, Cancel,
              (const v2::CancelRequest&, const CallOptions&), (override));
  MOCK_METHOD(absl::StatusOr<statistics::v2::ListMessagesResponse>,
              ListMessages,
              (const statistics::v2::ListMessagesRequest&, const CallOptions&),
              (override));

  // Asynchronous calls: complete them by calling the last argument, e.g.
  //   EXPECT_CALL(*mock, AsyncCancel).WillOnce(
  //       [](auto&&, auto&&, auto done) { done(absl::NotFoundError("")); });
  MOCK_METHOD(void, AsyncNotify,
              (const v2::NotifyRequest&, const CallOptions&,
               AsyncCallback<v2::NotifyResponse>),
              (override));
  MOCK_METHOD(void, AsyncCancel,
              (const v2::CancelRequest&, const CallOptions&,
               AsyncCallback<v2::CancelResponse>),
              (override));
  MOCK_METHOD(void, AsyncListMessages,
              (const statistics::v2::ListMessagesRequest&, const CallOptions&,
               AsyncCallback<statistics::v2::ListMessagesResponse>),
              (override));
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_MOCK_MESSAGING_CONNECTION_H_
