// MessagingConnection: the seam between MessagingClient and the transport.
// Users implement or mock it (see testing/mock_messaging_connection.h) to
// test their code without a server; decorators wrap it.
#ifndef PUSHWOOSH_MESSAGING_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_CONNECTION_H_

#include <memory>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// Receives the outcome of an asynchronous call, exactly once.
template <typename T>
using AsyncCallback = absl::AnyInvocable<void(absl::StatusOr<T>)>;

// One call per RPC, exactly as sent: no validation, no classification.
// MessagingClient validates requests before and classifies errors after.
// Implementations must be safe to call from many threads at once.
//
// The Async methods return at once and run `done` later, on a gRPC thread
// (or on the calling thread when they fail before sending anything). They
// copy what they keep of `request` and `options`. The defaults fail with
// kUnimplemented, so that connections written before they existed still
// compile.
class MessagingConnection {
 public:
  virtual ~MessagingConnection() = default;

  virtual absl::StatusOr<v2::NotifyResponse> Notify(
      const v2::NotifyRequest& request, const CallOptions& options) = 0;
  virtual absl::StatusOr<v2::CancelResponse> Cancel(
      const v2::CancelRequest& request, const CallOptions& options) = 0;
  virtual absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options) = 0;

  virtual void AsyncNotify(const v2::NotifyRequest& request,
                           const CallOptions& options,
                           AsyncCallback<v2::NotifyResponse> done);
  virtual void AsyncCancel(const v2::CancelRequest& request,
                           const CallOptions& options,
                           AsyncCallback<v2::CancelResponse> done);
  virtual void AsyncListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options,
      AsyncCallback<statistics::v2::ListMessagesResponse> done);
};

// The gRPC connection described by `options`: validates the options
// (target or channel, token, metadata keys) and opens the channel lazily.
absl::StatusOr<std::shared_ptr<MessagingConnection>> MakeMessagingConnection(
    const ClientOptions& options);

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_CONNECTION_H_
