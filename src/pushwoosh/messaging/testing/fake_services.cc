#include "pushwoosh/messaging/testing/fake_services.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pushwoosh::messaging::testing {
namespace {

std::optional<std::string_view> Header(
    const grpc::CallbackServerContext& context, const char* name) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(name);
  if (it == metadata.end()) return std::nullopt;
  return std::string_view(it->second.data(), it->second.size());
}

FakeCallHeaders Headers(const grpc::CallbackServerContext& context,
                        std::optional<std::string_view> authorization) {
  FakeCallHeaders headers;
  headers.authorization = authorization;
  headers.request_id = Header(context, "x-request-id").value_or("");
  return headers;
}

// Runs `handle` (the backend's answer) unless an injected fault answers
// instead, reports the call when observed, and finishes the RPC, later when
// a fault adds latency.
template <typename Handle>
grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context,
                                std::string_view method,
                                const FakeBackend& backend,
                                const ServiceHooks& hooks, Handle handle) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<std::string_view> authorization =
      Header(*context, "authorization");
  std::optional<FakeFault> fault;
  if (hooks.faults != nullptr) fault = hooks.faults->Next(method);

  grpc::Status status;
  if (fault.has_value() && !fault->latency_only && !fault->apply_then_fail) {
    status = FaultStatus(*fault);
  } else {
    status = handle(authorization);
    if (fault.has_value() && fault->apply_then_fail) {
      status = FaultStatus(*fault);
    }
  }
  if (hooks.on_call) {
    const std::string account = backend.AccountOf(authorization);
    const std::string peer = context->peer();
    const grpc::string_ref authority = context->ExperimentalGetAuthority();
    hooks.on_call({method, account, status.error_code(),
                   std::chrono::steady_clock::now() - start,
                   Header(*context, "x-request-id").value_or(""), peer,
                   std::string_view(authority.data(), authority.size()),
                   &context->client_metadata()});
  }
  if (fault.has_value() && fault->drop_connection && hooks.drop_connections) {
    // The reply will go nowhere: the client sees its connection reset.
    hooks.drop_connections();
  }
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (fault.has_value() && fault->latency.count() > 0 &&
      hooks.delays != nullptr) {
    hooks.delays->Schedule(fault->latency, reactor, status);
  } else {
    reactor->Finish(status);
  }
  return reactor;
}

}  // namespace

FakeMessagingService::FakeMessagingService(std::shared_ptr<FakeBackend> backend,
                                           ServiceHooks hooks)
    : backend_(std::move(backend)), hooks_(std::move(hooks)) {}

grpc::ServerUnaryReactor* FakeMessagingService::Notify(
    grpc::CallbackServerContext* context, const v2::NotifyRequest* request,
    v2::NotifyResponse* response) {
  return Serve(context, "Notify", *backend_, hooks_, [&](auto authorization) {
    FakeCallHeaders headers = Headers(*context, authorization);
    headers.idempotency_key = Header(*context, "idempotency-key");
    return backend_->Notify(headers, *request, response);
  });
}

grpc::ServerUnaryReactor* FakeMessagingService::Cancel(
    grpc::CallbackServerContext* context, const v2::CancelRequest* request,
    v2::CancelResponse* response) {
  return Serve(context, "Cancel", *backend_, hooks_, [&](auto authorization) {
    return backend_->Cancel(Headers(*context, authorization), *request,
                            response);
  });
}

FakeStatisticsService::FakeStatisticsService(
    std::shared_ptr<FakeBackend> backend, ServiceHooks hooks)
    : backend_(std::move(backend)), hooks_(std::move(hooks)) {}

grpc::ServerUnaryReactor* FakeStatisticsService::ListMessages(
    grpc::CallbackServerContext* context,
    const statistics::v2::ListMessagesRequest* request,
    statistics::v2::ListMessagesResponse* response) {
  return Serve(context, "ListMessages", *backend_, hooks_,
               [&](auto authorization) {
                 return backend_->ListMessages(Headers(*context, authorization),
                                               *request, response);
               });
}

}  // namespace pushwoosh::messaging::testing
