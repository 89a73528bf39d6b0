// Looking a message's status up through messages:list, and what that
// status proves about a Cancel whose reply was lost: shared by the
// synchronous and the asynchronous calls.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_STATUS_LOOKUP_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_STATUS_LOOKUP_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/call_results.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging::internal {

// The messages:list request for one message; validates both arguments.
absl::StatusOr<statistics::v2::ListMessagesRequest> StatusLookupRequest(
    std::string_view application, std::string_view message_code);

// The status of `message_code` in a (classified) messages:list reply;
// kMessageNotFound when the reply lists no message with exactly that code.
absl::StatusOr<MessageStatusInfo> FindMessageStatus(
    std::string_view application, std::string_view message_code,
    absl::StatusOr<statistics::v2::ListMessagesResponse> response);

// Whether a failed Cancel's outcome depends on the message's status: it
// heard "not cancelable" after an attempt that may have landed, and an
// application to look the status up with is known.
bool NeedsStatusCheck(const absl::Status& cancel_status,
                      std::string_view application);

// The Cancel's result once the status was read: success when the message
// is canceled, the Cancel's own error otherwise.
absl::StatusOr<CancelResult> ConfirmCancel(
    absl::Status cancel_status, const absl::StatusOr<MessageStatusInfo>& info);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_STATUS_LOOKUP_H_
