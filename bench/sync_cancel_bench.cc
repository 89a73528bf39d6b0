// Sync Cancel of a pending message: the raw generated stub and
// MessagingClient, in-process and over TCP loopback. Each call cancels a
// fresh message, so both measure the success path.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "bench_environment.h"
#include "latency_counters.h"

namespace pushwoosh::messaging::bench {
namespace {

constexpr int kCalls = 20'000;

template <typename Call>
void RunSync(benchmark::State& state, Call call) {
  const std::vector<std::string> codes =
      BenchServer::Shared().SeedPending(kCalls);
  LatencyRecorder latencies(kCalls);
  std::size_t index = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const bool ok = call(codes[index++]);
    latencies.Add(std::chrono::steady_clock::now() - start);
    if (!ok) {
      state.SkipWithError("a Cancel failed");
      break;
    }
  }
  latencies.Report(state);
  state.SetItemsProcessed(state.iterations());
}

void BM_SyncCancel_Raw(benchmark::State& state) {
  auto stub =
      BenchServer::Shared().RawStub(static_cast<Transport>(state.range(0)));
  RunSync(state, [&](const std::string& code) {
    grpc::ClientContext context;
    PrepareRawContext(context);
    v2::CancelRequest request;
    request.set_message_code(code);
    v2::CancelResponse response;
    return stub->Cancel(&context, request, &response).ok();
  });
}

void BM_SyncCancel_Client(benchmark::State& state) {
  MessagingClient client =
      BenchServer::Shared().Client(static_cast<Transport>(state.range(0)));
  RunSync(state,
          [&](const std::string& code) { return client.Cancel(code).ok(); });
}

BENCHMARK(BM_SyncCancel_Raw)
    ->ArgName("tcp")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(kCalls)
    ->UseRealTime();
BENCHMARK(BM_SyncCancel_Client)
    ->ArgName("tcp")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(kCalls)
    ->UseRealTime();

}  // namespace
}  // namespace pushwoosh::messaging::bench
