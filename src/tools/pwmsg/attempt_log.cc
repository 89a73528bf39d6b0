#include "tools/pwmsg/attempt_log.h"

#include <iostream>
#include <memory>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace pushwoosh::tools {

std::string FormatAttempt(const messaging::AttemptRecord& record) {
  const double ms =
      std::chrono::duration<double, std::milli>(record.latency).count();
  std::string line = absl::StrFormat(
      "pwmsg: %s attempt %d: %s in %.3fms, request_id=%s",
      absl::string_view(record.method.data(), record.method.size()),
      record.attempt,
      absl::string_view(record.outcome.data(), record.outcome.size()), ms,
      absl::string_view(record.request_id.data(), record.request_id.size()));
  if (!record.last) {
    absl::StrAppend(&line, ", retry in ", record.retry_delay.count(), "ms");
  }
  if (!record.message.empty()) {
    absl::StrAppend(
        &line, ": ",
        absl::string_view(record.message.data(), record.message.size()));
  }
  return line;
}

messaging::CallLogger StderrAttemptLogger() {
  auto mutex = std::make_shared<std::mutex>();
  return [mutex](const messaging::AttemptRecord& record) {
    const std::string line = FormatAttempt(record) + "\n";
    std::lock_guard lock(*mutex);
    std::cerr << line << std::flush;
  };
}

}  // namespace pushwoosh::tools
