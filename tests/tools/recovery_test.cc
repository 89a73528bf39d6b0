// The backend process killed and restarted on the same address mid-run
// (real TCP): the same client recovers without being recreated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <memory>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "subprocess.h"

namespace pushwoosh {
namespace {

using ::pushwoosh::testing_tools::Subprocess;
using ::testing::AnyOf;
using ::testing::StartsWith;

constexpr char kToken[] = "acme-token";
constexpr auto kTimeout = std::chrono::seconds(30);

// Starts the emulator on `listen`; returns it and the address it bound.
std::unique_ptr<Subprocess> StartEmulator(const std::string& listen,
                                          std::string* address) {
  auto emulator = std::make_unique<Subprocess>(
      std::vector<std::string>{FAKE_SERVER_BINARY, "--listen", listen,
                               "--token", std::string(kToken) + "=acme"});
  auto line = emulator->ReadLine(kTimeout);
  EXPECT_TRUE(line.has_value());
  if (line.has_value()) {
    EXPECT_THAT(*line, StartsWith("listening on "));
    *address = line->substr(std::string("listening on ").size());
  }
  return emulator;
}

messaging::v2::NotifyRequest Request() {
  messaging::v2::NotifyRequest request;
  request.mutable_segment()->set_application("ABCDE-12345");
  request.mutable_segment()->set_code("all");
  request.mutable_segment()->mutable_schedule();
  return request;
}

TEST(RecoveryTest, SameClientRecoversAfterTheBackendRestarts) {
  std::string address;
  auto emulator = StartEmulator("127.0.0.1:0", &address);
  ASSERT_FALSE(address.empty());

  messaging::ClientOptions options;
  options.target = address;
  options.plaintext = true;
  options.api_token = kToken;
  options.wait_for_ready = true;
  options.default_timeout = std::chrono::seconds(20);
  auto client = messaging::MessagingClient::Create(options);
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->Notify(Request()).ok());

  emulator->Signal(SIGKILL);
  emulator->Wait(kTimeout);

  // While it is down, a call ends at its deadline instead of hanging.
  messaging::CallOptions short_call;
  short_call.timeout = std::chrono::milliseconds(300);
  const auto down = client->Notify(Request(), short_call);
  ASSERT_FALSE(down.ok());
  EXPECT_THAT(messaging::ErrorKindOf(down.status()),
              AnyOf(messaging::ErrorKind::kUnavailable,
                    messaging::ErrorKind::kDeadlineExceeded));

  std::string restarted_address;
  emulator = StartEmulator(address, &restarted_address);
  ASSERT_EQ(restarted_address, address);

  // The same client, never recreated: it reconnects on its own.
  auto after = client->Notify(Request());
  ASSERT_TRUE(after.ok()) << messaging::Error::From(after.status()).ToString();
  EXPECT_FALSE(after->result().message_code().empty());

  emulator->Signal(SIGTERM);
  EXPECT_EQ(emulator->Wait(kTimeout).exit_code, 0);
}

}  // namespace
}  // namespace pushwoosh
