// The targets a mesh uses (dns:///, ipv4:, unix:, xds:///) and the channel
// options: load balancing, service config, :authority, message sizes, the
// channel pool. Each is seen from the server's side.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kToken[] = "channel-options-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr char kApplication[] = "ABCDE-12345";

v2::NotifyRequest NotifyToUsers(int users) {
  v2::NotifyRequest request;
  auto* transactional = request.mutable_transactional();
  transactional->set_application(kApplication);
  for (int i = 0; i < users; ++i) {
    transactional->mutable_users()->add_list("user-" + std::to_string(i));
  }
  transactional->mutable_payload()->set_silent(true);
  return request;
}

// What one fake server saw, filled on gRPC threads.
struct Seen {
  std::mutex mutex;
  int calls = 0;
  std::set<std::string> peers;
  std::vector<std::string> authorities;
};

class ChannelOptionsTest : public ::testing::Test {
 protected:
  // A fake server on `address` that records what it sees in seen_[index].
  testing::FakeMessagingServer& StartServer(
      const std::string& address = "127.0.0.1:0") {
    auto seen = std::make_shared<Seen>();
    testing::FakeServerOptions options;
    options.listen_address = address;
    options.accounts = {{kToken, "acme"}};
    options.on_call = [seen](const testing::FakeCallRecord& record) {
      std::lock_guard lock(seen->mutex);
      ++seen->calls;
      seen->peers.emplace(record.peer);
      seen->authorities.emplace_back(record.authority);
    };
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    EXPECT_TRUE(server.ok()) << server.status();
    seen_.push_back(std::move(seen));
    servers_.push_back(*std::move(server));
    return *servers_.back();
  }

  static ClientOptions Options(const std::string& target) {
    ClientOptions options;
    options.target = target;
    options.api_token = kToken;
    options.plaintext = true;
    options.default_timeout = std::chrono::seconds(5);
    options.retry.max_attempts = 1;
    return options;
  }

  // Cancels of an unknown code: kMessageNotFound proves each reached a
  // server.
  static void CancelUnknown(const ClientOptions& options, int times) {
    auto client = MessagingClient::Create(options);
    ASSERT_TRUE(client.ok()) << client.status();
    for (int i = 0; i < times; ++i) {
      ASSERT_EQ(ErrorKindOf(client->Cancel(kUnknownCode).status()),
                ErrorKind::kMessageNotFound);
    }
  }

  // Servers 0 and 1, as one ipv4: target with both addresses.
  std::string TwoServers() {
    const int first = StartServer().port();
    const int second = StartServer().port();
    return "ipv4:127.0.0.1:" + std::to_string(first) +
           ",127.0.0.1:" + std::to_string(second);
  }

  int CallsAt(std::size_t server) {
    std::lock_guard lock(seen_[server]->mutex);
    return seen_[server]->calls;
  }

  std::vector<std::shared_ptr<Seen>> seen_;
  std::vector<std::unique_ptr<testing::FakeMessagingServer>> servers_;
};

TEST_F(ChannelOptionsTest, DnsAndIpv4TargetsReachTheServer) {
  const int port = StartServer().port();
  CancelUnknown(Options("dns:///localhost:" + std::to_string(port)), 1);
  CancelUnknown(Options("ipv4:127.0.0.1:" + std::to_string(port)), 1);
  EXPECT_EQ(CallsAt(0), 2);
}

TEST_F(ChannelOptionsTest, UnixSocketTargetReachesTheServer) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("pushwoosh-" + std::to_string(::getpid()) + ".sock"))
          .string();
  StartServer("unix:" + path);
  ASSERT_EQ(servers_[0]->address(), "unix:" + path);
  CancelUnknown(Options("unix:" + path), 1);
  EXPECT_EQ(CallsAt(0), 1);
  servers_.clear();
  std::filesystem::remove(path);
}

TEST_F(ChannelOptionsTest, RoundRobinSpreadsCallsOverEveryAddress) {
  ClientOptions options = Options(TwoServers());
  options.channel_options.load_balancing_policy = "round_robin";
  CancelUnknown(options, 20);
  EXPECT_GT(CallsAt(0), 0);
  EXPECT_GT(CallsAt(1), 0);
  EXPECT_EQ(CallsAt(0) + CallsAt(1), 20);
}

TEST_F(ChannelOptionsTest, PickFirstSendsEveryCallToOneAddress) {
  ClientOptions options = Options(TwoServers());
  options.channel_options.load_balancing_policy = "pick_first";
  CancelUnknown(options, 20);
  EXPECT_EQ(CallsAt(0), 20);
  EXPECT_EQ(CallsAt(1), 0);
}

TEST_F(ChannelOptionsTest, ServiceConfigChoosesTheBalancer) {
  ClientOptions options = Options(TwoServers());
  options.channel_options.service_config_json =
      R"({"loadBalancingConfig": [{"round_robin": {}}]})";
  CancelUnknown(options, 20);
  EXPECT_GT(CallsAt(0), 0);
  EXPECT_GT(CallsAt(1), 0);
}

TEST_F(ChannelOptionsTest, BadBalancerOrServiceConfigIsRefusedAtCreate) {
  ClientOptions options = Options("127.0.0.1:1");
  options.channel_options.load_balancing_policy = "fastest";
  auto client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(client.status().message(), HasSubstr("load_balancing_policy"));

  options = Options("127.0.0.1:1");
  options.channel_options.service_config_json = "{not json";
  client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(client.status().message(), HasSubstr("not a JSON object"));

  // Valid JSON that gRPC itself rejects.
  options.channel_options.service_config_json =
      R"({"loadBalancingConfig": [{"fastest": {}}]})";
  client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(client.status().message(), HasSubstr("gRPC rejected"));
}

TEST_F(ChannelOptionsTest, OtherBadChannelOptionsAreRefusedAtCreate) {
  const auto refused = [](const std::function<void(ChannelOptions&)>& change,
                          const std::string& field) {
    ClientOptions options = Options("127.0.0.1:1");
    change(options.channel_options);
    auto client = MessagingClient::Create(options);
    EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest)
        << field;
    EXPECT_THAT(client.status().message(), HasSubstr(field));
  };
  refused([](auto& o) { o.pool_size = 0; }, "pool_size");
  refused([](auto& o) { o.pool_size = 100000; }, "pool_size");
  refused([](auto& o) { o.keepalive.time = std::chrono::milliseconds(-1); },
          "keepalive");
  refused([](auto& o) { o.keepalive.timeout = std::chrono::milliseconds(0); },
          "keepalive");
  refused([](auto& o) { o.max_receive_message_size = -2; }, "message sizes");
}

TEST_F(ChannelOptionsTest, AuthorityIsSentOnPlaintextAndRefusedWithTls) {
  ClientOptions options =
      Options("127.0.0.1:" + std::to_string(StartServer().port()));
  options.channel_options.authority = "messaging.mesh.internal";
  CancelUnknown(options, 1);
  {
    std::lock_guard lock(seen_[0]->mutex);
    EXPECT_THAT(seen_[0]->authorities,
                ::testing::ElementsAre("messaging.mesh.internal"));
  }
  options.plaintext = false;
  auto client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(client.status().message(), HasSubstr("tls.server_name"));
}

TEST_F(ChannelOptionsTest, PoolSpreadsCallsOverItsOwnConnections) {
  const int port = StartServer().port();
  ClientOptions options = Options("127.0.0.1:" + std::to_string(port));
  options.channel_options.pool_size = 4;
  CancelUnknown(options, 20);
  {
    std::lock_guard lock(seen_[0]->mutex);
    EXPECT_THAT(seen_[0]->peers, SizeIs(4));
  }
}

TEST_F(ChannelOptionsTest, WithoutAPoolEveryCallSharesOneConnection) {
  const int port = StartServer().port();
  CancelUnknown(Options("127.0.0.1:" + std::to_string(port)), 20);
  std::lock_guard lock(seen_[0]->mutex);
  EXPECT_THAT(seen_[0]->peers, SizeIs(1));
}

TEST_F(ChannelOptionsTest, ReplyOverTheReceiveLimitFailsAndIsNotRetried) {
  testing::FakeMessagingServer& server = StartServer();
  ClientOptions options = Options("127.0.0.1:" + std::to_string(server.port()));
  options.application = kApplication;
  auto client = MessagingClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  for (int i = 0; i < 3; ++i) {
    auto created = client->Notify(NotifyToUsers(1));
    ASSERT_TRUE(created.ok()) << created.status();
  }

  options.channel_options.max_receive_message_size = 100;
  options.retry.max_attempts = 3;
  auto limited = MessagingClient::Create(options);
  ASSERT_TRUE(limited.ok()) << limited.status();
  statistics::v2::ListMessagesRequest list;
  list.mutable_filters()->set_application(kApplication);
  auto listed = limited->ListMessages(list);
  EXPECT_EQ(ErrorKindOf(listed.status()), ErrorKind::kMessageTooLarge)
      << listed.status();
  EXPECT_EQ(CallsAt(0), 4);  // Three Notify, one ListMessages: no retry.
}

TEST_F(ChannelOptionsTest, RequestOverTheSendLimitFailsBeforeTheServer) {
  testing::FakeMessagingServer& server = StartServer();
  ClientOptions options = Options("127.0.0.1:" + std::to_string(server.port()));
  options.channel_options.max_send_message_size = 100;
  auto client = MessagingClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  EXPECT_EQ(ErrorKindOf(client->Notify(NotifyToUsers(50)).status()),
            ErrorKind::kMessageTooLarge);
  EXPECT_EQ(CallsAt(0), 0);
}

// Proxyless xDS: without a bootstrap the xds resolver cannot start, so
// Create says so instead of every call failing UNAVAILABLE.
TEST(XdsTargetTest, NeedsABootstrapAndIsAcceptedWithOne) {
  ASSERT_EQ(std::getenv("GRPC_XDS_BOOTSTRAP"), nullptr);
  ASSERT_EQ(std::getenv("GRPC_XDS_BOOTSTRAP_CONFIG"), nullptr);
  ClientOptions options;
  options.target = "xds:///messaging.mesh.internal";
  options.api_token = kToken;
  auto client = MessagingClient::Create(options);
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(client.status().message(), HasSubstr("GRPC_XDS_BOOTSTRAP"));
  EXPECT_THAT(client.status().message(), ::testing::Not(HasSubstr(kToken)));

  const std::string bootstrap =
      (std::filesystem::temp_directory_path() /
       ("pushwoosh-xds-" + std::to_string(::getpid()) + ".json"))
          .string();
  std::ofstream(bootstrap) << R"({"xds_servers": [{
      "server_uri": "127.0.0.1:1",
      "channel_creds": [{"type": "insecure"}]}],
    "node": {"id": "pushwoosh-test"}})";
  ::setenv("GRPC_XDS_BOOTSTRAP", bootstrap.c_str(), 1);
  client = MessagingClient::Create(options);
  ::unsetenv("GRPC_XDS_BOOTSTRAP");
  std::filesystem::remove(bootstrap);
  EXPECT_TRUE(client.ok()) << client.status();
}

}  // namespace
}  // namespace pushwoosh::messaging
