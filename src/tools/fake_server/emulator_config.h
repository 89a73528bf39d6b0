// pwmsg-fake-server's command line, parsed and checked before anything
// starts.
#ifndef PUSHWOOSH_TOOLS_FAKE_SERVER_EMULATOR_CONFIG_H_
#define PUSHWOOSH_TOOLS_FAKE_SERVER_EMULATOR_CONFIG_H_

#include <chrono>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pushwoosh/messaging/testing/fake_server_tls.h"
#include "pushwoosh/messaging/testing/fault_injector.h"

namespace pushwoosh::tools {

struct EmulatorConfig {
  std::string listen = "127.0.0.1:50051";
  // API token → account.
  std::map<std::string, std::string> accounts;
  // Long enough for a person to watch a message change state.
  std::chrono::milliseconds pending{10'000};
  std::chrono::milliseconds processing{10'000};
  std::uint64_t seed = 1;
  std::vector<messaging::testing::FakeFault> faults;
  // TLS when cert_file is set; mTLS when client_ca_file is set too.
  messaging::testing::FakeServerTlsFiles tls;
  bool help = false;
};

inline constexpr char kEmulatorUsage[] =
    R"(usage: pwmsg-fake-server [flags]

An in-memory Pushwoosh Messaging v2 + Statistics v2 backend over gRPC
(plaintext, or TLS with --tls-cert), with the documented Cancel rules and
error details. Serves grpc.health.v1 and server reflection too.

  --listen HOST:PORT      where to serve (default 127.0.0.1:50051; port 0
                          picks a free port). Prints "listening on HOST:PORT"
                          on stdout once serving.
  --token TOKEN=ACCOUNT   an API token and the account it acts for
                          (repeatable). Without any, one demo token is
                          created and shown on stderr.
  --pending-ms N          how long a message stays pending (default 10000)
  --processing-ms N       how long it stays processing (default 10000)
  --seed N                seed of the message codes and of fault fractions
                          (default 1)
  --fault SPEC            answer matching calls with an injected fault
                          (repeatable). SPEC is METHOD:CODE[,OPTION]...
                          METHOD: Notify, Cancel, ListMessages or *;
                          CODE: a gRPC code name (UNAVAILABLE, INTERNAL, ...)
                          or number, or OK to only add latency; OPTIONS:
                          count=N (default 1; -1: every call), fraction=F,
                          latency-ms=N, retry-delay-ms=N, message=TEXT (no
                          commas), apply-then-fail,
                          drop-connection (reset every client connection
                          instead of replying).
                          Example: --fault Cancel:UNAVAILABLE,count=2
  --tls-cert FILE         serve TLS with this certificate chain (PEM) ...
  --tls-key FILE          ... and its private key (PEM)
  --client-ca FILE        require client certificates signed by this CA
                          (mTLS). scripts/make-test-certs.sh makes a set.
  --help                  this text

One line per call goes to stderr (method, account, code, latency); tokens
never do. SIGINT or SIGTERM stops it cleanly (exit 0); bad flags exit 2.
)";

absl::StatusOr<EmulatorConfig> ParseEmulatorArgs(
    std::span<const std::string> args);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_FAKE_SERVER_EMULATOR_CONFIG_H_
