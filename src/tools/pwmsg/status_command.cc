#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"
#include "tools/pwmsg/per_code.h"

namespace pushwoosh::tools {

ExitCode RunStatus(CliContext& context, const ParsedFlags& flags) {
  const auto application = flags.Get("application");
  if (!application.has_value()) {
    *context.err << "pwmsg status: --application is required\n";
    return kExitUsage;
  }
  auto args = ReadPerCodeArgs(flags, *context.in);
  if (!args.ok()) {
    *context.err << "pwmsg status: " << args.status().message() << "\n";
    return kExitUsage;
  }
  return RunPerCode(context, args->codes, args->concurrency, "status",
                    [&](const std::string& code) {
                      CodeOutcome outcome;
                      auto info = context.client.GetMessageStatus(
                          *application, code, context.call);
                      outcome.status = info.status();
                      if (info.ok()) {
                        outcome.human = info->raw_status;
                        outcome.json = ResponseJson(info->message);
                      }
                      return outcome;
                    });
}

}  // namespace pushwoosh::tools
