// The lifecycle status of a message, as messages:list reports it.
#ifndef PUSHWOOSH_MESSAGING_MESSAGE_STATUS_H_
#define PUSHWOOSH_MESSAGING_MESSAGE_STATUS_H_

#include <string_view>

namespace pushwoosh::messaging {

enum class MessageStatus {
  // A value this library does not know (new on the backend, or garbled).
  // Never an error: the raw string stays available to the caller.
  kUnknown,
  kCreating,
  kPending,     // Created, not picked up yet.
  kWaiting,     // Scheduled for a future time.
  kProcessing,  // Being prepared for delivery.
  kDone,
  kFailed,
  kCanceled,
};

// Parses a status as the backend spells it, in any casing ("pending",
// "PENDING"); "cancelled" is read as kCanceled. Anything else is kUnknown.
MessageStatus ParseMessageStatus(std::string_view text);

// Lower-case name: "pending", "canceled", "unknown", ...
std::string_view MessageStatusName(MessageStatus status);

// Cancel can succeed only while a message is pending, waiting or processing.
constexpr bool IsCancelable(MessageStatus status) {
  return status == MessageStatus::kPending ||
         status == MessageStatus::kWaiting ||
         status == MessageStatus::kProcessing;
}

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_MESSAGE_STATUS_H_
