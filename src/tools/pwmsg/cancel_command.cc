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
  // One CancelMany: a bounded window of asynchronous calls, no thread per
  // call; each outcome is printed as it completes.
  OutcomePrinter printer(context, args->codes.size(), "cancel");
  messaging::CancelManyOptions options;
  options.max_in_flight = args->concurrency;
  options.call = call;
  options.on_result =
      [&](std::size_t index,
          const absl::StatusOr<messaging::CancelResult>& result) {
        CodeOutcome outcome;
        outcome.status = result.status();
        outcome.human = result.ok() && result->confirmed_by_status_check
                            ? "canceled (reply lost; confirmed by status)"
                            : "canceled";
        outcome.json = ResponseJson(messaging::v2::CancelResponse());
        printer.Print(args->codes[index], outcome);
      };
  auto run = context.client.CancelMany(args->codes, options);
  if (!run.ok()) {
    *context.err << "pwmsg cancel: " << run.status().message() << "\n";
    return kExitUsage;
  }
  return printer.Finish();
}

}  // namespace pushwoosh::tools
