// Decorator: spreads calls round-robin over stubs on separate channels, so
// that more calls run at once than one connection's stream limit allows.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_POOLED_STUB_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_POOLED_STUB_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "pushwoosh/messaging/internal/stub.h"

namespace pushwoosh::messaging::internal {

class PooledStub final : public MessagingStub {
 public:
  // `members` must not be empty.
  explicit PooledStub(std::vector<std::shared_ptr<MessagingStub>> members);

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
  MessagingStub& Next();

  std::vector<std::shared_ptr<MessagingStub>> members_;
  std::atomic<std::size_t> next_{0};
};

// One stub over each channel; pooled when there are several.
std::shared_ptr<MessagingStub> MakeGrpcStub(
    const std::vector<std::shared_ptr<grpc::Channel>>& channels);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_POOLED_STUB_H_
