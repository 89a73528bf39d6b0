#include "pushwoosh/messaging/testing/fake_services.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pushwoosh::messaging::testing {
namespace {

std::optional<std::string_view> Authorization(
    const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return std::nullopt;
  return std::string_view(it->second.data(), it->second.size());
}

// Runs `handle` (the backend's answer), reports the call when observed, and
// finishes the RPC with the answer.
template <typename Handle>
grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context,
                                std::string_view method,
                                const FakeBackend& backend,
                                const CallObserver& on_call, Handle handle) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<std::string_view> authorization = Authorization(*context);
  const grpc::Status status = handle(authorization);
  if (on_call) {
    const std::string account = backend.AccountOf(authorization);
    on_call({method, account, status.error_code(),
             std::chrono::steady_clock::now() - start});
  }
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

}  // namespace

FakeMessagingService::FakeMessagingService(std::shared_ptr<FakeBackend> backend,
                                           CallObserver on_call)
    : backend_(std::move(backend)), on_call_(std::move(on_call)) {}

grpc::ServerUnaryReactor* FakeMessagingService::Notify(
    grpc::CallbackServerContext* context, const v2::NotifyRequest* request,
    v2::NotifyResponse* response) {
  return Serve(context, "Notify", *backend_, on_call_, [&](auto authorization) {
    return backend_->Notify(authorization, *request, response);
  });
}

grpc::ServerUnaryReactor* FakeMessagingService::Cancel(
    grpc::CallbackServerContext* context, const v2::CancelRequest* request,
    v2::CancelResponse* response) {
  return Serve(context, "Cancel", *backend_, on_call_, [&](auto authorization) {
    return backend_->Cancel(authorization, *request, response);
  });
}

FakeStatisticsService::FakeStatisticsService(
    std::shared_ptr<FakeBackend> backend, CallObserver on_call)
    : backend_(std::move(backend)), on_call_(std::move(on_call)) {}

grpc::ServerUnaryReactor* FakeStatisticsService::ListMessages(
    grpc::CallbackServerContext* context,
    const statistics::v2::ListMessagesRequest* request,
    statistics::v2::ListMessagesResponse* response) {
  return Serve(
      context, "ListMessages", *backend_, on_call_, [&](auto authorization) {
        return backend_->ListMessages(authorization, *request, response);
      });
}

}  // namespace pushwoosh::messaging::testing
