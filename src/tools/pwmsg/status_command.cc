#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"
#include "tools/pwmsg/per_code.h"

namespace pushwoosh::tools {

ExitCode RunStatus(CliContext& context, const ParsedFlags& flags) {
  const auto application = flags.Get("application");
  auto concurrency = ConcurrencyFlag(flags);
  auto codes = ReadCodes(flags.positional(), *context.in);
  if (!application.has_value()) {
    *context.err << "pwmsg status: --application is required\n";
    return kExitUsage;
  }
  if (!concurrency.ok() || !codes.ok()) {
    *context.err
        << "pwmsg status: "
        << (concurrency.ok() ? codes.status() : concurrency.status()).message()
        << "\n";
    return kExitUsage;
  }
  return RunPerCode(
      context, *codes, *concurrency, "status", [&](const std::string& code) {
        CodeOutcome outcome;
        auto info =
            context.client.GetMessageStatus(*application, code, context.call);
        outcome.status = info.status();
        if (info.ok()) {
          outcome.human = info->raw_status;
          outcome.json = ResponseJson(info->message);
        }
        return outcome;
      });
}

}  // namespace pushwoosh::tools
