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
// Every call has an asynchronous twin (AsyncCancel, ...), in two forms:
//
//   client->AsyncCancel(code, [](absl::StatusOr<CancelResult> result) {...});
//   std::future<absl::StatusOr<CancelResult>> f = client->AsyncCancel(code);
//
// They return at once and hold no thread while the call, its retries and
// its backoff run (gRPC's callback API and timers). The callback runs
// exactly once, on one of gRPC's threads, or on the calling thread before
// the method returns when the request is invalid and nothing is sent. It
// must not block: it shares those threads with every other call.
// CancelMany (bulk_cancel.h) cancels many messages with a bounded number of
// calls in flight.
//
// Thread safety: a MessagingClient is cheap to copy (copies share one
// connection) and its methods may be called from any number of threads.
#ifndef PUSHWOOSH_MESSAGING_CLIENT_H_
#define PUSHWOOSH_MESSAGING_CLIENT_H_

#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/bulk_cancel.h"
#include "pushwoosh/messaging/call_results.h"
#include "pushwoosh/messaging/connection.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/list_messages_pager.h"
#include "pushwoosh/messaging/message_status.h"
#include "pushwoosh/messaging/options.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// Every method validates its input first: an invalid request fails with
// ErrorKind::kInvalidRequest and nothing is sent. Every failure is an
// absl::Status that Error::From() / ErrorKindOf() decode.
class MessagingClient {
 public:
  // Connects as `options` say (lazily: no I/O happens here).
  static absl::StatusOr<MessagingClient> Create(const ClientOptions& options);

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

  // Asynchronous twins of the calls above: same validation, deadlines,
  // retries, status check and errors.
  void AsyncNotify(const v2::NotifyRequest& request,
                   AsyncCallback<v2::NotifyResponse> done,
                   const CallOptions& options = {}) const;
  std::future<absl::StatusOr<v2::NotifyResponse>> AsyncNotify(
      const v2::NotifyRequest& request, const CallOptions& options = {}) const;

  void AsyncCancel(std::string_view message_code,
                   AsyncCallback<CancelResult> done,
                   const CallOptions& options = {}) const;
  std::future<absl::StatusOr<CancelResult>> AsyncCancel(
      std::string_view message_code, const CallOptions& options = {}) const;

  void AsyncListMessages(
      const statistics::v2::ListMessagesRequest& request,
      AsyncCallback<statistics::v2::ListMessagesResponse> done,
      const CallOptions& options = {}) const;
  std::future<absl::StatusOr<statistics::v2::ListMessagesResponse>>
  AsyncListMessages(const statistics::v2::ListMessagesRequest& request,
                    const CallOptions& options = {}) const;

  void AsyncGetMessageStatus(std::string_view application,
                             std::string_view message_code,
                             AsyncCallback<MessageStatusInfo> done,
                             const CallOptions& options = {}) const;
  std::future<absl::StatusOr<MessageStatusInfo>> AsyncGetMessageStatus(
      std::string_view application, std::string_view message_code,
      const CallOptions& options = {}) const;

  // Cancels every code in `codes`, at most options.max_in_flight at a time,
  // and blocks until all are done or the run is stopped. No thread is
  // created per code: completions start the next Cancel. Each code's
  // outcome is in the result; only bad options fail the whole run (with
  // kInvalidRequest, before anything is sent). `codes` may repeat a code:
  // each occurrence is a Cancel of its own.
  absl::StatusOr<CancelManyResult> CancelMany(
      std::span<const std::string> codes,
      const CancelManyOptions& options = {}) const;

 private:
  // The application for the client's own look-ups on behalf of a call.
  const std::string& ApplicationFor(const CallOptions& options) const;

  std::shared_ptr<MessagingConnection> connection_;
  std::string application_;
  std::chrono::milliseconds default_timeout_;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_CLIENT_H_
