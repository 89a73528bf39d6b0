#include "pushwoosh/messaging/internal/grpc_lifetime.h"

#include <grpc/grpc.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <chrono>
#include <future>
#include <memory>

#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"

namespace pushwoosh::messaging::internal {
namespace {

// Never destroyed: it is what keeps the queue up.
struct Pin {
  Pin()
      : channel(grpc::CreateChannel("unix:/nonexistent/pushwoosh-pin",
                                    grpc::InsecureChannelCredentials())),
        stub(v2::MessagingService::NewStub(channel)) {
    context.set_deadline(std::chrono::system_clock::now());
    std::promise<void> ended;
    // The channel takes its reference on the queue with its first
    // callback call.
    stub->async()->Cancel(&context, &request, &response,
                          [&ended](const grpc::Status&) { ended.set_value(); });
    ended.get_future().wait();
  }

  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v2::MessagingService::Stub> stub;
  grpc::ClientContext context;
  v2::CancelRequest request;
  v2::CancelResponse response;
};

}  // namespace

void PinGrpcCallbackQueue() {
  static const Pin* const pin = [] {
    grpc_init();  // Never balanced, on purpose.
    return new Pin;
  }();
  static_cast<void>(pin);
}

}  // namespace pushwoosh::messaging::internal
