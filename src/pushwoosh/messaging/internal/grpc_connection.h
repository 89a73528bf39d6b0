// The MessagingConnection that speaks gRPC: deadlines, per-call metadata,
// and gRPC statuses turned into absl::Status with their details kept.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_

#include <chrono>
#include <memory>

#include "pushwoosh/messaging/connection.h"
#include "pushwoosh/messaging/internal/stub.h"

namespace pushwoosh::messaging::internal {

inline constexpr std::string_view kRequestIdHeader = "x-request-id";

class GrpcConnection final : public MessagingConnection {
 public:
  GrpcConnection(std::shared_ptr<MessagingStub> stub,
                 std::chrono::milliseconds default_timeout,
                 bool wait_for_ready = false);

  absl::StatusOr<v2::NotifyResponse> Notify(
      const v2::NotifyRequest& request, const CallOptions& options) override;
  absl::StatusOr<v2::CancelResponse> Cancel(
      const v2::CancelRequest& request, const CallOptions& options) override;
  absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options) override;

  void AsyncNotify(const v2::NotifyRequest& request, const CallOptions& options,
                   AsyncCallback<v2::NotifyResponse> done) override;
  void AsyncCancel(const v2::CancelRequest& request, const CallOptions& options,
                   AsyncCallback<v2::CancelResponse> done) override;
  void AsyncListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options,
      AsyncCallback<statistics::v2::ListMessagesResponse> done) override;

 private:
  // Deadline, wait-for-ready and the call's metadata.
  absl::Status Prepare(grpc::ClientContext& context,
                       const CallOptions& options) const;

  template <typename Response, typename Request, typename Method>
  absl::StatusOr<Response> Call(Method method, const Request& request,
                                const CallOptions& options);
  template <typename Response, typename Request, typename Method>
  void AsyncCall(Method method, const Request& request,
                 const CallOptions& options, AsyncCallback<Response> done);

  std::shared_ptr<MessagingStub> stub_;
  std::chrono::milliseconds default_timeout_;
  bool wait_for_ready_;
};

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_
