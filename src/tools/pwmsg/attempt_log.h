// pwmsg --verbose: one stderr line per attempt of every call, through the
// client's logging hook.
#ifndef PUSHWOOSH_TOOLS_PWMSG_ATTEMPT_LOG_H_
#define PUSHWOOSH_TOOLS_PWMSG_ATTEMPT_LOG_H_

#include <string>

#include "pushwoosh/messaging/observability.h"

namespace pushwoosh::tools {

// "pwmsg: Cancel attempt 1: UNAVAILABLE in 2.104ms, request_id=..., retry
// in 93ms: <message>"
std::string FormatAttempt(const messaging::AttemptRecord& record);

// Writes FormatAttempt() lines to stderr, whole lines even from many
// threads.
messaging::CallLogger StderrAttemptLogger();

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_ATTEMPT_LOG_H_
