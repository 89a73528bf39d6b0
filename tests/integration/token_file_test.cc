// ClientOptions::api_token_file against the fake server: a rotated file
// takes effect on later calls without a new client, the way a Kubernetes
// Secret volume swaps its files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::HasSubstr;

constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";

class TokenFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pushwoosh-token-file-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    testing::FakeServerOptions options;
    options.accounts = {{"token-one", "first-account"},
                        {"token-two", "second-account"}};
    options.on_call = [this](const testing::FakeCallRecord& record) {
      std::lock_guard lock(mutex_);
      last_account_ = record.account;
    };
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Replaces the file in one step, as a Secret volume does.
  void WriteToken(const std::string& token) {
    const auto staged = dir_ / "token.new";
    std::ofstream(staged) << token << "\n";
    std::filesystem::rename(staged, dir_ / "token");
  }

  // The account the server saw for a Cancel.
  std::string AccountOfACall(const MessagingClient& client) {
    EXPECT_EQ(ErrorKindOf(client.Cancel(kUnknownCode).status()),
              ErrorKind::kMessageNotFound);
    std::lock_guard lock(mutex_);
    return last_account_;
  }

  std::filesystem::path dir_;
  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::mutex mutex_;
  std::string last_account_;
};

TEST_F(TokenFileTest, ARotatedTokenIsUsedWithoutANewClient) {
  WriteToken("token-one");
  ClientOptions options;
  options.channel = server_->InProcessChannel();
  options.api_token_file = (dir_ / "token").string();
  options.api_token_reload_interval = std::chrono::milliseconds(5);
  options.retry.max_attempts = 1;
  auto client = MessagingClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  EXPECT_EQ(AccountOfACall(*client), "first-account");

  WriteToken("token-two");
  // The reload runs on the client's own schedule; wait for its effect,
  // bounded.
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::string account;
  while ((account = AccountOfACall(*client)) != "second-account" &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::yield();
  }
  EXPECT_EQ(account, "second-account");
}

TEST_F(TokenFileTest, ConflictingOrUnreadableTokenOptionsAreRefused) {
  ClientOptions options;
  options.channel = server_->InProcessChannel();
  options.api_token_file = (dir_ / "missing").string();
  auto client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(client.status().message()),
              HasSubstr("api_token_file"));

  WriteToken("token-one");
  options.api_token_file = (dir_ / "token").string();
  options.api_token = "token-two";
  client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(client.status().message()), HasSubstr("not both"));
}

TEST_F(TokenFileTest, ATokenFileIsAlsoKeptOffPlaintextToRemoteTargets) {
  WriteToken("token-one");
  ClientOptions options;
  options.target = "messaging.example.com:443";
  options.plaintext = true;
  options.api_token_file = (dir_ / "token").string();
  auto client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(client.status().message()), HasSubstr("without TLS"));
  EXPECT_THAT(client.status().ToString(),
              ::testing::Not(HasSubstr("token-one")));
}

}  // namespace
}  // namespace pushwoosh::messaging
