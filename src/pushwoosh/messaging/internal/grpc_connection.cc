#include "pushwoosh/messaging/internal/grpc_connection.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/match.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/deadline.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/metadata.h"
#include "pushwoosh/messaging/internal/redacted_status.h"

namespace pushwoosh::messaging::internal {

GrpcConnection::GrpcConnection(std::shared_ptr<MessagingStub> stub,
                               std::chrono::milliseconds default_timeout,
                               bool wait_for_ready,
                               std::shared_ptr<const TokenSource> tokens)
    : stub_(std::move(stub)),
      tokens_(std::move(tokens)),
      default_timeout_(default_timeout),
      wait_for_ready_(wait_for_ready) {}

namespace {

// What one asynchronous call keeps alive until gRPC is done with it.
template <typename Request, typename Response>
struct PendingCall {
  PendingCall(const Request& sent, AsyncCallback<Response> on_done)
      : request(sent), done(std::move(on_done)) {}

  grpc::ClientContext context;
  Request request;
  Response response;
  AsyncCallback<Response> done;
};

}  // namespace

absl::Status GrpcConnection::Failure(const grpc::Status& status) const {
  if (tokens_ == nullptr) return FromGrpcStatus(status);
  return RedactedStatus(*tokens_, FromGrpcStatus(status));
}

absl::Status GrpcConnection::Prepare(grpc::ClientContext& context,
                                     const CallOptions& options) const {
  context.set_deadline(ComputeDeadline(std::chrono::system_clock::now(),
                                       default_timeout_, options));
  context.set_wait_for_ready(options.wait_for_ready.value_or(wait_for_ready_));
  // Unless the caller's metadata already carries it.
  if (!options.request_id.empty() &&
      std::none_of(options.metadata.begin(), options.metadata.end(),
                   [](const auto& entry) {
                     return absl::EqualsIgnoreCase(entry.first,
                                                   AsAbsl(kRequestIdHeader));
                   })) {
    context.AddMetadata(std::string(kRequestIdHeader), options.request_id);
  }
  if (options.metadata.empty()) return absl::OkStatus();
  auto metadata = NormalizeMetadata(options.metadata);
  if (!metadata.ok()) return metadata.status();
  for (const auto& [key, value] : *metadata) context.AddMetadata(key, value);
  return absl::OkStatus();
}

template <typename Response, typename Request, typename Method>
absl::StatusOr<Response> GrpcConnection::Call(Method method,
                                              const Request& request,
                                              const CallOptions& options) {
  grpc::ClientContext context;
  if (auto s = Prepare(context, options); !s.ok()) return s;
  Response response;
  grpc::Status status = ((*stub_).*method)(context, request, &response);
  if (!status.ok()) return Failure(status);
  return response;
}

template <typename Response, typename Request, typename Method>
void GrpcConnection::AsyncCall(Method method, const Request& request,
                               const CallOptions& options,
                               AsyncCallback<Response> done) {
  auto call = std::make_unique<PendingCall<Request, Response>>(request,
                                                               std::move(done));
  if (auto s = Prepare(call->context, options); !s.ok()) {
    call->done(std::move(s));
    return;
  }
  auto* raw = call.release();
  ((*stub_).*method)(
      raw->context, raw->request, &raw->response,
      [this, raw](const grpc::Status& status) {
        std::unique_ptr<PendingCall<Request, Response>> owned(raw);
        if (status.ok()) {
          owned->done(std::move(owned->response));
        } else {
          owned->done(Failure(status));
        }
      });
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

void GrpcConnection::AsyncNotify(const v2::NotifyRequest& request,
                                 const CallOptions& options,
                                 AsyncCallback<v2::NotifyResponse> done) {
  AsyncCall<v2::NotifyResponse>(&MessagingStub::AsyncNotify, request, options,
                                std::move(done));
}

void GrpcConnection::AsyncCancel(const v2::CancelRequest& request,
                                 const CallOptions& options,
                                 AsyncCallback<v2::CancelResponse> done) {
  AsyncCall<v2::CancelResponse>(&MessagingStub::AsyncCancel, request, options,
                                std::move(done));
}

void GrpcConnection::AsyncListMessages(
    const statistics::v2::ListMessagesRequest& request,
    const CallOptions& options,
    AsyncCallback<statistics::v2::ListMessagesResponse> done) {
  AsyncCall<statistics::v2::ListMessagesResponse>(
      &MessagingStub::AsyncListMessages, request, options, std::move(done));
}

}  // namespace pushwoosh::messaging::internal
