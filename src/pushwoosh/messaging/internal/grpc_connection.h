// The MessagingConnection that speaks gRPC: deadlines, per-call metadata,
// and gRPC statuses turned into absl::Status with their details kept.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_

#include <chrono>
#include <memory>

#include "pushwoosh/messaging/connection.h"
#include "pushwoosh/messaging/internal/stub.h"
#include "pushwoosh/messaging/internal/token_source.h"

namespace pushwoosh::messaging::internal {

inline constexpr std::string_view kRequestIdHeader = "x-request-id";

// Must outlive its asynchronous calls (RetryConnection sees to that).
class GrpcConnection final : public MessagingConnection {
 public:
  // `tokens`, when set, are redacted from error messages, in case a server
  // or proxy echoes the authorization header.
  GrpcConnection(std::shared_ptr<MessagingStub> stub,
                 std::chrono::milliseconds default_timeout,
                 bool wait_for_ready = false,
                 std::shared_ptr<const TokenSource> tokens = nullptr);

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

  absl::Status Failure(const grpc::Status& status) const;

  std::shared_ptr<MessagingStub> stub_;
  std::shared_ptr<const TokenSource> tokens_;
  std::chrono::milliseconds default_timeout_;
  bool wait_for_ready_;
};

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_GRPC_CONNECTION_H_
