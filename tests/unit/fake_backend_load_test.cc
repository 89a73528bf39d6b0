// The fake backend under load from many threads at once, as a server's
// threads call it, without gRPC in between, so that ThreadSanitizer sees
// every access and every lock (CI runs unit_tests under TSan). The checks are
// the fake's documented guarantees: one message per idempotency key, at most
// one successful Cancel per message, and a store that adds up afterwards.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pushwoosh/messaging/testing/clock.h"
#include "pushwoosh/messaging/testing/fake_backend.h"
#include "pushwoosh/messaging/testing/fake_message_store.h"

namespace pushwoosh::messaging::testing {
namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 200;
constexpr int kSharedKeys = 16;
constexpr char kApplication[] = "ABCDE-12345";
const std::string kAuthorization = "Token load-token";

v2::NotifyRequest WaitingNotify(const VirtualClock& clock) {
  v2::NotifyRequest request;
  v2::NotifySegment* segment = request.mutable_segment();
  segment->set_application(kApplication);
  segment->set_code("all");
  segment->mutable_schedule()->mutable_at()->set_seconds(
      std::chrono::duration_cast<std::chrono::seconds>(
          (clock.Now() + std::chrono::hours(24)).time_since_epoch())
          .count());
  return request;
}

// What one thread saw.
struct Seen {
  std::map<std::string, std::string> code_of_key;
  std::vector<std::string> created;
  std::map<std::string, int> cancels_ok;
};

TEST(FakeBackendLoadTest, ConcurrentCallsKeepEveryGuarantee) {
  auto clock = std::make_shared<VirtualClock>();
  FakeBackend backend(std::make_shared<FakeMessageStore>(
      clock, Lifecycle{std::chrono::seconds(5), std::chrono::seconds(5)}));
  backend.AddAccount("load-token", "acme");
  const v2::NotifyRequest notify = WaitingNotify(*clock);

  std::barrier start(kThreads + 1);
  std::vector<Seen> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Seen& mine = seen[t];
      start.arrive_and_wait();
      for (int round = 0; round < kRounds; ++round) {
        // Every thread uses the same few keys: one message each.
        const std::string key = "key-" + std::to_string(round % kSharedKeys);
        const std::string request_id = std::to_string(t * kRounds + round);
        const FakeCallHeaders keyed{kAuthorization, key, request_id};
        v2::NotifyResponse response;
        ASSERT_TRUE(backend.Notify(keyed, notify, &response).ok());
        mine.code_of_key.emplace(key, response.result().message_code());

        const FakeCallHeaders plain{kAuthorization, std::nullopt, request_id};
        ASSERT_TRUE(backend.Notify(plain, notify, &response).ok());
        mine.created.push_back(response.result().message_code());

        // Threads race to cancel the same keyed message.
        v2::CancelRequest cancel;
        cancel.set_message_code(mine.code_of_key.at(key));
        v2::CancelResponse canceled;
        const grpc::Status status = backend.Cancel(plain, cancel, &canceled);
        if (status.ok()) {
          ++mine.cancels_ok[cancel.message_code()];
        } else {
          EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
              << status.error_message();
        }

        statistics::v2::ListMessagesRequest list;
        list.mutable_filters()->set_application(kApplication);
        list.set_per_page(10);
        statistics::v2::ListMessagesResponse listed;
        ASSERT_TRUE(backend.ListMessages(plain, list, &listed).ok());
      }
    });
  }
  start.arrive_and_wait();
  for (auto& thread : threads) thread.join();

  std::map<std::string, std::string> code_of_key;
  std::map<std::string, int> cancels_ok;
  std::set<std::string> all_codes;
  for (const Seen& mine : seen) {
    for (const auto& [key, code] : mine.code_of_key) {
      const auto [it, inserted] = code_of_key.emplace(key, code);
      EXPECT_EQ(it->second, code) << key << " made two messages";
      all_codes.insert(code);
    }
    for (const std::string& code : mine.created) {
      EXPECT_TRUE(all_codes.insert(code).second) << code << " made twice";
    }
    for (const auto& [code, count] : mine.cancels_ok) {
      cancels_ok[code] += count;
    }
  }
  EXPECT_EQ(code_of_key.size(), static_cast<std::size_t>(kSharedKeys));
  for (const auto& [key, code] : code_of_key) {
    EXPECT_EQ(cancels_ok[code], 1) << code << " of " << key;
    EXPECT_EQ(backend.store().StatusOf(code), MessageStatus::kCanceled);
  }

  statistics::v2::ListMessagesRequest list;
  list.mutable_filters()->set_application(kApplication);
  statistics::v2::ListMessagesResponse listed;
  ASSERT_TRUE(
      backend
          .ListMessages({kAuthorization, std::nullopt, "final"}, list, &listed)
          .ok());
  EXPECT_EQ(listed.total(), static_cast<std::int64_t>(all_codes.size()));
  EXPECT_EQ(all_codes.size(),
            static_cast<std::size_t>(kSharedKeys + kThreads * kRounds));
}

}  // namespace
}  // namespace pushwoosh::messaging::testing
