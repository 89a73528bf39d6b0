// Keepalive against a gRPC server's default ping enforcement, in a
// shortened time frame: both the client's defaults and the server's
// limits are divided by kScale, so that seconds here stand for the hours a
// connection idles in production.
#include <grpc/grpc.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {
namespace {

constexpr char kToken[] = "keepalive-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr int kScale = 1000;
// gRPC servers' default: a ping at most every 5 minutes while no data is
// sent, and none at all without a call in flight.
constexpr int kServerMinPingIntervalMs = 300'000 / kScale;
constexpr auto kIdle = std::chrono::milliseconds(4500);

class KeepaliveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.accounts = {{kToken, "acme"}};
    options.configure_builder = [](grpc::ServerBuilder& builder) {
      builder.AddChannelArgument(
          GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
          kServerMinPingIntervalMs);
    };
    options.on_call = [this](const testing::FakeCallRecord& record) {
      std::lock_guard lock(mutex_);
      peers_.emplace_back(record.peer);
    };
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // The client's keepalive defaults, scaled like the server's limits.
  ClientOptions ScaledDefaults() const {
    ClientOptions options;
    options.target = server_->address();
    options.api_token = kToken;
    options.plaintext = true;
    options.retry.max_attempts = 1;
    options.default_timeout = std::chrono::seconds(5);
    const KeepaliveOptions defaults;
    options.channel_options.keepalive.time = defaults.time / kScale;
    options.channel_options.keepalive.permit_without_calls =
        defaults.permit_without_calls;
    return options;
  }

  // A call, an idle connection for kIdle (fifteen keepalive periods, hours
  // in production), then another call. Returns whether
  // both calls used the same connection, i.e. the server did not close it
  // with GOAWAY "too_many_pings".
  bool SameConnectionAcrossIdle(const ClientOptions& options) {
    auto client = MessagingClient::Create(options);
    EXPECT_TRUE(client.ok()) << client.status();
    EXPECT_EQ(ErrorKindOf(client->Cancel(kUnknownCode).status()),
              ErrorKind::kMessageNotFound);
    // The idle period is what is tested, so it is a real wait: long enough
    // for four pings, though gRPC sends at most one a second, and the
    // server closes the connection at the third ping it forbids.
    std::this_thread::sleep_for(kIdle);
    EXPECT_EQ(ErrorKindOf(client->Cancel(kUnknownCode).status()),
              ErrorKind::kMessageNotFound);
    std::lock_guard lock(mutex_);
    EXPECT_EQ(peers_.size(), 2u);
    return peers_.size() == 2 && peers_[0] == peers_[1];
  }

  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::mutex mutex_;
  std::vector<std::string> peers_;
};

TEST_F(KeepaliveTest, DefaultsSurviveALongIdlePeriod) {
  EXPECT_TRUE(SameConnectionAcrossIdle(ScaledDefaults()));
}

// The control: pinging an idle connection, which default enforcement
// forbids, gets it closed at the third ping; so the test above can tell.
TEST_F(KeepaliveTest, PingsWithoutCallsGetTheConnectionClosed) {
  ClientOptions options = ScaledDefaults();
  options.channel_options.keepalive.permit_without_calls = true;
  options.channel_options.keepalive.max_pings_without_data = 0;
  EXPECT_FALSE(SameConnectionAcrossIdle(options));
}

}  // namespace
}  // namespace pushwoosh::messaging
