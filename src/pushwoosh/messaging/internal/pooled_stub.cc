#include "pushwoosh/messaging/internal/pooled_stub.h"

#include <utility>

namespace pushwoosh::messaging::internal {

PooledStub::PooledStub(std::vector<std::shared_ptr<MessagingStub>> members)
    : members_(std::move(members)) {}

MessagingStub& PooledStub::Next() {
  // Relaxed: the spread only needs to be even, not ordered.
  return *members_[next_.fetch_add(1, std::memory_order_relaxed) %
                   members_.size()];
}

grpc::Status PooledStub::Notify(grpc::ClientContext& context,
                                const v2::NotifyRequest& request,
                                v2::NotifyResponse* response) {
  return Next().Notify(context, request, response);
}

grpc::Status PooledStub::Cancel(grpc::ClientContext& context,
                                const v2::CancelRequest& request,
                                v2::CancelResponse* response) {
  return Next().Cancel(context, request, response);
}

grpc::Status PooledStub::ListMessages(
    grpc::ClientContext& context,
    const statistics::v2::ListMessagesRequest& request,
    statistics::v2::ListMessagesResponse* response) {
  return Next().ListMessages(context, request, response);
}

void PooledStub::AsyncNotify(grpc::ClientContext& context,
                             const v2::NotifyRequest& request,
                             v2::NotifyResponse* response, Done done) {
  Next().AsyncNotify(context, request, response, std::move(done));
}

void PooledStub::AsyncCancel(grpc::ClientContext& context,
                             const v2::CancelRequest& request,
                             v2::CancelResponse* response, Done done) {
  Next().AsyncCancel(context, request, response, std::move(done));
}

void PooledStub::AsyncListMessages(
    grpc::ClientContext& context,
    const statistics::v2::ListMessagesRequest& request,
    statistics::v2::ListMessagesResponse* response, Done done) {
  Next().AsyncListMessages(context, request, response, std::move(done));
}

std::shared_ptr<MessagingStub> MakeGrpcStub(
    const std::vector<std::shared_ptr<grpc::Channel>>& channels) {
  if (channels.size() == 1) return MakeGrpcStub(channels.front());
  std::vector<std::shared_ptr<MessagingStub>> members;
  members.reserve(channels.size());
  for (const auto& channel : channels) members.push_back(MakeGrpcStub(channel));
  return std::make_shared<PooledStub>(std::move(members));
}

}  // namespace pushwoosh::messaging::internal
