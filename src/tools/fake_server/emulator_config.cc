#include "tools/fake_server/emulator_config.h"

#include <array>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/metadata.h"
#include "tools/common/flags.h"

namespace pushwoosh::tools {
namespace {

constexpr std::array<FlagSpec, 6> kFlags = {{
    {"listen", true, false},
    {"token", true, true},
    {"pending-ms", true, false},
    {"processing-ms", true, false},
    {"seed", true, false},
    {"help", false, false},
}};

absl::Status CheckListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  int port = -1;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &port) || port < 0 ||
      port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--listen wants HOST:PORT with a port from 0 to 65535, got \"", listen,
        "\""));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::chrono::milliseconds> Milliseconds(
    const std::string& flag, const std::string& value) {
  std::int64_t ms = -1;
  if (!absl::SimpleAtoi(value, &ms) || ms < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, " wants a whole number of milliseconds >= 0, got \"", value,
        "\""));
  }
  return std::chrono::milliseconds(ms);
}

}  // namespace

absl::StatusOr<EmulatorConfig> ParseEmulatorArgs(
    std::span<const std::string> args) {
  auto flags = ParseFlags(args, kFlags);
  if (!flags.ok()) return flags.status();
  EmulatorConfig config;
  config.help = flags->Has("help");
  if (!flags->positional().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unexpected argument \"", flags->positional().front(), "\""));
  }
  if (auto listen = flags->Get("listen")) config.listen = *listen;
  if (auto s = CheckListen(config.listen); !s.ok()) return s;

  for (const std::string& entry : flags->GetAll("token")) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || equals == 0 ||
        equals + 1 == entry.size()) {
      return absl::InvalidArgumentError(
          "--token wants TOKEN=ACCOUNT, both non-empty");
    }
    const std::string token = entry.substr(0, equals);
    if (!messaging::internal::ValidateApiToken(token).ok()) {
      return absl::InvalidArgumentError(
          "--token: the token must be printable ASCII without spaces");
    }
    config.accounts[token] = entry.substr(equals + 1);
  }
  if (auto value = flags->Get("pending-ms")) {
    auto ms = Milliseconds("pending-ms", *value);
    if (!ms.ok()) return ms.status();
    config.pending = *ms;
  }
  if (auto value = flags->Get("processing-ms")) {
    auto ms = Milliseconds("processing-ms", *value);
    if (!ms.ok()) return ms.status();
    config.processing = *ms;
  }
  if (auto value = flags->Get("seed")) {
    if (!absl::SimpleAtoi(*value, &config.seed)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--seed wants a whole number, got \"", *value, "\""));
    }
  }
  return config;
}

}  // namespace pushwoosh::tools
