// A FakeMessagingServer on a virtual clock, reached over an in-process
// channel or over real TCP loopback, with clients for two accounts and one
// without a token.
#ifndef PUSHWOOSH_TESTS_INTEGRATION_FAKE_SERVER_FIXTURE_H_
#define PUSHWOOSH_TESTS_INTEGRATION_FAKE_SERVER_FIXTURE_H_

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pushwoosh::messaging {

enum class Transport { kInProcess, kTcpLoopback };

// Readable parameter names in test output.
inline void PrintTo(Transport transport, std::ostream* os) {
  *os << (transport == Transport::kInProcess ? "in-process" : "tcp-loopback");
}

inline std::string TransportName(
    const ::testing::TestParamInfo<Transport>& info) {
  return info.param == Transport::kInProcess ? "InProcess" : "TcpLoopback";
}

inline constexpr char kAcmeToken[] = "acme-token";
inline constexpr char kGlobexToken[] = "globex-token";
inline constexpr char kApplication[] = "ABCDE-12345";
inline constexpr auto kPending = std::chrono::seconds(10);
inline constexpr auto kProcessing = std::chrono::seconds(20);

class FakeServerTest : public ::testing::TestWithParam<Transport> {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.accounts = {{kAcmeToken, "acme"}, {kGlobexToken, "globex"}};
    options.lifecycle = {kPending, kProcessing};
    options.clock = clock_;
    if (GetParam() == Transport::kTcpLoopback) {
      options.listen_address = "127.0.0.1:0";
    }
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    acme_ = MakeClient(kAcmeToken);
    globex_ = MakeClient(kGlobexToken);
    anonymous_ = MakeClient("");
  }

  MessagingClient MakeClient(const std::string& token) {
    ClientOptions options;
    options.api_token = token;
    options.default_timeout = std::chrono::seconds(10);
    if (GetParam() == Transport::kInProcess) {
      options.channel = server_->InProcessChannel();
    } else {
      options.target = server_->address();
      options.plaintext = true;
    }
    auto client = MessagingClient::Create(std::move(options));
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  // Notifies a segment for `delay` from now (0: at once); returns the code.
  std::string Notify(MessagingClient& client,
                     std::chrono::seconds delay = std::chrono::seconds(0)) {
    v2::NotifyRequest request;
    auto* segment = request.mutable_segment();
    segment->set_application(kApplication);
    segment->set_code("all-subscribers");
    segment->add_platforms(v2::IOS);
    auto* content = segment->mutable_payload()->mutable_content();
    (*content->mutable_localized_content())["en"].mutable_ios()->set_title(
        "Hello");
    if (delay.count() > 0) {
      const auto at = clock_->Now() + delay;
      segment->mutable_schedule()->mutable_at()->set_seconds(
          std::chrono::duration_cast<std::chrono::seconds>(
              at.time_since_epoch())
              .count());
    } else {
      segment->mutable_schedule();
    }
    auto response = client.Notify(request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? response->result().message_code() : "";
  }

  std::shared_ptr<testing::VirtualClock> clock_ =
      std::make_shared<testing::VirtualClock>();
  std::unique_ptr<testing::FakeMessagingServer> server_;
  std::optional<MessagingClient> acme_;
  std::optional<MessagingClient> globex_;
  std::optional<MessagingClient> anonymous_;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_TESTS_INTEGRATION_FAKE_SERVER_FIXTURE_H_
