#include "pushwoosh/messaging/internal/status_lookup.h"

#include <string>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/error_payloads.h"
#include "pushwoosh/messaging/internal/retry_loop.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging::internal {
namespace {

absl::Status MessageNotFound(std::string_view application,
                             std::string_view message_code) {
  absl::Status status(
      absl::StatusCode::kNotFound,
      absl::StrCat("message not found: application ", AsAbsl(application),
                   " lists no message ", AsAbsl(message_code)));
  status.SetPayload(
      kKindPayloadUrl,
      absl::Cord(AsAbsl(ErrorKindName(ErrorKind::kMessageNotFound))));
  return Classify(Rpc::kListMessages, std::move(status));
}

}  // namespace

absl::StatusOr<statistics::v2::ListMessagesRequest> StatusLookupRequest(
    std::string_view application, std::string_view message_code) {
  if (auto s = ValidateApplication(application); !s.ok()) return s;
  if (auto s = ValidateMessageCode(message_code); !s.ok()) return s;
  statistics::v2::ListMessagesRequest request;
  request.mutable_filters()->set_application(std::string(application));
  request.mutable_filters()->add_messages_codes(std::string(message_code));
  return request;
}

absl::StatusOr<MessageStatusInfo> FindMessageStatus(
    std::string_view application, std::string_view message_code,
    absl::StatusOr<statistics::v2::ListMessagesResponse> response) {
  if (!response.ok()) return response.status();
  for (statistics::v2::Message& message : *response->mutable_items()) {
    // Trust only an exact match, whatever else the backend returned.
    if (message.code() != message_code) continue;
    MessageStatusInfo info;
    info.status = ParseMessageStatus(message.status());
    info.raw_status = message.status();
    info.message = std::move(message);
    return info;
  }
  return MessageNotFound(application, message_code);
}

bool NeedsStatusCheck(const absl::Status& cancel_status,
                      std::string_view application) {
  return ErrorKindOf(cancel_status) == ErrorKind::kNotCancelable &&
         MayHaveBeenApplied(cancel_status) && !application.empty();
}

absl::StatusOr<CancelResult> ConfirmCancel(
    absl::Status cancel_status, const absl::StatusOr<MessageStatusInfo>& info) {
  if (info.ok() && info->status == MessageStatus::kCanceled) {
    return CancelResult{.confirmed_by_status_check = true};
  }
  return cancel_status;
}

}  // namespace pushwoosh::messaging::internal
