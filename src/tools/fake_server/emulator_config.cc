#include "tools/fake_server/emulator_config.h"

#include <array>
#include <optional>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "pushwoosh/messaging/internal/metadata.h"
#include "tools/common/flags.h"

namespace pushwoosh::tools {
namespace {

constexpr std::array<FlagSpec, 10> kFlags = {{
    {"tls-cert", true, false},
    {"tls-key", true, false},
    {"client-ca", true, false},
    {"fault", true, true},
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

absl::Status BadFault(const std::string& spec, const std::string& why) {
  return absl::InvalidArgumentError(
      absl::StrCat("--fault \"", spec, "\": ", why));
}

std::optional<grpc::StatusCode> ParseCode(const std::string& text) {
  int number = -1;
  if (absl::SimpleAtoi(text, &number)) {
    if (number < 0 || number > 16) return std::nullopt;
    return static_cast<grpc::StatusCode>(number);
  }
  for (int code = 0; code <= 16; ++code) {
    if (absl::EqualsIgnoreCase(
            text,
            absl::StatusCodeToString(static_cast<absl::StatusCode>(code)))) {
      return static_cast<grpc::StatusCode>(code);
    }
  }
  return std::nullopt;
}

absl::StatusOr<messaging::testing::FakeFault> ParseFault(
    const std::string& spec) {
  messaging::testing::FakeFault fault;
  const auto colon = spec.find(':');
  if (colon == std::string::npos) {
    return BadFault(spec, "expected METHOD:CODE[,OPTION]...");
  }
  const std::string method = spec.substr(0, colon);
  if (method != "*" && method != "Notify" && method != "Cancel" &&
      method != "ListMessages") {
    return BadFault(spec, "METHOD is Notify, Cancel, ListMessages or *");
  }
  fault.method = method == "*" ? "" : method;
  std::vector<std::string> parts = absl::StrSplit(spec.substr(colon + 1), ',');
  const auto code = ParseCode(parts[0]);
  if (!code.has_value()) return BadFault(spec, "unknown gRPC code");
  fault.code = *code;
  fault.latency_only = *code == grpc::StatusCode::OK;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& option = parts[i];
    const auto equals = option.find('=');
    const std::string name = option.substr(0, equals);
    const std::string value =
        equals == std::string::npos ? "" : option.substr(equals + 1);
    std::int64_t number = 0;
    double fraction = 0;
    if (name == "apply-then-fail" && equals == std::string::npos) {
      fault.apply_then_fail = true;
    } else if (name == "drop-connection" && equals == std::string::npos) {
      fault.drop_connection = true;
    } else if (name == "count" && absl::SimpleAtoi(value, &number) &&
               (number == -1 || number > 0)) {
      fault.count = static_cast<int>(number);
    } else if (name == "fraction" && absl::SimpleAtod(value, &fraction) &&
               fraction > 0 && fraction <= 1) {
      fault.fraction = fraction;
    } else if (name == "latency-ms" && absl::SimpleAtoi(value, &number) &&
               number >= 0) {
      fault.latency = std::chrono::milliseconds(number);
    } else if (name == "retry-delay-ms" && absl::SimpleAtoi(value, &number) &&
               number >= 0) {
      fault.retry_delay = std::chrono::milliseconds(number);
    } else if (name == "message" && equals != std::string::npos &&
               !value.empty()) {
      fault.message = value;
    } else {
      return BadFault(spec, absl::StrCat("bad option \"", option, "\""));
    }
  }
  if (fault.latency_only && (fault.apply_then_fail || fault.drop_connection)) {
    return BadFault(spec,
                    "apply-then-fail and drop-connection need an error "
                    "code (used when no connection can be dropped)");
  }
  return fault;
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
  config.tls.cert_file = flags->Get("tls-cert").value_or("");
  config.tls.key_file = flags->Get("tls-key").value_or("");
  config.tls.client_ca_file = flags->Get("client-ca").value_or("");
  if (config.tls.cert_file.empty() != config.tls.key_file.empty()) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key go together");
  }
  if (!config.tls.client_ca_file.empty() && config.tls.cert_file.empty()) {
    return absl::InvalidArgumentError(
        "--client-ca needs --tls-cert and --tls-key");
  }
  for (const std::string& spec : flags->GetAll("fault")) {
    auto fault = ParseFault(spec);
    if (!fault.ok()) return fault.status();
    config.faults.push_back(*std::move(fault));
  }
  return config;
}

}  // namespace pushwoosh::tools
