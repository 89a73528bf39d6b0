// The fake backend's messages: who owns them, and where each one is in its
// lifecycle. No gRPC here, so the rules are testable on their own.
//
// Lifecycle: a message scheduled for later is `waiting` until its send time;
// then `pending` for `pending_duration`, `processing` for
// `processing_duration`, then `done`. Cancel moves pending, waiting and
// processing messages to `canceled`. Statuses are computed from the clock,
// so advancing a VirtualClock moves every message at once.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGE_STORE_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGE_STORE_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "pushwoosh/messaging/message_status.h"
#include "pushwoosh/messaging/testing/clock.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging::testing {

struct FakeMessage {
  std::int64_t id = 0;
  std::string code;
  std::string account;
  std::string application;
  std::string campaign;
  std::vector<v2::Platform> platforms;
  statistics::v2::Source source = statistics::v2::API;
  Clock::TimePoint created_at;
  Clock::TimePoint send_at;
  std::optional<Clock::TimePoint> canceled_at;
};

struct Lifecycle {
  std::chrono::milliseconds pending_duration{5'000};
  std::chrono::milliseconds processing_duration{5'000};
};

// Thread-safe. Stores a message in about 140 bytes (docs/benchmarks.md):
// strings that repeat (account, application, campaign, platform lists) are
// kept once, and a FakeMessage is built only when one is asked for.
class FakeMessageStore {
 public:
  struct NewMessage {
    std::string account;
    std::string application;
    std::string campaign;
    std::vector<v2::Platform> platforms;
    // Unset, or not after now: the message is pending at once.
    std::optional<Clock::TimePoint> send_at;
  };

  enum class CancelOutcome {
    kCanceled,
    kNotFound,
    kOtherAccount,
    kNotCancelable,
  };
  struct CancelResult {
    CancelOutcome outcome;
    // The status the message had before (kUnknown when not found).
    MessageStatus previous_status = MessageStatus::kUnknown;
  };

  struct ListQuery {
    std::string account;
    const statistics::v2::Filters* filters = nullptr;  // Required.
    int page = 1;                                      // 1-based.
    int per_page = 100;
  };
  struct ListedMessage {
    FakeMessage message;
    MessageStatus status;
  };
  struct ListResult {
    std::int64_t total = 0;
    std::vector<ListedMessage> items;
  };

  // `seed` makes the sequence of message codes repeatable.
  FakeMessageStore(std::shared_ptr<const Clock> clock, Lifecycle lifecycle,
                   std::uint64_t seed = 1);

  FakeMessage Create(NewMessage message);
  CancelResult Cancel(std::string_view account, std::string_view code);
  ListResult List(const ListQuery& query) const;

  // The FakeMessage of `code`, if any.
  std::optional<FakeMessage> Find(std::string_view code) const;
  // The status of `code` now; kUnknown when there is no such message.
  MessageStatus StatusOf(std::string_view code) const;
  std::size_t size() const;

  const Clock& clock() const { return *clock_; }

 private:
  // Codes look like "C3F8-C3863ED4-334AD4F1".
  static constexpr std::size_t kCodeLength = 22;
  using Code = std::array<char, kCodeLength>;
  using Ticks = Clock::TimePoint::rep;
  static constexpr Ticks kNever = std::numeric_limits<Ticks>::min();

  struct Stored {
    Code code;
    // Indexes into strings_ and platform_lists_.
    std::uint32_t account;
    std::uint32_t application;
    std::uint32_t campaign;
    std::uint32_t platforms;
    statistics::v2::Source source;
    Ticks created_at;
    Ticks send_at;
    Ticks canceled_at;  // kNever while not canceled.
  };

  static std::optional<Code> ToCode(std::string_view code);
  MessageStatus StatusAt(const Stored& message, Clock::TimePoint now) const;

  // Called with mutex_ held:
  FakeMessage Expand(std::size_t index) const;
  std::uint32_t Intern(std::string value);
  std::uint32_t InternPlatforms(std::vector<v2::Platform> platforms);
  // The index of `value` in strings_, if it was ever stored.
  std::optional<std::uint32_t> FindString(std::string_view value) const;
  bool Matches(std::size_t index, const statistics::v2::Filters& filters,
               std::uint32_t application) const;
  Code NextCode();

  const std::shared_ptr<const Clock> clock_;
  const Lifecycle lifecycle_;
  // Guards the members below it.
  mutable std::mutex mutex_;
  std::uint64_t code_state_;
  // Ordered by id: ids are 1, 2, 3, ... and index = id - 1. A deque grows
  // without the spare half that a vector may hold.
  std::deque<Stored> messages_;
  absl::flat_hash_map<Code, std::uint32_t> by_code_;
  std::vector<std::string> strings_;
  absl::flat_hash_map<std::string, std::uint32_t> string_ids_;
  std::vector<std::vector<v2::Platform>> platform_lists_;
  absl::flat_hash_map<std::vector<v2::Platform>, std::uint32_t>
      platform_list_ids_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_MESSAGE_STORE_H_
