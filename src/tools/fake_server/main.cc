// pwmsg-fake-server: FakeMessagingServer as a standalone gRPC server, for
// local runs and for clients in any language.
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "tools/fake_server/emulator_config.h"

namespace {

namespace pt = ::pushwoosh::messaging::testing;

constexpr int kExitUsage = 2;

std::string RandomDemoToken() {
  std::random_device entropy;
  std::uniform_int_distribution<int> hex_digit(0, 15);
  std::string token = "demo-";
  for (int i = 0; i < 24; ++i) token += "0123456789abcdef"[hex_digit(entropy)];
  return token;
}

// One line per call, written with a single stdio call so that lines from
// concurrent calls never interleave. The account, never the token.
void LogCall(const pt::FakeCallRecord& call) {
  const std::string line = absl::StrFormat(
      "%s %s account=%s code=%s(%d) latency=%.3fms request_id=%s\n",
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                       absl::UTCTimeZone()),
      std::string(call.method),
      call.account.empty() ? "-" : std::string(call.account),
      absl::StatusCodeToString(static_cast<absl::StatusCode>(call.code)),
      static_cast<int>(call.code),
      std::chrono::duration<double, std::milli>(call.latency).count(),
      call.request_id.empty() ? "-" : std::string(call.request_id));
  std::fputs(line.c_str(), stderr);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto config = pushwoosh::tools::ParseEmulatorArgs(args);
  if (!config.ok()) {
    std::fprintf(stderr, "pwmsg-fake-server: %s\n(see --help)\n",
                 std::string(config.status().message()).c_str());
    return kExitUsage;
  }
  if (config->help) {
    std::fputs(pushwoosh::tools::kEmulatorUsage, stdout);
    return EXIT_SUCCESS;
  }
  if (config->accounts.empty()) {
    const std::string token = RandomDemoToken();
    config->accounts[token] = "demo";
    std::fprintf(stderr,
                 "pwmsg-fake-server: no --token given; created token %s for "
                 "account \"demo\"\n",
                 token.c_str());
  }

  // Signals are taken by sigwait below; blocking them first keeps gRPC's
  // threads, which inherit this mask, from receiving them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  pt::FakeServerOptions options;
  options.listen_address = config->listen;
  options.accounts = config->accounts;
  options.lifecycle = {config->pending, config->processing};
  options.seed = config->seed;
  options.on_call = LogCall;
  if (!config->tls.cert_file.empty()) {
    auto credentials = pt::FakeServerTls(config->tls);
    if (!credentials.ok()) {
      std::fprintf(stderr, "pwmsg-fake-server: %s\n",
                   std::string(credentials.status().message()).c_str());
      return kExitUsage;
    }
    options.credentials = *std::move(credentials);
  }
  for (const auto& fault : config->faults) {
    options.connection_faults |= fault.drop_connection;
  }
  auto server = pt::FakeMessagingServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "pwmsg-fake-server: %s\n",
                 std::string(server.status().message()).c_str());
    return EXIT_FAILURE;
  }
  for (auto& fault : config->faults) (*server)->InjectFault(std::move(fault));
  std::printf("listening on %s\n", (*server)->address().c_str());
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::fprintf(stderr, "pwmsg-fake-server: %s: finishing calls in flight\n",
               signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  (*server)->Shutdown(std::chrono::seconds(5));
  return EXIT_SUCCESS;
}
