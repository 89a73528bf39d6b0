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

Clock::TimePoint FromTicks(Clock::TimePoint::rep ticks) {
  return Clock::TimePoint(Clock::TimePoint::duration(ticks));
}

}  // namespace

FakeMessageStore::FakeMessageStore(std::shared_ptr<const Clock> clock,
                                   Lifecycle lifecycle, std::uint64_t seed)
    : clock_(std::move(clock)), lifecycle_(lifecycle), code_state_(seed) {}

std::optional<FakeMessageStore::Code> FakeMessageStore::ToCode(
    std::string_view code) {
  if (code.size() != kCodeLength) return std::nullopt;
  Code packed;
  std::copy(code.begin(), code.end(), packed.begin());
  return packed;
}

FakeMessageStore::Code FakeMessageStore::NextCode() {
  for (;;) {
    const std::uint64_t high = SplitMix64(code_state_);
    const std::uint64_t low = SplitMix64(code_state_);
    const std::string text =
        absl::StrFormat("%04X-%08X-%08X", static_cast<unsigned>(high >> 48),
                        static_cast<unsigned>(high & 0xFFFFFFFF),
                        static_cast<unsigned>(low & 0xFFFFFFFF));
    const Code code = *ToCode(text);
    if (!by_code_.contains(code)) return code;
  }
}

std::uint32_t FakeMessageStore::Intern(std::string value) {
  auto [it, inserted] = string_ids_.try_emplace(
      value, static_cast<std::uint32_t>(strings_.size()));
  if (inserted) strings_.push_back(std::move(value));
  return it->second;
}

std::uint32_t FakeMessageStore::InternPlatforms(
    std::vector<v2::Platform> platforms) {
  auto [it, inserted] = platform_list_ids_.try_emplace(
      platforms, static_cast<std::uint32_t>(platform_lists_.size()));
  if (inserted) platform_lists_.push_back(std::move(platforms));
  return it->second;
}

std::optional<std::uint32_t> FakeMessageStore::FindString(
    std::string_view value) const {
  auto it = string_ids_.find(absl::string_view(value.data(), value.size()));
  if (it == string_ids_.end()) return std::nullopt;
  return it->second;
}

FakeMessage FakeMessageStore::Expand(std::size_t index) const {
  const Stored& stored = messages_[index];
  FakeMessage message;
  message.id = static_cast<std::int64_t>(index) + 1;
  message.code.assign(stored.code.begin(), stored.code.end());
  message.account = strings_[stored.account];
  message.application = strings_[stored.application];
  message.campaign = strings_[stored.campaign];
  message.platforms = platform_lists_[stored.platforms];
  message.source = stored.source;
  message.created_at = FromTicks(stored.created_at);
  message.send_at = FromTicks(stored.send_at);
  if (stored.canceled_at != kNever) {
    message.canceled_at = FromTicks(stored.canceled_at);
  }
  return message;
}

bool FakeMessageStore::Matches(std::size_t index,
                               const statistics::v2::Filters& filters,
                               std::uint32_t application) const {
  const Stored& message = messages_[index];
  if (message.application != application) return false;
  const std::string_view code(message.code.data(), message.code.size());
  const auto& codes = filters.messages_codes();
  if (!codes.empty() &&
      std::find(codes.begin(), codes.end(), code) == codes.end()) {
    return false;
  }
  const std::int64_t id = static_cast<std::int64_t>(index) + 1;
  const auto& ids = filters.messages_ids();
  if (!ids.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) {
    return false;
  }
  const std::vector<v2::Platform>& platforms =
      platform_lists_[message.platforms];
  if (!filters.platforms().empty() &&
      std::none_of(filters.platforms().begin(), filters.platforms().end(),
                   [&](int platform) {
                     return std::find(platforms.begin(), platforms.end(),
                                      platform) != platforms.end();
                   })) {
    return false;
  }
  if (filters.source() != statistics::v2::SOURCE_UNSPECIFIED &&
      filters.source() != message.source) {
    return false;
  }
  if (!filters.campaign().empty() &&
      filters.campaign() != strings_[message.campaign]) {
    return false;
  }
  if (filters.has_date_range()) {
    // ISO dates compare correctly as strings.
    const std::string created = DateOf(FromTicks(message.created_at));
    const auto& range = filters.date_range();
    if (!range.date_from().empty() && created < range.date_from()) {
      return false;
    }
    if (!range.date_to().empty() && created > range.date_to()) return false;
  }
  return true;
}

FakeMessage FakeMessageStore::Create(NewMessage message) {
  const Clock::TimePoint now = clock_->Now();
  std::lock_guard lock(mutex_);
  Stored stored;
  stored.code = NextCode();
  stored.account = Intern(std::move(message.account));
  stored.application = Intern(std::move(message.application));
  stored.campaign = Intern(std::move(message.campaign));
  stored.platforms = InternPlatforms(std::move(message.platforms));
  stored.source = statistics::v2::API;
  stored.created_at = now.time_since_epoch().count();
  stored.send_at =
      std::max(now, message.send_at.value_or(now)).time_since_epoch().count();
  stored.canceled_at = kNever;
  by_code_.emplace(stored.code, static_cast<std::uint32_t>(messages_.size()));
  messages_.push_back(stored);
  return Expand(messages_.size() - 1);
}

FakeMessageStore::CancelResult FakeMessageStore::Cancel(
    std::string_view account, std::string_view code) {
  const Clock::TimePoint now = clock_->Now();
  const std::optional<Code> key = ToCode(code);
  if (!key.has_value()) return {CancelOutcome::kNotFound};
  std::lock_guard lock(mutex_);
  auto it = by_code_.find(*key);
  if (it == by_code_.end()) return {CancelOutcome::kNotFound};
  Stored& message = messages_[it->second];
  const MessageStatus status = StatusAt(message, now);
  // The owner check comes first: another account learns nothing about the
  // message's state.
  if (strings_[message.account] != account) {
    return {CancelOutcome::kOtherAccount, status};
  }
  if (!IsCancelable(status)) return {CancelOutcome::kNotCancelable, status};
  message.canceled_at = now.time_since_epoch().count();
  return {CancelOutcome::kCanceled, status};
}

FakeMessageStore::ListResult FakeMessageStore::List(
    const ListQuery& query) const {
  const Clock::TimePoint now = clock_->Now();
  const int page = std::max(query.page, 1);
  const int per_page = std::max(query.per_page, 1);
  const std::int64_t skip = static_cast<std::int64_t>(page - 1) * per_page;

  ListResult result;
  std::lock_guard lock(mutex_);
  const std::optional<std::uint32_t> account = FindString(query.account);
  const std::optional<std::uint32_t> application =
      FindString(query.filters->application());
  if (!account.has_value() || !application.has_value()) return result;
  for (std::size_t index = 0; index < messages_.size(); ++index) {
    const Stored& message = messages_[index];
    if (message.account != *account ||
        !Matches(index, *query.filters, *application)) {
      continue;
    }
    const std::int64_t position = result.total++;
    if (position >= skip &&
        result.items.size() < static_cast<std::size_t>(per_page)) {
      result.items.push_back({Expand(index), StatusAt(message, now)});
    }
  }
  return result;
}

std::optional<FakeMessage> FakeMessageStore::Find(std::string_view code) const {
  const std::optional<Code> key = ToCode(code);
  if (!key.has_value()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = by_code_.find(*key);
  if (it == by_code_.end()) return std::nullopt;
  return Expand(it->second);
}

MessageStatus FakeMessageStore::StatusOf(std::string_view code) const {
  const Clock::TimePoint now = clock_->Now();
  const std::optional<Code> key = ToCode(code);
  if (!key.has_value()) return MessageStatus::kUnknown;
  std::lock_guard lock(mutex_);
  auto it = by_code_.find(*key);
  if (it == by_code_.end()) return MessageStatus::kUnknown;
  return StatusAt(messages_[it->second], now);
}

std::size_t FakeMessageStore::size() const {
  std::lock_guard lock(mutex_);
  return messages_.size();
}

MessageStatus FakeMessageStore::StatusAt(const Stored& message,
                                         Clock::TimePoint now) const {
  if (message.canceled_at != kNever) return MessageStatus::kCanceled;
  const Clock::TimePoint send_at = FromTicks(message.send_at);
  if (now < send_at) return MessageStatus::kWaiting;
  const auto elapsed = now - send_at;
  if (elapsed < lifecycle_.pending_duration) return MessageStatus::kPending;
  if (elapsed < lifecycle_.pending_duration + lifecycle_.processing_duration) {
    return MessageStatus::kProcessing;
  }
  return MessageStatus::kDone;
}

}  // namespace pushwoosh::messaging::testing
