#include "tools/pwmsg/exit_codes.h"

#include "pushwoosh/messaging/error.h"

namespace pushwoosh::tools {

ExitCode ExitCodeFor(const absl::Status& status) {
  using messaging::ErrorKind;
  if (status.ok()) return kExitOk;
  switch (messaging::ErrorKindOf(status)) {
    case ErrorKind::kMessageNotFound:
    case ErrorKind::kNotFound:
      return kExitNotFound;
    case ErrorKind::kNotCancelable:
    case ErrorKind::kFailedPrecondition:
      return kExitNotCancelable;
    case ErrorKind::kPermissionDenied:
      return kExitPermissionDenied;
    case ErrorKind::kUnauthenticated:
      return kExitUnauthenticated;
    case ErrorKind::kInvalidRequest:
    case ErrorKind::kMessageTooLarge:
      return kExitInvalidRequest;
    case ErrorKind::kUnavailable:
    case ErrorKind::kDeadlineExceeded:
    case ErrorKind::kRateLimited:
    case ErrorKind::kInternal:
    case ErrorKind::kAborted:
      return kExitTransient;
    default:
      return kExitOther;
  }
}

void ExitCodeCombiner::Add(ExitCode code) {
  if (code == kExitOk) return;
  if (!first_failure_.has_value()) {
    first_failure_ = code;
  } else if (*first_failure_ != code) {
    mixed_ = true;
  }
}

ExitCode ExitCodeCombiner::result() const {
  if (!first_failure_.has_value()) return kExitOk;
  return mixed_ ? kExitOther : *first_failure_;
}

}  // namespace pushwoosh::tools
