// pwmsg's global flags and environment: where to connect, with which token.
#ifndef PUSHWOOSH_TOOLS_PWMSG_GLOBAL_OPTIONS_H_
#define PUSHWOOSH_TOOLS_PWMSG_GLOBAL_OPTIONS_H_

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"
#include "tools/common/flags.h"

namespace pushwoosh::tools {

inline constexpr char kDefaultTarget[] = "api.pushwoosh.com:443";

// "token" is listed only so that it can be refused with a clear message.
inline constexpr std::array<FlagSpec, 14> kGlobalFlags = {{
    {"target", true, false},
    {"plaintext", false, false},
    {"trusted-sidecar", false, false},
    {"ca-file", true, false},
    {"cert-file", true, false},
    {"key-file", true, false},
    {"server-name", true, false},
    {"token-file", true, false},
    {"token", true, false},
    {"timeout", true, false},
    {"json", false, false},
    {"verbose", false, false},
    {"help", false, false},
    {"version", false, false},
}};

// What the environment holds (the caller reads it; tests pass their own).
struct Environment {
  std::optional<std::string> api_token;  // PUSHWOOSH_API_TOKEN
  std::optional<std::string> target;     // PUSHWOOSH_GRPC_TARGET
};

struct GlobalOptions {
  messaging::ClientOptions client;
  std::chrono::milliseconds timeout = messaging::kDefaultTimeout;
  bool json = false;
};

// Refuses --token, reads the token from --token-file or the environment,
// and checks --timeout ("500ms", "10s", "1m").
absl::StatusOr<GlobalOptions> ReadGlobalOptions(const ParsedFlags& flags,
                                                const Environment& env);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_GLOBAL_OPTIONS_H_
