#include "pushwoosh/messaging/internal/grpc_connection.h"

#include <utility>

#include "pushwoosh/messaging/internal/deadline.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/metadata.h"

namespace pushwoosh::messaging::internal {

GrpcConnection::GrpcConnection(std::shared_ptr<MessagingStub> stub,
                               std::chrono::milliseconds default_timeout,
                               bool wait_for_ready)
    : stub_(std::move(stub)),
      default_timeout_(default_timeout),
      wait_for_ready_(wait_for_ready) {}

template <typename Response, typename Request, typename Method>
absl::StatusOr<Response> GrpcConnection::Call(Method method,
                                              const Request& request,
                                              const CallOptions& options) {
  auto metadata = NormalizeMetadata(options.metadata);
  if (!metadata.ok()) return metadata.status();

  grpc::ClientContext context;
  context.set_deadline(ComputeDeadline(std::chrono::system_clock::now(),
                                       default_timeout_, options));
  context.set_wait_for_ready(options.wait_for_ready.value_or(wait_for_ready_));
  for (const auto& [key, value] : *metadata) context.AddMetadata(key, value);

  Response response;
  grpc::Status status = ((*stub_).*method)(context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

absl::StatusOr<v2::NotifyResponse> GrpcConnection::Notify(
    const v2::NotifyRequest& request, const CallOptions& options) {
  return Call<v2::NotifyResponse>(&MessagingStub::Notify, request, options);
}

absl::StatusOr<v2::CancelResponse> GrpcConnection::Cancel(
    const v2::CancelRequest& request, const CallOptions& options) {
  return Call<v2::CancelResponse>(&MessagingStub::Cancel, request, options);
}

absl::StatusOr<statistics::v2::ListMessagesResponse>
GrpcConnection::ListMessages(const statistics::v2::ListMessagesRequest& request,
                             const CallOptions& options) {
  return Call<statistics::v2::ListMessagesResponse>(
      &MessagingStub::ListMessages, request, options);
}

}  // namespace pushwoosh::messaging::internal
