#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"
#include "tools/pwmsg/per_code.h"

namespace pushwoosh::tools {

ExitCode RunCancel(CliContext& context, const ParsedFlags& flags) {
  auto args = ReadPerCodeArgs(flags, *context.in);
  if (!args.ok()) {
    *context.err << "pwmsg cancel: " << args.status().message() << "\n";
    return kExitUsage;
  }
  // With an application, a Cancel whose reply was lost can be confirmed.
  messaging::CallOptions call = context.call;
  call.application = flags.Get("application").value_or("");
  return RunPerCode(
      context, args->codes, args->concurrency, "cancel",
      [&](const std::string& code) {
        CodeOutcome outcome;
        auto result = context.client.Cancel(code, call);
        outcome.status = result.status();
        outcome.human = result.ok() && result->confirmed_by_status_check
                            ? "canceled (reply lost; confirmed by status)"
                            : "canceled";
        outcome.json = ResponseJson(messaging::v2::CancelResponse());
        return outcome;
      });
}

}  // namespace pushwoosh::tools
