#include "tools/pwmsg/global_options.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "tools/pwmsg/attempt_log.h"

namespace pushwoosh::tools {
namespace {

absl::StatusOr<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token-file: cannot read ", path));
  }
  std::stringstream contents;
  contents << file.rdbuf();
  // A trailing newline is how editors save files, not part of the token.
  return std::string(absl::StripAsciiWhitespace(contents.str()));
}

}  // namespace

absl::StatusOr<GlobalOptions> ReadGlobalOptions(const ParsedFlags& flags,
                                                const Environment& env) {
  if (flags.Has("token")) {
    return absl::InvalidArgumentError(
        "refusing --token: a token on the command line shows in the process "
        "list; set PUSHWOOSH_API_TOKEN or pass --token-file FILE");
  }
  GlobalOptions options;
  options.json = flags.Has("json");
  if (flags.Has("verbose")) options.client.logger = StderrAttemptLogger();
  options.client.plaintext = flags.Has("plaintext");
  options.client.trusted_sidecar = flags.Has("trusted-sidecar");
  options.client.tls.ca_file = flags.Get("ca-file").value_or("");
  options.client.tls.client_cert_file = flags.Get("cert-file").value_or("");
  options.client.tls.client_key_file = flags.Get("key-file").value_or("");
  options.client.tls.server_name = flags.Get("server-name").value_or("");
  options.client.target =
      flags.Get("target").value_or(env.target.value_or(kDefaultTarget));

  if (auto path = flags.Get("token-file")) {
    auto token = ReadTokenFile(*path);
    if (!token.ok()) return token.status();
    options.client.api_token = *std::move(token);
  } else if (env.api_token.has_value()) {
    options.client.api_token = *env.api_token;
  }
  if (options.client.api_token.empty()) {
    return absl::InvalidArgumentError(
        "no API token: set PUSHWOOSH_API_TOKEN or pass --token-file FILE");
  }

  if (auto text = flags.Get("timeout")) {
    absl::Duration timeout;
    if (!absl::ParseDuration(*text, &timeout) ||
        timeout <= absl::ZeroDuration()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--timeout wants a positive duration such as 500ms or 10s, got \"",
          *text, "\""));
    }
    options.timeout =
        std::chrono::milliseconds(absl::ToInt64Milliseconds(timeout));
  }
  options.client.default_timeout = options.timeout;
  return options;
}

}  // namespace pushwoosh::tools
