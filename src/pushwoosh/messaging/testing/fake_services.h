// gRPC callback-API adapters over FakeBackend: no thread per call, so the
// fake keeps up with the client under load.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVICES_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVICES_H_

#include <functional>
#include <memory>

#include "pushwoosh/messaging/testing/delayed_replies.h"
#include "pushwoosh/messaging/testing/fake_backend.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/testing/fault_injector.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"
#include "pushwoosh/statistics/v2/statistics.grpc.pb.h"

namespace pushwoosh::messaging::testing {

using CallObserver = std::function<void(const FakeCallRecord&)>;

// What the services share besides the backend; all optional.
struct ServiceHooks {
  CallObserver on_call;
  FaultInjector* faults = nullptr;
  DelayedReplies* delays = nullptr;
  // Cuts every client connection; unset without a connection proxy.
  std::function<void()> drop_connections;
};

class FakeMessagingService final
    : public v2::MessagingService::CallbackService {
 public:
  FakeMessagingService(std::shared_ptr<FakeBackend> backend,
                       ServiceHooks hooks);

  grpc::ServerUnaryReactor* Notify(grpc::CallbackServerContext* context,
                                   const v2::NotifyRequest* request,
                                   v2::NotifyResponse* response) override;
  grpc::ServerUnaryReactor* Cancel(grpc::CallbackServerContext* context,
                                   const v2::CancelRequest* request,
                                   v2::CancelResponse* response) override;

 private:
  std::shared_ptr<FakeBackend> backend_;
  ServiceHooks hooks_;
};

class FakeStatisticsService final
    : public statistics::v2::StatisticsService::CallbackService {
 public:
  FakeStatisticsService(std::shared_ptr<FakeBackend> backend,
                        ServiceHooks hooks);

  grpc::ServerUnaryReactor* ListMessages(
      grpc::CallbackServerContext* context,
      const statistics::v2::ListMessagesRequest* request,
      statistics::v2::ListMessagesResponse* response) override;

 private:
  std::shared_ptr<FakeBackend> backend_;
  ServiceHooks hooks_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVICES_H_
