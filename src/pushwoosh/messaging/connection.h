// MessagingConnection: the seam between MessagingClient and the transport.
// Users implement or mock it (see testing/mock_messaging_connection.h) to
// test their code without a server; decorators wrap it.
#ifndef PUSHWOOSH_MESSAGING_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_CONNECTION_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// One call per RPC, exactly as sent: no validation, no classification.
// MessagingClient validates requests before and classifies errors after.
// Implementations must be safe to call from many threads at once.
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
};

// The gRPC connection described by `options`: validates the options
// (target or channel, token, metadata keys) and opens the channel lazily.
absl::StatusOr<std::shared_ptr<MessagingConnection>> MakeMessagingConnection(
    ClientOptions options);

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_CONNECTION_H_
