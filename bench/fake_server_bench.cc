// The fake server under a large store: async Cancels (64 in flight,
// in-process) against a server holding 1,000,000 messages, raw stub and
// client; and the heap a stored message costs.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench_environment.h"
#include "call_window.h"
#include "heap_sampler.h"
#include "raw_async_cancel.h"

namespace pushwoosh::messaging::bench {
namespace {

constexpr std::size_t kStored = 1'000'000;
constexpr std::size_t kCanceledPerRun = 100'000;
constexpr int kInFlight = 64;

// A second server, holding a million messages (more once runs have used
// them up: each run cancels messages no run has touched).
class LargeServer {
 public:
  LargeServer() : codes_(server_.SeedPending(kStored)) {}

  std::vector<std::string> TakePending(std::size_t count) {
    if (next_ + count > codes_.size()) {
      std::vector<std::string> more = server_.SeedPending(count);
      codes_.insert(codes_.end(), more.begin(), more.end());
    }
    std::vector<std::string> taken(codes_.begin() + next_,
                                   codes_.begin() + next_ + count);
    next_ += count;
    return taken;
  }
  BenchServer& server() { return server_; }

 private:
  BenchServer server_;
  std::vector<std::string> codes_;
  std::size_t next_ = 0;
};

LargeServer& Large() {
  static LargeServer* const large = new LargeServer;
  return *large;
}

void BM_FakeServer1M_Raw(benchmark::State& state) {
  LargeServer& large = Large();
  auto stub = large.server().RawStub(Transport::kInProcess);
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<std::string> codes = large.TakePending(kCanceledPerRun);
    state.ResumeTiming();
    CallWindow calls(kCanceledPerRun);
    calls.Run(kInFlight, [&](std::size_t index) {
      RawAsyncCancel(*stub, codes[index], [&calls](const grpc::Status& status) {
        calls.Done(status.ok());
      });
    });
    if (calls.failed() > 0) state.SkipWithError("a Cancel failed");
  }
  state.SetItemsProcessed(state.iterations() * kCanceledPerRun);
}

void BM_FakeServer1M_Client(benchmark::State& state) {
  LargeServer& large = Large();
  MessagingClient client = large.server().Client(Transport::kInProcess);
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<std::string> codes = large.TakePending(kCanceledPerRun);
    state.ResumeTiming();
    CallWindow calls(kCanceledPerRun);
    calls.Run(kInFlight, [&](std::size_t index) {
      client.AsyncCancel(codes[index],
                         [&calls](absl::StatusOr<CancelResult> result) {
                           calls.Done(result.ok());
                         });
    });
    if (calls.failed() > 0) state.SkipWithError("a Cancel failed");
  }
  state.SetItemsProcessed(state.iterations() * kCanceledPerRun);
}

// Not a pair: no raw stub stores messages. The goal is at most 300 bytes.
void BM_FakeStoreMemoryPerMessage(benchmark::State& state) {
  for (auto _ : state) {
    const std::size_t before = HeapInUse();
    auto store = std::make_unique<testing::FakeMessageStore>(
        std::make_shared<testing::SystemClock>(), testing::Lifecycle{});
    for (std::size_t i = 0; i < kStored; ++i) {
      testing::FakeMessageStore::NewMessage message;
      message.account = kAccount;
      message.application = kApplication;
      message.platforms = {v2::IOS, v2::ANDROID};
      store->Create(std::move(message));
    }
    state.counters["bytes_per_message"] =
        static_cast<double>(HeapInUse() - before) / kStored;
  }
}

BENCHMARK(BM_FakeServer1M_Raw)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FakeServer1M_Client)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FakeStoreMemoryPerMessage)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pushwoosh::messaging::bench
