// Interop, second direction: our C++ client and pwmsg against an independent
// gRPC server (grpc-js, tests/interop/scripted_server.js) that answers with
// scripted replies: every gRPC code with rich details, trailers-only or after
// headers, a malformed details trailer, no trailer, a slow reply. The
// expected kinds, HTTP statuses and exit statuses are docs/errors.md's and
// docs/cli.md's tables, written out here rather than taken from the code.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "envelope.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/error.h"
#include "subprocess.h"

namespace pushwoosh::messaging {
namespace {

using ::pushwoosh::testing_tools::DetailOf;
using ::pushwoosh::testing_tools::ParseEnvelope;
using ::pushwoosh::testing_tools::ProcessResult;
using ::pushwoosh::testing_tools::RunProgram;
using ::pushwoosh::testing_tools::Subprocess;

constexpr char kToken[] = "interop-scripted-token";
constexpr char kApplication[] = "ABCDE-12345";
constexpr auto kTimeout = std::chrono::seconds(30);
// The scripted server's RetryInfo delay for retryable codes.
constexpr std::chrono::milliseconds kScriptedRetryDelay{5};
constexpr int kMaxAttempts = 3;

// One row of docs/errors.md's "Kinds by gRPC code and RPC" and of
// docs/cli.md's exit statuses.
struct CodeRow {
  int code;
  const char* name;
  int http;
  ErrorKind notify_kind;
  ErrorKind cancel_kind;
  bool cancel_retryable;
  bool notify_retryable;
  int pwmsg_exit;
};

constexpr CodeRow kCodes[] = {
    {1, "CANCELLED", 499, ErrorKind::kCancelled, ErrorKind::kCancelled, false,
     false, 1},
    {2, "UNKNOWN", 500, ErrorKind::kUnknown, ErrorKind::kUnknown, false, false,
     1},
    {3, "INVALID_ARGUMENT", 400, ErrorKind::kInvalidRequest,
     ErrorKind::kInvalidRequest, false, false, 7},
    {4, "DEADLINE_EXCEEDED", 504, ErrorKind::kDeadlineExceeded,
     ErrorKind::kDeadlineExceeded, true, false, 8},
    {5, "NOT_FOUND", 404, ErrorKind::kNotFound, ErrorKind::kMessageNotFound,
     false, false, 3},
    {6, "ALREADY_EXISTS", 409, ErrorKind::kAlreadyExists,
     ErrorKind::kAlreadyExists, false, false, 1},
    {7, "PERMISSION_DENIED", 403, ErrorKind::kPermissionDenied,
     ErrorKind::kPermissionDenied, false, false, 5},
    {8, "RESOURCE_EXHAUSTED", 429, ErrorKind::kRateLimited,
     ErrorKind::kRateLimited, true, true, 8},
    {9, "FAILED_PRECONDITION", 400, ErrorKind::kFailedPrecondition,
     ErrorKind::kNotCancelable, false, false, 4},
    {10, "ABORTED", 409, ErrorKind::kAborted, ErrorKind::kAborted, true, false,
     8},
    {11, "OUT_OF_RANGE", 400, ErrorKind::kInvalidRequest,
     ErrorKind::kInvalidRequest, false, false, 7},
    {12, "UNIMPLEMENTED", 501, ErrorKind::kUnimplemented,
     ErrorKind::kUnimplemented, false, false, 1},
    {13, "INTERNAL", 500, ErrorKind::kInternal, ErrorKind::kInternal, true,
     false, 8},
    {14, "UNAVAILABLE", 503, ErrorKind::kUnavailable, ErrorKind::kUnavailable,
     true, false, 8},
    {15, "DATA_LOSS", 500, ErrorKind::kDataLoss, ErrorKind::kDataLoss, false,
     false, 1},
    {16, "UNAUTHENTICATED", 401, ErrorKind::kUnauthenticated,
     ErrorKind::kUnauthenticated, false, false, 6},
};

void PrintTo(const CodeRow& row, std::ostream* os) { *os << row.name; }

enum class Shape { kTrailersOnly, kAfterHeaders };

void PrintTo(Shape shape, std::ostream* os) {
  *os << (shape == Shape::kTrailersOnly ? "trailers-only" : "after headers");
}

std::string Scenario(const CodeRow& row, Shape shape) {
  return absl::StrCat(shape == Shape::kAfterHeaders ? "headers-then-" : "",
                      "code-", row.code);
}

// The scripted server, one per test suite: node starts in about 100 ms.
class ScriptedServer {
 public:
  ScriptedServer()
      : process_({NODE_BINARY, SCRIPTED_SERVER_JS, "--token", kToken}) {
    const std::optional<std::string> line = process_.ReadLine(kTimeout);
    const std::string prefix = "listening on ";
    if (line.has_value() && line->starts_with(prefix)) {
      address_ = line->substr(prefix.size());
    }
  }
  ~ScriptedServer() { process_.Signal(SIGTERM); }

  const std::string& address() const { return address_; }

 private:
  Subprocess process_;
  std::string address_;
};

class ScriptedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ScriptedServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  void SetUp() override {
    ASSERT_FALSE(server_->address().empty())
        << "the scripted server did not start; is "
           "tests/interop/node_modules there (scripts/setup.sh)?";
  }

  static MessagingClient Client(const std::string& token = kToken) {
    ClientOptions options;
    options.target = server_->address();
    options.plaintext = true;
    options.api_token = token;
    options.retry.max_attempts = kMaxAttempts;
    auto client = MessagingClient::Create(options);
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  static v2::NotifyRequest NotifyRequest(const std::string& scenario) {
    v2::NotifyRequest request;
    v2::NotifySegment* segment = request.mutable_segment();
    segment->set_application(kApplication);
    segment->set_code("all-subscribers");
    segment->set_campaign(scenario);
    segment->mutable_schedule();
    return request;
  }

  static ProcessResult Pwmsg(std::vector<std::string> args,
                             const std::string& token = kToken) {
    args.insert(args.begin(),
                {PWMSG_BINARY, "--target", server_->address(), "--plaintext"});
    return RunProgram(args, {{"PUSHWOOSH_API_TOKEN", token}}, "", kTimeout);
  }

  static ScriptedServer* server_;
};

ScriptedServer* ScriptedServerTest::server_ = nullptr;

// What every rich scripted error carries, as the client decodes it.
void ExpectScriptedDetails(const Error& error, const CodeRow& row) {
  EXPECT_EQ(error.grpc_code(), row.code);
  EXPECT_EQ(error.http_status(), row.http);
  EXPECT_EQ(error.message(), absl::StrCat("scripted ", row.name, " reply"));
  EXPECT_FALSE(error.details_malformed());
  ASSERT_TRUE(error.error_info().has_value());
  EXPECT_EQ(error.error_info()->reason, absl::StrCat("SCRIPTED_", row.name));
  EXPECT_EQ(error.error_info()->domain, "interop.example");
  EXPECT_EQ(error.error_info()->metadata,
            (std::map<std::string, std::string>{
                {"grpc_code", std::to_string(row.code)}}));
  EXPECT_EQ(error.request_id(), absl::StrCat("interop-", row.code));
  const bool has_violation = row.code == 3 || row.code == 11;
  ASSERT_EQ(error.field_violations().size(), has_violation ? 1U : 0U);
  if (has_violation) {
    EXPECT_EQ(error.field_violations()[0].field, "message_code");
    EXPECT_EQ(error.field_violations()[0].description, "scripted violation");
  }
}

class EveryCodeTest
    : public ScriptedServerTest,
      public ::testing::WithParamInterface<std::tuple<CodeRow, Shape>> {};

TEST_P(EveryCodeTest, CancelIsTheDocumentedKindWithEveryDetail) {
  const auto& [row, shape] = GetParam();
  MessagingClient client = Client();
  const Error error = Error::From(client.Cancel(Scenario(row, shape)).status());
  EXPECT_EQ(error.kind(), row.cancel_kind) << ErrorKindName(error.kind());
  ExpectScriptedDetails(error, row);
  EXPECT_EQ(error.retryable(), row.cancel_retryable);
  if (row.cancel_retryable) {
    EXPECT_EQ(error.retry_delay(), kScriptedRetryDelay);
    EXPECT_EQ(error.attempts(), kMaxAttempts);
    EXPECT_EQ(error.stop_reason(), RetryStopReason::kAttemptsExhausted);
  } else {
    EXPECT_EQ(error.attempts(), 1);
    EXPECT_EQ(error.stop_reason(), RetryStopReason::kPermanentError);
  }
}

TEST_P(EveryCodeTest, NotifyIsTheDocumentedKindAndRepeatedOnlyIfSafe) {
  const auto& [row, shape] = GetParam();
  MessagingClient client = Client();
  const Error error =
      Error::From(client.Notify(NotifyRequest(Scenario(row, shape))).status());
  EXPECT_EQ(error.kind(), row.notify_kind) << ErrorKindName(error.kind());
  ExpectScriptedDetails(error, row);
  EXPECT_EQ(error.attempts(), row.notify_retryable ? kMaxAttempts : 1);
}

TEST_P(EveryCodeTest, PwmsgExitsWithTheKindAndPrintsTheWholeStatus) {
  const auto& [row, shape] = GetParam();
  const ProcessResult result =
      Pwmsg({"--json", "cancel", Scenario(row, shape)});
  EXPECT_EQ(result.exit_code, row.pwmsg_exit) << result.err;
  const google::rpc::Status envelope = ParseEnvelope(result.out);
  EXPECT_EQ(envelope.code(), row.code);
  EXPECT_EQ(envelope.message(), absl::StrCat("scripted ", row.name, " reply"));
  const auto info = DetailOf<google::rpc::ErrorInfo>(envelope);
  ASSERT_TRUE(info.has_value()) << result.out;
  EXPECT_EQ(info->reason(), absl::StrCat("SCRIPTED_", row.name));
  EXPECT_EQ(info->domain(), "interop.example");
  const auto request = DetailOf<google::rpc::RequestInfo>(envelope);
  ASSERT_TRUE(request.has_value()) << result.out;
  EXPECT_EQ(request->request_id(), absl::StrCat("interop-", row.code));
}

INSTANTIATE_TEST_SUITE_P(
    ScriptedServer, EveryCodeTest,
    ::testing::Combine(::testing::ValuesIn(kCodes),
                       ::testing::Values(Shape::kTrailersOnly,
                                         Shape::kAfterHeaders)),
    [](const auto& test_param) {
      return absl::StrCat(std::get<0>(test_param.param).name,
                          std::get<1>(test_param.param) == Shape::kTrailersOnly
                              ? "_TrailersOnly"
                              : "_AfterHeaders");
    });

TEST_F(ScriptedServerTest, AMalformedDetailsTrailerKeepsCodeAndMessage) {
  MessagingClient client = Client();
  const Error error = Error::From(client.Cancel("malformed-details").status());
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.grpc_code(), 5);
  EXPECT_EQ(error.message(), "scripted NOT_FOUND reply");
  EXPECT_TRUE(error.details_malformed());
  EXPECT_FALSE(error.error_info().has_value());

  const ProcessResult result = Pwmsg({"--json", "cancel", "malformed-details"});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  const google::rpc::Status envelope = ParseEnvelope(result.out);
  EXPECT_EQ(envelope.code(), 5);
  EXPECT_EQ(envelope.message(), "scripted NOT_FOUND reply");
}

TEST_F(ScriptedServerTest, NoDetailsTrailerIsStillTheDocumentedKind) {
  MessagingClient client = Client();
  const Error error = Error::From(client.Cancel("no-details").status());
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.message(), "scripted NOT_FOUND reply");
  EXPECT_FALSE(error.details_malformed());
  EXPECT_FALSE(error.error_info().has_value());
  // Without a RequestInfo, the id is the x-request-id the client sent.
  EXPECT_FALSE(error.request_id().empty());
  EXPECT_FALSE(error.request_id().starts_with("interop-"));
}

TEST_F(ScriptedServerTest, AnUndefinedCodeIsUnknown) {
  MessagingClient client = Client();
  const Error error = Error::From(client.Cancel("code-99").status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnknown);
  EXPECT_EQ(Pwmsg({"cancel", "code-99"}).exit_code, 1);
}

TEST_F(ScriptedServerTest, ASlowReplyWithinTheDeadlineSucceeds) {
  MessagingClient client = Client();
  CallOptions options;
  options.timeout = std::chrono::seconds(10);
  EXPECT_TRUE(client.Cancel("slow-200", options).ok());
  EXPECT_EQ(Pwmsg({"--timeout", "10s", "cancel", "slow-200"}).exit_code, 0);
}

TEST_F(ScriptedServerTest, ASlowReplyPastTheDeadlineIsDeadlineExceeded) {
  MessagingClient client = Client();
  CallOptions options;
  options.timeout = std::chrono::milliseconds(300);
  const Error error =
      Error::From(client.Cancel("slow-20000", options).status());
  EXPECT_EQ(error.kind(), ErrorKind::kDeadlineExceeded);
  EXPECT_EQ(error.grpc_code(), 4);
  EXPECT_TRUE(error.retryable());

  const ProcessResult result =
      Pwmsg({"--json", "--timeout", "300ms", "cancel", "slow-20000"});
  EXPECT_EQ(result.exit_code, 8) << result.err;
  EXPECT_EQ(ParseEnvelope(result.out).code(), 4);
}

TEST_F(ScriptedServerTest, NotifyAndStatusSucceedAgainstAnotherServer) {
  MessagingClient client = Client();
  const auto notified = client.Notify(NotifyRequest("ok"));
  ASSERT_TRUE(notified.ok()) << notified.status();
  EXPECT_EQ(notified->result().message_code(), "ABCD-01234567-89ABCDEF");

  // The scripted server answers "PROCESSING": the casing is not ours.
  const auto status = client.GetMessageStatus(kApplication, "ok");
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(status->status, MessageStatus::kProcessing);

  const ProcessResult result =
      Pwmsg({"--json", "status", "--application", kApplication, "ok"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("PROCESSING"), std::string::npos) << result.out;
}

TEST_F(ScriptedServerTest, AWrongTokenIsUnauthenticatedWithoutDetails) {
  MessagingClient client = Client("not-the-scripted-token");
  const Error error = Error::From(client.Cancel("ok").status());
  EXPECT_EQ(error.kind(), ErrorKind::kUnauthenticated);
  EXPECT_EQ(error.message(), "scripted server: wrong authorization");
  EXPECT_EQ(Pwmsg({"cancel", "ok"}, "not-the-scripted-token").exit_code, 6);
}

}  // namespace
}  // namespace pushwoosh::messaging
