// pwmsg: the Pushwoosh Messaging v2 command-line client.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/version.h"
#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/global_options.h"
#include "tools/pwmsg/json_output.h"

namespace pushwoosh::tools {
namespace {

constexpr char kUsage[] = R"(usage: pwmsg [global flags] COMMAND [flags] [args]

Commands:
  cancel CODE... | -          cancel messages (- reads codes from stdin, one
                              per line); --concurrency N calls at once (16);
                              --application APP lets a cancel whose reply was
                              lost be confirmed through its status
  status --application APP CODE... | -
                              the status of messages (via messages:list)
  list --application APP      list messages: --code C, --platform P (both
                              repeatable), --source S, --campaign C,
                              --date-from/--date-to YYYY-MM-DD, --page N,
                              --per-page N, --all (every page),
                              --with-details, --with-metrics
  notify --request FILE|-     send a NotifyRequest written in the REST JSON
                              shape of the public docs
  notify --application APP (--segment CODE | --users ID,...)
         --title T --body B [--at RFC3339] [--platform P]...

Global flags:
  --target HOST:PORT   backend (default api.pushwoosh.com:443, or
                       $PUSHWOOSH_GRPC_TARGET)
  --plaintext          no TLS (a local sidecar or pwmsg-fake-server); with a
                       token, only to this machine unless --trusted-sidecar
  --trusted-sidecar    the plaintext target is a sidecar that adds TLS
  --ca-file FILE       trust these root certificates (PEM) instead of the
                       system's
  --cert-file FILE     mTLS: client certificate chain (PEM) ...
  --key-file FILE      ... and its private key (PEM)
  --server-name NAME   the name the server's certificate must carry
  --token-file FILE    read the API token from FILE (default:
                       $PUSHWOOSH_API_TOKEN); --token is refused, since a
                       token on the command line shows in the process list
  --timeout DURATION   deadline of each call, e.g. 500ms, 10s (default 30s)
  --json               print responses in the REST JSON shape and failures
                       as {"code": N, "message": "...", "details": [...]}
  --verbose            log every attempt of every call on stderr (method,
                       outcome, latency, request id); GRPC_TRACE is
                       ignored, since gRPC's traces show the API token
  --help, --version

Exit status: 0 success, 1 other error (or failures of different kinds),
2 usage, 3 not found, 4 not cancelable, 5 permission denied,
6 unauthenticated, 7 invalid request, 8 transient (unavailable, deadline,
rate limited, internal: retrying may help).
)";

constexpr std::array<FlagSpec, 2> kCancelFlags = {
    {{"concurrency", true}, {"application", true}}};
constexpr std::array<FlagSpec, 2> kStatusFlags = {
    {{"application", true}, {"concurrency", true}}};
constexpr std::array<FlagSpec, 13> kListFlags = {{
    {"application", true},
    {"code", true, true},
    {"platform", true, true},
    {"source", true},
    {"campaign", true},
    {"date-from", true},
    {"date-to", true},
    {"page", true},
    {"per-page", true},
    {"all", false},
    {"with-details", false},
    {"with-metrics", false},
    {"concurrency", true},
}};
constexpr std::array<FlagSpec, 8> kNotifyFlags = {{
    {"request", true},
    {"application", true},
    {"segment", true},
    {"users", true},
    {"title", true},
    {"body", true},
    {"at", true},
    {"platform", true, true},
}};

constexpr std::array<Command, 4> kCommands = {{
    {"cancel", kCancelFlags, RunCancel},
    {"status", kStatusFlags, RunStatus},
    {"list", kListFlags, RunList},
    {"notify", kNotifyFlags, RunNotify},
}};

std::optional<std::string> GetEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// Where the command word is: the first argument that is neither a global
// flag nor the value of one.
std::size_t FindCommand(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) return i;
    const std::string name = arg.substr(2, arg.find('=') - 2);
    const bool takes_value = std::any_of(
        kGlobalFlags.begin(), kGlobalFlags.end(), [&](const FlagSpec& spec) {
          return spec.name == name && spec.takes_value;
        });
    if (takes_value && arg.find('=') == std::string::npos) ++i;
  }
  return args.size();
}

int Usage(const std::string& problem) {
  std::cerr << "pwmsg: " << problem << "\n(see pwmsg --help)\n";
  return kExitUsage;
}

}  // namespace

std::span<const Command> AllCommands() { return kCommands; }

ExitCode ReportError(CliContext& context, const absl::Status& status) {
  if (context.json) {
    *context.out << ErrorEnvelopeJson(status) << "\n";
  } else {
    *context.out << messaging::Error::From(status).ToString() << "\n";
  }
  return ExitCodeFor(status);
}

int Main(int argc, char** argv) {
  // Before gRPC starts and reads it: gRPC's traces print request headers,
  // the API token among them.
  if (std::getenv("GRPC_TRACE") != nullptr) {
    ::unsetenv("GRPC_TRACE");
    std::cerr << "pwmsg: ignoring GRPC_TRACE: gRPC's traces print request "
                 "headers, the API token among them (use --verbose)\n";
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::size_t command_index = FindCommand(args);
  const Command* command = nullptr;
  if (command_index < args.size()) {
    const std::string& word = args[command_index];
    for (const Command& candidate : kCommands) {
      if (candidate.name == word) command = &candidate;
    }
    if (command == nullptr) return Usage("unknown command \"" + word + "\"");
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(command_index));
  }

  std::vector<FlagSpec> specs(kGlobalFlags.begin(), kGlobalFlags.end());
  if (command != nullptr) {
    specs.insert(specs.end(), command->flags.begin(), command->flags.end());
  }
  auto flags = ParseFlags(args, specs);
  if (!flags.ok()) return Usage(std::string(flags.status().message()));
  if (flags->Has("help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (flags->Has("version")) {
    std::cout << "pwmsg " << messaging::kVersion << "\n";
    return kExitOk;
  }
  if (command == nullptr) return Usage("no command given");

  auto global = ReadGlobalOptions(
      *flags, {GetEnv("PUSHWOOSH_API_TOKEN"), GetEnv("PUSHWOOSH_GRPC_TARGET")});
  if (!global.ok()) return Usage(std::string(global.status().message()));
  auto client = messaging::MessagingClient::Create(global->client);
  if (!client.ok()) return Usage(std::string(client.status().message()));

  CliContext context{*std::move(client),
                     {},
                     global->json,
                     &std::cin,
                     &std::cout,
                     &std::cerr,
                     isatty(STDERR_FILENO) == 1};
  context.call.timeout = global->timeout;
  return command->run(context, *flags);
}

}  // namespace pushwoosh::tools

int main(int argc, char** argv) { return pushwoosh::tools::Main(argc, argv); }
