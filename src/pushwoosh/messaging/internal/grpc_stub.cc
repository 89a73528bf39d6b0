#include <memory>
#include <utility>

#include "pushwoosh/messaging/internal/stub.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"
#include "pushwoosh/statistics/v2/statistics.grpc.pb.h"

namespace pushwoosh::messaging::internal {
namespace {

class GrpcStub final : public MessagingStub {
 public:
  explicit GrpcStub(const std::shared_ptr<grpc::Channel>& channel)
      : messaging_(v2::MessagingService::NewStub(channel)),
        statistics_(statistics::v2::StatisticsService::NewStub(channel)) {}

  grpc::Status Notify(grpc::ClientContext& context,
                      const v2::NotifyRequest& request,
                      v2::NotifyResponse* response) override {
    return messaging_->Notify(&context, request, response);
  }
  grpc::Status Cancel(grpc::ClientContext& context,
                      const v2::CancelRequest& request,
                      v2::CancelResponse* response) override {
    return messaging_->Cancel(&context, request, response);
  }
  grpc::Status ListMessages(
      grpc::ClientContext& context,
      const statistics::v2::ListMessagesRequest& request,
      statistics::v2::ListMessagesResponse* response) override {
    return statistics_->ListMessages(&context, request, response);
  }

  void AsyncNotify(grpc::ClientContext& context,
                   const v2::NotifyRequest& request,
                   v2::NotifyResponse* response, Done done) override {
    messaging_->async()->Notify(&context, &request, response, std::move(done));
  }
  void AsyncCancel(grpc::ClientContext& context,
                   const v2::CancelRequest& request,
                   v2::CancelResponse* response, Done done) override {
    messaging_->async()->Cancel(&context, &request, response, std::move(done));
  }
  void AsyncListMessages(grpc::ClientContext& context,
                         const statistics::v2::ListMessagesRequest& request,
                         statistics::v2::ListMessagesResponse* response,
                         Done done) override {
    statistics_->async()->ListMessages(&context, &request, response,
                                       std::move(done));
  }

 private:
  std::unique_ptr<v2::MessagingService::Stub> messaging_;
  std::unique_ptr<statistics::v2::StatisticsService::Stub> statistics_;
};

}  // namespace

std::shared_ptr<MessagingStub> MakeGrpcStub(
    const std::shared_ptr<grpc::Channel>& channel) {
  return std::make_shared<GrpcStub>(channel);
}

}  // namespace pushwoosh::messaging::internal
