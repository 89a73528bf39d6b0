// pwmsg's exit statuses: one per error kind a script handles differently.
#ifndef PUSHWOOSH_TOOLS_PWMSG_EXIT_CODES_H_
#define PUSHWOOSH_TOOLS_PWMSG_EXIT_CODES_H_

#include <optional>

#include "absl/status/status.h"

namespace pushwoosh::tools {

enum ExitCode : int {
  kExitOk = 0,
  kExitOther = 1,             // Any other error, or mixed failures.
  kExitUsage = 2,             // Bad flags or arguments, no token.
  kExitNotFound = 3,          // Message (or resource) not found.
  kExitNotCancelable = 4,     // No longer pending, waiting or processing.
  kExitPermissionDenied = 5,  // Another account's message.
  kExitUnauthenticated = 6,   // Missing or wrong API token.
  kExitInvalidRequest = 7,    // Refused as invalid (by us or the server).
  kExitTransient = 8,         // Unavailable, deadline, rate limit, internal.
};

// The exit status for the outcome of one call.
ExitCode ExitCodeFor(const absl::Status& status);

// Folds the outcomes of many calls: 0 when all succeeded; the common status
// when every failure had the same one; kExitOther when failures differ.
class ExitCodeCombiner {
 public:
  void Add(ExitCode code);
  ExitCode result() const;

 private:
  std::optional<ExitCode> first_failure_;
  bool mixed_ = false;
};

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_EXIT_CODES_H_
