// What every pwmsg command runs with.
#ifndef PUSHWOOSH_TOOLS_PWMSG_CLI_CONTEXT_H_
#define PUSHWOOSH_TOOLS_PWMSG_CLI_CONTEXT_H_

#include <istream>
#include <ostream>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::tools {

struct CliContext {
  messaging::MessagingClient client;
  messaging::CallOptions call;
  bool json = false;
  std::istream* in = nullptr;
  std::ostream* out = nullptr;  // Results.
  std::ostream* err = nullptr;  // Usage errors and progress.
  bool err_is_terminal = false;
};

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_CLI_CONTEXT_H_
