#include "pushwoosh/messaging/testing/fake_services.h"

#include <optional>
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

grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context,
                                const grpc::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(status);
  return reactor;
}

}  // namespace

FakeMessagingService::FakeMessagingService(std::shared_ptr<FakeBackend> backend)
    : backend_(std::move(backend)) {}

grpc::ServerUnaryReactor* FakeMessagingService::Notify(
    grpc::CallbackServerContext* context, const v2::NotifyRequest* request,
    v2::NotifyResponse* response) {
  return Reply(context,
               backend_->Notify(Authorization(*context), *request, response));
}

grpc::ServerUnaryReactor* FakeMessagingService::Cancel(
    grpc::CallbackServerContext* context, const v2::CancelRequest* request,
    v2::CancelResponse* response) {
  return Reply(context,
               backend_->Cancel(Authorization(*context), *request, response));
}

FakeStatisticsService::FakeStatisticsService(
    std::shared_ptr<FakeBackend> backend)
    : backend_(std::move(backend)) {}

grpc::ServerUnaryReactor* FakeStatisticsService::ListMessages(
    grpc::CallbackServerContext* context,
    const statistics::v2::ListMessagesRequest* request,
    statistics::v2::ListMessagesResponse* response) {
  return Reply(context, backend_->ListMessages(Authorization(*context),
                                               *request, response));
}

}  // namespace pushwoosh::messaging::testing
