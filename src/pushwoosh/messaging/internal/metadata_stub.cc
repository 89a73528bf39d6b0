#include "pushwoosh/messaging/internal/metadata_stub.h"

#include <utility>

#include "pushwoosh/messaging/internal/metadata.h"

namespace pushwoosh::messaging::internal {

MetadataStub::MetadataStub(std::shared_ptr<MessagingStub> child,
                           std::shared_ptr<const TokenSource> tokens,
                           Metadata metadata)
    : child_(std::move(child)),
      tokens_(std::move(tokens)),
      metadata_(std::move(metadata)) {}

void MetadataStub::Decorate(grpc::ClientContext& context) const {
  if (tokens_ != nullptr) {
    context.AddMetadata(kAuthorizationKey, *tokens_->Authorization());
  }
  for (const auto& [key, value] : metadata_) context.AddMetadata(key, value);
}

grpc::Status MetadataStub::Notify(grpc::ClientContext& context,
                                  const v2::NotifyRequest& request,
                                  v2::NotifyResponse* response) {
  Decorate(context);
  return child_->Notify(context, request, response);
}

grpc::Status MetadataStub::Cancel(grpc::ClientContext& context,
                                  const v2::CancelRequest& request,
                                  v2::CancelResponse* response) {
  Decorate(context);
  return child_->Cancel(context, request, response);
}

grpc::Status MetadataStub::ListMessages(
    grpc::ClientContext& context,
    const statistics::v2::ListMessagesRequest& request,
    statistics::v2::ListMessagesResponse* response) {
  Decorate(context);
  return child_->ListMessages(context, request, response);
}

void MetadataStub::AsyncNotify(grpc::ClientContext& context,
                               const v2::NotifyRequest& request,
                               v2::NotifyResponse* response, Done done) {
  Decorate(context);
  child_->AsyncNotify(context, request, response, std::move(done));
}

void MetadataStub::AsyncCancel(grpc::ClientContext& context,
                               const v2::CancelRequest& request,
                               v2::CancelResponse* response, Done done) {
  Decorate(context);
  child_->AsyncCancel(context, request, response, std::move(done));
}

void MetadataStub::AsyncListMessages(
    grpc::ClientContext& context,
    const statistics::v2::ListMessagesRequest& request,
    statistics::v2::ListMessagesResponse* response, Done done) {
  Decorate(context);
  child_->AsyncListMessages(context, request, response, std::move(done));
}

}  // namespace pushwoosh::messaging::internal
