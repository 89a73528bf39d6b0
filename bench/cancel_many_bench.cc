// Cancel 100,000 codes with 64 in flight: MessagingClient::CancelMany
// against a hand-written window over the raw callback stub that keeps a
// per-code outcome too. Reports codes per second and peak heap growth.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_environment.h"
#include "call_window.h"
#include "heap_sampler.h"
#include "raw_async_cancel.h"

namespace pushwoosh::messaging::bench {
namespace {

constexpr std::size_t kCodes = 100'000;
constexpr int kInFlight = 64;

void ReportPeak(benchmark::State& state, HeapSampler& heap) {
  state.counters["peak_heap_MiB"] =
      static_cast<double>(heap.PeakGrowth()) / (1024.0 * 1024.0);
}

void BM_CancelMany100k_Raw(benchmark::State& state) {
  auto stub = BenchServer::Shared().RawStub(Transport::kInProcess);
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<std::string> codes =
        BenchServer::Shared().SeedPending(kCodes);
    std::vector<grpc::StatusCode> outcomes(kCodes);
    HeapSampler heap;
    state.ResumeTiming();
    CallWindow calls(kCodes);
    calls.Run(kInFlight, [&](std::size_t index) {
      RawAsyncCancel(*stub, codes[index],
                     [&, index](const grpc::Status& status) {
                       outcomes[index] = status.error_code();
                       calls.Done(status.ok());
                     });
    });
    state.PauseTiming();
    ReportPeak(state, heap);
    if (calls.failed() > 0) state.SkipWithError("a Cancel failed");
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * kCodes);
}

void BM_CancelMany100k_Client(benchmark::State& state) {
  MessagingClient client = BenchServer::Shared().Client(Transport::kInProcess);
  CancelManyOptions options;
  options.max_in_flight = kInFlight;
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<std::string> codes =
        BenchServer::Shared().SeedPending(kCodes);
    HeapSampler heap;
    state.ResumeTiming();
    auto result = client.CancelMany(codes, options);
    state.PauseTiming();
    ReportPeak(state, heap);
    if (!result.ok() || result->counts.canceled != kCodes) {
      state.SkipWithError("a Cancel failed");
    }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * kCodes);
}

BENCHMARK(BM_CancelMany100k_Raw)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CancelMany100k_Client)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pushwoosh::messaging::bench
