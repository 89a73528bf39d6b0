#include "pushwoosh/messaging/testing/fake_message_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"

namespace pushwoosh::messaging::testing {
namespace {

// SplitMix64: a tiny, well-mixed generator; codes look random but repeat
// for the same seed, which keeps tests and demos reproducible.
std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string DateOf(Clock::TimePoint time) {
  return absl::FormatTime("%Y-%m-%d", absl::FromChrono(time),
                          absl::UTCTimeZone());
}

bool Matches(const FakeMessage& message,
             const statistics::v2::Filters& filters) {
  if (message.application != filters.application()) return false;
  const auto& codes = filters.messages_codes();
  if (!codes.empty() &&
      std::find(codes.begin(), codes.end(), message.code) == codes.end()) {
    return false;
  }
  const auto& ids = filters.messages_ids();
  if (!ids.empty() &&
      std::find(ids.begin(), ids.end(), message.id) == ids.end()) {
    return false;
  }
  if (!filters.platforms().empty() &&
      std::none_of(filters.platforms().begin(), filters.platforms().end(),
                   [&](int platform) {
                     return std::find(message.platforms.begin(),
                                      message.platforms.end(),
                                      platform) != message.platforms.end();
                   })) {
    return false;
  }
  if (filters.source() != statistics::v2::SOURCE_UNSPECIFIED &&
      filters.source() != message.source) {
    return false;
  }
  if (!filters.campaign().empty() && filters.campaign() != message.campaign) {
    return false;
  }
  if (filters.has_date_range()) {
    // ISO dates compare correctly as strings.
    const std::string created = DateOf(message.created_at);
    const auto& range = filters.date_range();
    if (!range.date_from().empty() && created < range.date_from()) {
      return false;
    }
    if (!range.date_to().empty() && created > range.date_to()) return false;
  }
  return true;
}

}  // namespace

FakeMessageStore::FakeMessageStore(std::shared_ptr<const Clock> clock,
                                   Lifecycle lifecycle, std::uint64_t seed)
    : clock_(std::move(clock)), lifecycle_(lifecycle), code_state_(seed) {}

std::string FakeMessageStore::NextCode() {
  for (;;) {
    const std::uint64_t high = SplitMix64(code_state_);
    const std::uint64_t low = SplitMix64(code_state_);
    std::string code =
        absl::StrFormat("%04X-%08X-%08X", static_cast<unsigned>(high >> 48),
                        static_cast<unsigned>(high & 0xFFFFFFFF),
                        static_cast<unsigned>(low & 0xFFFFFFFF));
    if (!by_code_.contains(code)) return code;
  }
}

FakeMessage FakeMessageStore::Create(NewMessage message) {
  const Clock::TimePoint now = clock_->Now();
  FakeMessage record;
  record.account = std::move(message.account);
  record.application = std::move(message.application);
  record.campaign = std::move(message.campaign);
  record.platforms = std::move(message.platforms);
  record.created_at = now;
  record.send_at = std::max(now, message.send_at.value_or(now));

  absl::MutexLock lock(&mutex_);
  record.id = static_cast<std::int64_t>(messages_.size()) + 1;
  record.code = NextCode();
  by_code_.emplace(record.code, messages_.size());
  messages_.push_back(record);
  return record;
}

FakeMessageStore::CancelResult FakeMessageStore::Cancel(
    std::string_view account, std::string_view code) {
  const Clock::TimePoint now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  auto it = by_code_.find(absl::string_view(code.data(), code.size()));
  if (it == by_code_.end()) return {CancelOutcome::kNotFound};
  FakeMessage& message = messages_[it->second];
  const MessageStatus status = StatusAt(message, now);
  // The owner check comes first: another account learns nothing about the
  // message's state.
  if (message.account != account) {
    return {CancelOutcome::kOtherAccount, status};
  }
  if (!IsCancelable(status)) return {CancelOutcome::kNotCancelable, status};
  message.canceled_at = now;
  return {CancelOutcome::kCanceled, status};
}

FakeMessageStore::ListResult FakeMessageStore::List(
    const ListQuery& query) const {
  const Clock::TimePoint now = clock_->Now();
  const int page = std::max(query.page, 1);
  const int per_page = std::max(query.per_page, 1);
  const std::int64_t skip = static_cast<std::int64_t>(page - 1) * per_page;

  ListResult result;
  absl::MutexLock lock(&mutex_);
  for (const FakeMessage& message : messages_) {
    if (message.account != query.account || !Matches(message, *query.filters)) {
      continue;
    }
    const std::int64_t position = result.total++;
    if (position >= skip &&
        result.items.size() < static_cast<std::size_t>(per_page)) {
      result.items.push_back({message, StatusAt(message, now)});
    }
  }
  return result;
}

std::optional<FakeMessage> FakeMessageStore::Find(std::string_view code) const {
  absl::MutexLock lock(&mutex_);
  auto it = by_code_.find(absl::string_view(code.data(), code.size()));
  if (it == by_code_.end()) return std::nullopt;
  return messages_[it->second];
}

MessageStatus FakeMessageStore::StatusOf(std::string_view code) const {
  const Clock::TimePoint now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  auto it = by_code_.find(absl::string_view(code.data(), code.size()));
  if (it == by_code_.end()) return MessageStatus::kUnknown;
  return StatusAt(messages_[it->second], now);
}

std::size_t FakeMessageStore::size() const {
  absl::MutexLock lock(&mutex_);
  return messages_.size();
}

MessageStatus FakeMessageStore::StatusAt(const FakeMessage& message,
                                         Clock::TimePoint now) const {
  if (message.canceled_at.has_value()) return MessageStatus::kCanceled;
  if (now < message.send_at) return MessageStatus::kWaiting;
  const auto elapsed = now - message.send_at;
  if (elapsed < lifecycle_.pending_duration) return MessageStatus::kPending;
  if (elapsed < lifecycle_.pending_duration + lifecycle_.processing_duration) {
    return MessageStatus::kProcessing;
  }
  return MessageStatus::kDone;
}

}  // namespace pushwoosh::messaging::testing
