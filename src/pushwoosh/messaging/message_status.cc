#include "pushwoosh/messaging/message_status.h"

#include <array>
#include <utility>

#include "absl/strings/match.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"

namespace pushwoosh::messaging {
namespace {

constexpr std::array<std::pair<std::string_view, MessageStatus>, 8> kNames{{
    {"creating", MessageStatus::kCreating},
    {"pending", MessageStatus::kPending},
    {"waiting", MessageStatus::kWaiting},
    {"processing", MessageStatus::kProcessing},
    {"done", MessageStatus::kDone},
    {"failed", MessageStatus::kFailed},
    {"canceled", MessageStatus::kCanceled},
    {"unknown", MessageStatus::kUnknown},
}};

}  // namespace

MessageStatus ParseMessageStatus(std::string_view text) {
  const absl::string_view view = internal::AsAbsl(text);
  for (const auto& [name, status] : kNames) {
    if (absl::EqualsIgnoreCase(view, internal::AsAbsl(name))) {
      return status;
    }
  }
  // The Control Panel spells both "FAIL" and "CANCELLED" in places.
  if (absl::EqualsIgnoreCase(view, "fail")) return MessageStatus::kFailed;
  if (absl::EqualsIgnoreCase(view, "cancelled")) {
    return MessageStatus::kCanceled;
  }
  return MessageStatus::kUnknown;
}

std::string_view MessageStatusName(MessageStatus status) {
  for (const auto& [name, s] : kNames) {
    if (s == status) return name;
  }
  return "unknown";
}

}  // namespace pushwoosh::messaging
