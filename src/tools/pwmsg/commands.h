// pwmsg's commands: each parses its own flags and returns an exit status.
#ifndef PUSHWOOSH_TOOLS_PWMSG_COMMANDS_H_
#define PUSHWOOSH_TOOLS_PWMSG_COMMANDS_H_

#include <span>
#include <string_view>

#include "tools/common/flags.h"
#include "tools/pwmsg/cli_context.h"
#include "tools/pwmsg/exit_codes.h"

namespace pushwoosh::tools {

struct Command {
  std::string_view name;
  std::span<const FlagSpec> flags;
  ExitCode (*run)(CliContext& context, const ParsedFlags& flags);
};

// Every command, for dispatch and for the usage text.
std::span<const Command> AllCommands();

ExitCode RunCancel(CliContext& context, const ParsedFlags& flags);
ExitCode RunStatus(CliContext& context, const ParsedFlags& flags);
ExitCode RunList(CliContext& context, const ParsedFlags& flags);
ExitCode RunNotify(CliContext& context, const ParsedFlags& flags);

// Prints a failure that is not tied to a message code: the envelope with
// --json, the error's text otherwise.
ExitCode ReportError(CliContext& context, const absl::Status& status);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_COMMANDS_H_
