// What the client's own calls return beyond the generated responses.
#ifndef PUSHWOOSH_MESSAGING_CALL_RESULTS_H_
#define PUSHWOOSH_MESSAGING_CALL_RESULTS_H_

#include <string>

#include "pushwoosh/messaging/message_status.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// What GetMessageStatus found.
struct MessageStatusInfo {
  MessageStatus status = MessageStatus::kUnknown;
  // The status string as the backend sent it (kept when status is kUnknown).
  std::string raw_status;
  statistics::v2::Message message;
};

struct CancelResult {
  // An earlier attempt may have canceled the message although its reply
  // was an error, a later attempt heard "not cancelable", and the status,
  // read afterwards, was canceled: the Cancel did succeed.
  bool confirmed_by_status_check = false;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_CALL_RESULTS_H_
