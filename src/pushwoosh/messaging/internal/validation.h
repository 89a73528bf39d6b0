// Client-side checks that run before anything is sent: a request the
// backend would refuse fails here with kInvalidRequest and a BadRequest
// detail naming the field.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_VALIDATION_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_VALIDATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging::internal {

inline constexpr std::size_t kMaxMessageCodeBytes = 128;
inline constexpr int kMaxPerPage = 1000;

// An INVALID_ARGUMENT status classified kInvalidRequest, carrying a
// google.rpc.Status with a BadRequest of `violations`.
absl::Status InvalidRequestError(std::string_view message,
                                 std::vector<FieldViolation> violations);

absl::Status ValidateMessageCode(std::string_view code,
                                 std::string_view field = "message_code");
absl::Status ValidateApplication(std::string_view application,
                                 std::string_view field = "application");
absl::Status ValidateCancelRequest(const v2::CancelRequest& request);
absl::Status ValidateNotifyRequest(const v2::NotifyRequest& request);
absl::Status ValidateListMessagesRequest(
    const statistics::v2::ListMessagesRequest& request);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_VALIDATION_H_
