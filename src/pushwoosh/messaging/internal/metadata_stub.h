// Decorator: adds the API token and the client-wide metadata to each call.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_METADATA_STUB_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_METADATA_STUB_H_

#include <memory>
#include <string>

#include "pushwoosh/messaging/internal/stub.h"
#include "pushwoosh/messaging/internal/token_source.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging::internal {

class MetadataStub final : public MessagingStub {
 public:
  // `tokens` may be null (then no authorization is sent); `metadata` must
  // already be normalized.
  MetadataStub(std::shared_ptr<MessagingStub> child,
               std::shared_ptr<const TokenSource> tokens, Metadata metadata);

  grpc::Status Notify(grpc::ClientContext& context,
                      const v2::NotifyRequest& request,
                      v2::NotifyResponse* response) override;
  grpc::Status Cancel(grpc::ClientContext& context,
                      const v2::CancelRequest& request,
                      v2::CancelResponse* response) override;
  grpc::Status ListMessages(
      grpc::ClientContext& context,
      const statistics::v2::ListMessagesRequest& request,
      statistics::v2::ListMessagesResponse* response) override;

  void AsyncNotify(grpc::ClientContext& context,
                   const v2::NotifyRequest& request,
                   v2::NotifyResponse* response, Done done) override;
  void AsyncCancel(grpc::ClientContext& context,
                   const v2::CancelRequest& request,
                   v2::CancelResponse* response, Done done) override;
  void AsyncListMessages(grpc::ClientContext& context,
                         const statistics::v2::ListMessagesRequest& request,
                         statistics::v2::ListMessagesResponse* response,
                         Done done) override;

 private:
  void Decorate(grpc::ClientContext& context) const;

  std::shared_ptr<MessagingStub> child_;
  std::shared_ptr<const TokenSource> tokens_;
  Metadata metadata_;
};

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_METADATA_STUB_H_
