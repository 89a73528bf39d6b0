// Forwarding a request's trace: a relay service, serving a call that
// carries trace headers and a deadline, cancels through MessagingClient
// with ForwardedFrom(); the fake server behind it sees the headers, echoes
// the request id in its RequestInfo, and the deadline bounds the call.
#include "pushwoosh/messaging/trace_context.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/v2/messaging.grpc.pb.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

constexpr char kToken[] = "trace-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr char kTraceparent[] =
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

// Serves Cancel by cancelling through `client`, forwarding from its own
// caller, and hands the outcome to the test.
class RelayService final : public v2::MessagingService::CallbackService {
 public:
  explicit RelayService(MessagingClient client) : client_(std::move(client)) {}

  grpc::ServerUnaryReactor* Cancel(grpc::CallbackServerContext* context,
                                   const v2::CancelRequest* request,
                                   v2::CancelResponse* /*response*/) override {
    outcome_.set_value(
        client_.Cancel(request->message_code(), ForwardedFrom(*context))
            .status());
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  std::future<absl::Status> Outcome() { return outcome_.get_future(); }

 private:
  MessagingClient client_;
  std::promise<absl::Status> outcome_;
};

class TraceContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::FakeServerOptions options;
    options.accounts = {{kToken, "acme"}};
    options.on_call = [this](const testing::FakeCallRecord& record) {
      std::lock_guard lock(mutex_);
      for (std::string_view name :
           {"traceparent", "tracestate", "x-b3-traceid", "x-b3-sampled",
            "x-request-id", "x-unrelated", "authorization"}) {
        if (!record.Header(name).empty()) {
          seen_.emplace(name, record.Header(name));
        }
      }
    };
    auto fake = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(fake.ok()) << fake.status();
    fake_ = *std::move(fake);

    ClientOptions client_options;
    client_options.channel = fake_->InProcessChannel();
    client_options.api_token = kToken;
    client_options.retry.max_attempts = 1;
    auto client = MessagingClient::Create(client_options);
    ASSERT_TRUE(client.ok()) << client.status();
    relay_ = std::make_unique<RelayService>(*std::move(client));
    grpc::ServerBuilder builder;
    builder.RegisterService(relay_.get());
    relay_server_ = builder.BuildAndStart();
    ASSERT_NE(relay_server_, nullptr);
  }

  // Calls the relay's Cancel with `headers` and `timeout`.
  void CallRelay(const std::map<std::string, std::string>& headers,
                 std::chrono::milliseconds timeout) {
    auto stub = v2::MessagingService::NewStub(
        relay_server_->InProcessChannel(grpc::ChannelArguments()));
    grpc::ClientContext context;
    for (const auto& [key, value] : headers) context.AddMetadata(key, value);
    context.set_deadline(std::chrono::system_clock::now() + timeout);
    v2::CancelRequest request;
    request.set_message_code(kUnknownCode);
    v2::CancelResponse response;
    stub->Cancel(&context, request, &response);
  }

  std::unique_ptr<testing::FakeMessagingServer> fake_;
  std::unique_ptr<RelayService> relay_;
  std::unique_ptr<grpc::Server> relay_server_;
  std::mutex mutex_;
  std::multimap<std::string, std::string> seen_;
};

TEST_F(TraceContextTest, TraceHeadersAndRequestIdReachTheBackend) {
  auto outcome = relay_->Outcome();
  CallRelay({{"traceparent", kTraceparent},
             {"tracestate", "vendor=opaque"},
             {"x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7"},
             {"x-b3-sampled", "1"},
             {"x-request-id", "req-from-the-edge"},
             {"x-unrelated", "stays here"}},
            std::chrono::seconds(10));
  const absl::Status status = outcome.get();
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kMessageNotFound);
  // The fake's RequestInfo echoes the forwarded id.
  EXPECT_EQ(Error::From(status).request_id(), "req-from-the-edge");
  std::lock_guard lock(mutex_);
  EXPECT_THAT(
      seen_, ElementsAre(
                 Pair("traceparent", kTraceparent),
                 Pair("tracestate", "vendor=opaque"), Pair("x-b3-sampled", "1"),
                 Pair("x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7"),
                 Pair("x-request-id", "req-from-the-edge")));
}

TEST_F(TraceContextTest, WithoutAnIncomingIdTheCallMakesItsOwn) {
  auto outcome = relay_->Outcome();
  CallRelay({}, std::chrono::seconds(10));
  const absl::Status status = outcome.get();
  const std::string id = Error::From(status).request_id();
  EXPECT_EQ(id.size(), 32u) << id;
  std::lock_guard lock(mutex_);
  EXPECT_THAT(seen_, ElementsAre(Pair("x-request-id", id)));
}

TEST_F(TraceContextTest, TheCallerDeadlineBoundsTheForwardedCall) {
  testing::FakeFault slow;
  slow.method = "Cancel";
  slow.latency = std::chrono::seconds(5);
  slow.latency_only = true;
  fake_->InjectFault(slow);
  auto outcome = relay_->Outcome();
  // Without the caller's deadline the relay's call would wait out the
  // latency and end NOT_FOUND.
  CallRelay({}, std::chrono::milliseconds(200));
  EXPECT_EQ(ErrorKindOf(outcome.get()), ErrorKind::kDeadlineExceeded);
}

TEST(ForwardTraceHeadersTest, KeepsAnExplicitRequestIdAndOnlyTraceHeaders) {
  const std::string traceparent = kTraceparent;
  std::multimap<grpc::string_ref, grpc::string_ref> incoming = {
      {"traceparent", traceparent},
      {"b3", "80f198ee56343ba8-e457b5a2e4d86bd1-1"},
      {"x-request-id", "incoming"},
      {"authorization", "Token secret"},
      {"user-agent", "grpc-c++"}};
  CallOptions options;
  options.request_id = "mine";
  ForwardTraceHeaders(incoming, options);
  EXPECT_EQ(options.request_id, "mine");
  EXPECT_THAT(options.metadata,
              ::testing::UnorderedElementsAre(
                  Pair("traceparent", traceparent),
                  Pair("b3", "80f198ee56343ba8-e457b5a2e4d86bd1-1")));
}

}  // namespace
}  // namespace pushwoosh::messaging
