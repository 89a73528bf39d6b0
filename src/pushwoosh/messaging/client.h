// MessagingClient: create, cancel and look up Pushwoosh messages over gRPC.
//
//   pushwoosh::messaging::ClientOptions options;
//   options.target = "api.pushwoosh.com:443";
//   options.api_token = token;
//   auto client = pushwoosh::messaging::MessagingClient::Create(options);
//   if (!client.ok()) return client.status();
//   auto canceled = client->Cancel("C3F8-C3863ED4-334AD4F1");
//   if (ErrorKindOf(canceled.status()) == ErrorKind::kNotCancelable) { ... }
//
// Thread safety: a MessagingClient is cheap to copy (copies share one
// connection) and its methods may be called from any number of threads.
#ifndef PUSHWOOSH_MESSAGING_CLIENT_H_
#define PUSHWOOSH_MESSAGING_CLIENT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/connection.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/list_messages_pager.h"
#include "pushwoosh/messaging/message_status.h"
#include "pushwoosh/messaging/options.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// What GetMessageStatus found.
struct MessageStatusInfo {
  MessageStatus status = MessageStatus::kUnknown;
  // The status string as the backend sent it (kept when status is kUnknown).
  std::string raw_status;
  statistics::v2::Message message;
};

struct CancelResult {
  // An earlier attempt may have canceled the message although its reply
  // was an error, a later attempt heard "not cancelable", and the status,
  // read afterwards, was canceled: the Cancel did succeed.
  bool confirmed_by_status_check = false;
};

// Every method validates its input first: an invalid request fails with
// ErrorKind::kInvalidRequest and nothing is sent. Every failure is an
// absl::Status that Error::From() / ErrorKindOf() decode.
class MessagingClient {
 public:
  // Connects as `options` say (lazily: no I/O happens here).
  static absl::StatusOr<MessagingClient> Create(ClientOptions options);

  // Uses `connection` as is: how tests inject a mock or a decorator.
  // `application` and `default_timeout` serve the client's own look-ups.
  explicit MessagingClient(
      std::shared_ptr<MessagingConnection> connection,
      std::string application = "",
      std::chrono::milliseconds default_timeout = kDefaultTimeout);

  // Creates a message. Not idempotent: after a failure whose kind is
  // kUnavailable, kDeadlineExceeded or kInternal the message may exist.
  absl::StatusOr<v2::NotifyResponse> Notify(
      const v2::NotifyRequest& request, const CallOptions& options = {}) const;

  // Cancels a pending, waiting or processing message. Fails with
  // kMessageNotFound, kNotCancelable or kPermissionDenied as the backend
  // documents. Retried on transient failures; when an attempt that may have
  // landed is followed by "not cancelable", the message's status decides
  // (this needs an application: ClientOptions or CallOptions::application).
  absl::StatusOr<CancelResult> Cancel(std::string_view message_code,
                                      const CallOptions& options = {}) const;

  // One page of messages:list.
  absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options = {}) const;

  // Every page of messages:list, fetched one at a time as the caller asks.
  // The request is validated on the first NextPage().
  ListMessagesPager ListMessagesPages(
      statistics::v2::ListMessagesRequest request,
      CallOptions options = {}) const;

  // The status of one message, through messages:list. Fails with
  // kMessageNotFound when the backend lists no message with that code.
  absl::StatusOr<MessageStatusInfo> GetMessageStatus(
      std::string_view application, std::string_view message_code,
      const CallOptions& options = {}) const;

 private:
  std::shared_ptr<MessagingConnection> connection_;
  std::string application_;
  std::chrono::milliseconds default_timeout_;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_CLIENT_H_
