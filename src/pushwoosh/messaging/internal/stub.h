// MessagingStub: the transport seam below the connection, one method per
// RPC in the generated stubs' own terms. Decorators (auth metadata, and
// later logging and metrics) wrap it, each only when enabled.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_STUB_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_STUB_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <functional>
#include <memory>

#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging::internal {

class MessagingStub {
 public:
  virtual ~MessagingStub() = default;

  virtual grpc::Status Notify(grpc::ClientContext& context,
                              const v2::NotifyRequest& request,
                              v2::NotifyResponse* response) = 0;
  virtual grpc::Status Cancel(grpc::ClientContext& context,
                              const v2::CancelRequest& request,
                              v2::CancelResponse* response) = 0;
  virtual grpc::Status ListMessages(
      grpc::ClientContext& context,
      const statistics::v2::ListMessagesRequest& request,
      statistics::v2::ListMessagesResponse* response) = 0;

  // gRPC's callback API: `done` runs on a gRPC thread once the call ends.
  // `context`, `request` and `response` must live until then.
  using Done = std::function<void(grpc::Status)>;
  virtual void AsyncNotify(grpc::ClientContext& context,
                           const v2::NotifyRequest& request,
                           v2::NotifyResponse* response, Done done) = 0;
  virtual void AsyncCancel(grpc::ClientContext& context,
                           const v2::CancelRequest& request,
                           v2::CancelResponse* response, Done done) = 0;
  virtual void AsyncListMessages(
      grpc::ClientContext& context,
      const statistics::v2::ListMessagesRequest& request,
      statistics::v2::ListMessagesResponse* response, Done done) = 0;
};

// The generated stubs of both services over one channel.
std::shared_ptr<MessagingStub> MakeGrpcStub(
    const std::shared_ptr<grpc::Channel>& channel);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_STUB_H_
