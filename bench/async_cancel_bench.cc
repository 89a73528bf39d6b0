// Async Cancel throughput at 1, 16, 64 and 256 calls in flight: the raw
// callback stub and MessagingClient::AsyncCancel, in-process and over TCP
// loopback. items_per_second is the number to compare.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_environment.h"
#include "call_window.h"
#include "raw_async_cancel.h"

namespace pushwoosh::messaging::bench {
namespace {

constexpr int kBatch = 10'000;
constexpr int kRounds = 3;

template <typename Start>
void RunAsync(benchmark::State& state, Start start_call) {
  const auto window = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string> codes =
      BenchServer::Shared().SeedPending(kBatch * kRounds);
  std::size_t offset = 0;
  for (auto _ : state) {
    CallWindow calls(kBatch);
    calls.Run(window, [&](std::size_t index) {
      start_call(codes[offset + index], calls);
    });
    offset += kBatch;
    if (calls.failed() > 0) {
      state.SkipWithError("a Cancel failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_AsyncCancel_Raw(benchmark::State& state) {
  auto stub =
      BenchServer::Shared().RawStub(static_cast<Transport>(state.range(1)));
  RunAsync(state, [&](const std::string& code, CallWindow& calls) {
    RawAsyncCancel(*stub, code, [&calls](const grpc::Status& status) {
      calls.Done(status.ok());
    });
  });
}

void BM_AsyncCancel_Client(benchmark::State& state) {
  MessagingClient client =
      BenchServer::Shared().Client(static_cast<Transport>(state.range(1)));
  RunAsync(state, [&](const std::string& code, CallWindow& calls) {
    client.AsyncCancel(code, [&calls](absl::StatusOr<CancelResult> result) {
      calls.Done(result.ok());
    });
  });
}

void InFlightAndTransport(benchmark::internal::Benchmark* benchmark) {
  benchmark->ArgNames({"in_flight", "tcp"});
  for (int tcp : {0, 1}) {
    for (int in_flight : {1, 16, 64, 256}) benchmark->Args({in_flight, tcp});
  }
  benchmark->Iterations(kRounds)->UseRealTime()->MeasureProcessCPUTime()->Unit(
      benchmark::kMillisecond);
}

BENCHMARK(BM_AsyncCancel_Raw)->Apply(InFlightAndTransport);
BENCHMARK(BM_AsyncCancel_Client)->Apply(InFlightAndTransport);

}  // namespace
}  // namespace pushwoosh::messaging::bench
