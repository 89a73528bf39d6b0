// Runs one call per message code with bounded concurrency, printing one
// outcome line per code as it completes, and progress on a terminal.
#ifndef PUSHWOOSH_TOOLS_PWMSG_PER_CODE_H_
#define PUSHWOOSH_TOOLS_PWMSG_PER_CODE_H_

#include <functional>
#include <istream>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/common/flags.h"
#include "tools/pwmsg/cli_context.h"
#include "tools/pwmsg/exit_codes.h"
#include "tools/pwmsg/progress.h"

namespace pushwoosh::tools {

struct CodeOutcome {
  absl::Status status;
  std::string human;  // On success: "canceled", "waiting", ...
  std::string json;   // On success: the response in REST JSON.
};

using PerCodeCall = std::function<CodeOutcome(const std::string& code)>;

// The codes named by `args`, where "-" stands for stdin's lines (blank lines
// skipped, whitespace trimmed). Fails when there are none.
absl::StatusOr<std::vector<std::string>> ReadCodes(
    const std::vector<std::string>& args, std::istream& in);

// What every per-code command takes: the codes (see ReadCodes) and
// --concurrency (default 16, at most 1024).
struct PerCodeArgs {
  std::vector<std::string> codes;
  int concurrency = 16;
};
absl::StatusOr<PerCodeArgs> ReadPerCodeArgs(const ParsedFlags& flags,
                                            std::istream& in);

// Prints each code's outcome as it arrives, from any thread. One code: its
// outcome plainly ("{}" or the error envelope in JSON). Many: one line per
// code ("CODE: outcome", or JSON Lines with "message_code" and "response"
// or "error"), with progress on a terminal.
class OutcomePrinter {
 public:
  OutcomePrinter(CliContext& context, std::size_t total, std::string_view verb);

  void Print(const std::string& code, const CodeOutcome& outcome);
  // Ends the progress line; the exit status of everything printed.
  ExitCode Finish();

 private:
  CliContext& context_;
  const bool many_;
  std::mutex mutex_;  // Guards the output, progress and exit code.
  ExitCodeCombiner exit_code_;
  Progress progress_;
};

// Runs `call` for each code on up to `concurrency` threads, printing as
// OutcomePrinter does. Returns the combined status.
ExitCode RunPerCode(CliContext& context, const std::vector<std::string>& codes,
                    int concurrency, std::string_view verb,
                    const PerCodeCall& call);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_PER_CODE_H_
