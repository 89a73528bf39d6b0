// What MessagingClient's own layers cost per call, with gRPC taken out:
// both variants end in a stub that answers at once, so the difference is
// exactly our validation, deadlines, metadata, retry loop and error
// handling. CPU time is the number to compare (goal: under 1 µs).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "bench_environment.h"
#include "pushwoosh/messaging/in_memory_call_metrics.h"
#include "pushwoosh/messaging/internal/grpc_connection.h"
#include "pushwoosh/messaging/internal/metadata_stub.h"
#include "pushwoosh/messaging/internal/retry_connection.h"
#include "pushwoosh/messaging/internal/stub.h"

namespace pushwoosh::messaging::bench {
namespace {

constexpr char kCode[] = "C3F8-C3863ED4-334AD4F1";

// Answers every call at once, without gRPC.
class ImmediateStub final : public internal::MessagingStub {
 public:
  grpc::Status Notify(grpc::ClientContext&, const v2::NotifyRequest&,
                      v2::NotifyResponse*) override {
    return grpc::Status::OK;
  }
  grpc::Status Cancel(grpc::ClientContext& context,
                      const v2::CancelRequest& request,
                      v2::CancelResponse* response) override {
    benchmark::DoNotOptimize(&context);
    benchmark::DoNotOptimize(request.message_code().data());
    benchmark::DoNotOptimize(response);
    return grpc::Status::OK;
  }
  grpc::Status ListMessages(grpc::ClientContext&,
                            const statistics::v2::ListMessagesRequest&,
                            statistics::v2::ListMessagesResponse*) override {
    return grpc::Status::OK;
  }
  void AsyncNotify(grpc::ClientContext&, const v2::NotifyRequest&,
                   v2::NotifyResponse*, Done done) override {
    done(grpc::Status::OK);
  }
  void AsyncCancel(grpc::ClientContext&, const v2::CancelRequest&,
                   v2::CancelResponse*, Done done) override {
    done(grpc::Status::OK);
  }
  void AsyncListMessages(grpc::ClientContext&,
                         const statistics::v2::ListMessagesRequest&,
                         statistics::v2::ListMessagesResponse*,
                         Done done) override {
    done(grpc::Status::OK);
  }
};

void BM_LayerOverhead_Raw(benchmark::State& state) {
  ImmediateStub stub;
  for (auto _ : state) {
    grpc::ClientContext context;
    PrepareRawContext(context);
    v2::CancelRequest request;
    request.set_message_code(kCode);
    v2::CancelResponse response;
    benchmark::DoNotOptimize(stub.Cancel(context, request, &response).ok());
  }
}

// The stack MakeMessagingConnection builds, over the immediate stub; with
// `hooks`, a logger that does nothing and in-memory metrics.
MessagingClient ClientOverImmediateStub(bool hooks = false) {
  ClientOptions options;
  options.api_token = kToken;
  if (hooks) {
    options.logger = [](const AttemptRecord& record) {
      benchmark::DoNotOptimize(record.latency);
    };
    options.metrics = std::make_shared<InMemoryCallMetrics>();
  }
  auto connection = std::make_shared<internal::RetryConnection>(
      std::make_shared<internal::GrpcConnection>(
          std::make_shared<internal::MetadataStub>(
              std::make_shared<ImmediateStub>(),
              std::make_shared<internal::TokenSource>(options.api_token),
              Metadata()),
          options.default_timeout),
      options, internal::RetryEnvironment::Real());
  return MessagingClient(connection);
}

void BM_LayerOverhead_Client(benchmark::State& state) {
  MessagingClient client = ClientOverImmediateStub();
  for (auto _ : state) {
    benchmark::DoNotOptimize(client.Cancel(kCode).ok());
  }
}

// What the observability hooks cost when on; off, they are not called
// and no clock is read (BM_LayerOverhead_Client).
void BM_LayerOverhead_ClientWithHooks(benchmark::State& state) {
  MessagingClient client = ClientOverImmediateStub(/*hooks=*/true);
  for (auto _ : state) {
    benchmark::DoNotOptimize(client.Cancel(kCode).ok());
  }
}

void BM_AsyncLayerOverhead_Raw(benchmark::State& state) {
  ImmediateStub stub;
  for (auto _ : state) {
    struct Call {
      grpc::ClientContext context;
      v2::CancelRequest request;
      v2::CancelResponse response;
    };
    auto* call = new Call;
    PrepareRawContext(call->context);
    call->request.set_message_code(kCode);
    stub.AsyncCancel(call->context, call->request, &call->response,
                     [call](const grpc::Status& status) {
                       delete call;
                       benchmark::DoNotOptimize(status.ok());
                     });
  }
}

void BM_AsyncLayerOverhead_Client(benchmark::State& state) {
  MessagingClient client = ClientOverImmediateStub();
  for (auto _ : state) {
    client.AsyncCancel(kCode, [](absl::StatusOr<CancelResult> result) {
      benchmark::DoNotOptimize(result.ok());
    });
  }
}

BENCHMARK(BM_LayerOverhead_Raw);
BENCHMARK(BM_LayerOverhead_Client);
BENCHMARK(BM_LayerOverhead_ClientWithHooks);
BENCHMARK(BM_AsyncLayerOverhead_Raw);
BENCHMARK(BM_AsyncLayerOverhead_Client);

}  // namespace
}  // namespace pushwoosh::messaging::bench
