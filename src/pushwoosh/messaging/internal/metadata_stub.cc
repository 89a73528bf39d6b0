#include "pushwoosh/messaging/internal/metadata_stub.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/metadata.h"

namespace pushwoosh::messaging::internal {

MetadataStub::MetadataStub(std::shared_ptr<MessagingStub> child,
                           std::string_view api_token, Metadata metadata)
    : child_(std::move(child)),
      authorization_(api_token.empty()
                         ? std::string()
                         : absl::StrCat("Token ", AsAbsl(api_token))),
      metadata_(std::move(metadata)) {}

void MetadataStub::Decorate(grpc::ClientContext& context) const {
  if (!authorization_.empty()) {
    context.AddMetadata(kAuthorizationKey, authorization_);
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
