#include "absl/strings/numbers.h"
#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"
#include "tools/pwmsg/per_code.h"

namespace pushwoosh::tools {

absl::StatusOr<int> ConcurrencyFlag(const ParsedFlags& flags) {
  int concurrency = 16;
  if (auto text = flags.Get("concurrency")) {
    if (!absl::SimpleAtoi(*text, &concurrency) || concurrency < 1 ||
        concurrency > 1024) {
      return absl::InvalidArgumentError(
          "--concurrency wants a whole number from 1 to 1024");
    }
  }
  return concurrency;
}

ExitCode RunCancel(CliContext& context, const ParsedFlags& flags) {
  auto concurrency = ConcurrencyFlag(flags);
  auto codes = ReadCodes(flags.positional(), *context.in);
  if (!concurrency.ok() || !codes.ok()) {
    *context.err
        << "pwmsg cancel: "
        << (concurrency.ok() ? codes.status() : concurrency.status()).message()
        << "\n";
    return kExitUsage;
  }
  // With an application, a Cancel whose reply was lost can be confirmed.
  messaging::CallOptions call = context.call;
  call.application = flags.Get("application").value_or("");
  return RunPerCode(
      context, *codes, *concurrency, "cancel", [&](const std::string& code) {
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
