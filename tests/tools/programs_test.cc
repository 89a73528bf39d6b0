// End to end: the real pwmsg-fake-server process on a free port, driven by
// the real pwmsg binary — exit statuses, --json envelopes, stdin bulk
// cancel, bad flags, tokens, and shutdown by signal.
#include <gmock/gmock.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "envelope.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "subprocess.h"

namespace pushwoosh {
namespace {

using ::pushwoosh::testing_tools::DetailOf;
using ::pushwoosh::testing_tools::ParseEnvelope;
using ::pushwoosh::testing_tools::ProcessResult;
using ::pushwoosh::testing_tools::RunProgram;
using ::pushwoosh::testing_tools::Subprocess;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kAcmeToken[] = "acme-secret-token";
constexpr char kGlobexToken[] = "globex-secret-token";
constexpr char kApplication[] = "ABCDE-12345";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr auto kTimeout = std::chrono::seconds(30);

// The exit statuses pwmsg documents.
enum Exit {
  kOk = 0,
  kOther = 1,
  kUsage = 2,
  kNotFound = 3,
  kNotCancelable = 4,
  kPermissionDenied = 5,
  kUnauthenticated = 6,
  kInvalidRequest = 7,
};

std::string ReasonOf(const google::rpc::Status& envelope) {
  const auto info = DetailOf<google::rpc::ErrorInfo>(envelope);
  return info.has_value() ? info->reason() : "";
}

class ProgramsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = std::make_unique<Subprocess>(std::vector<std::string>{
        FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0", "--token",
        std::string(kAcmeToken) + "=acme", "--token",
        std::string(kGlobexToken) + "=globex", "--pending-ms", "3600000"});
    auto line = emulator_->ReadLine(kTimeout);
    ASSERT_TRUE(line.has_value()) << "the emulator printed no line";
    ASSERT_THAT(*line, StartsWith("listening on 127.0.0.1:"));
    target_ = line->substr(std::string("listening on ").size());
  }

  void TearDown() override {
    if (!emulator_) return;
    emulator_->Signal(SIGTERM);
    const ProcessResult result = emulator_->Wait(kTimeout);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    emulator_log_ = result.err;
  }

  ProcessResult Pwmsg(std::vector<std::string> args,
                      const std::string& token = kAcmeToken,
                      const std::string& input = "") {
    args.insert(args.begin(),
                {PWMSG_BINARY, "--target", target_, "--plaintext"});
    std::map<std::string, std::string> env;
    if (!token.empty()) env["PUSHWOOSH_API_TOKEN"] = token;
    return RunProgram(args, env, input, kTimeout);
  }

  // A message scheduled an hour ahead (waiting); returns its code.
  std::string NotifyWaiting() {
    const ProcessResult result = Pwmsg(
        {"notify", "--application", kApplication, "--segment", "all", "--title",
         "Hello", "--body", "World", "--at", "2099-01-01T00:00:00Z"});
    EXPECT_EQ(result.exit_code, kOk) << result.out << result.err;
    EXPECT_THAT(result.out, StartsWith("message_code "));
    std::string code = result.out.substr(std::string("message_code ").size());
    if (!code.empty() && code.back() == '\n') code.pop_back();
    return code;
  }

  std::unique_ptr<Subprocess> emulator_;
  std::string target_;
  std::string emulator_log_;
};

TEST_F(ProgramsTest, CancelWaitingMessageSucceeds) {
  const std::string code = NotifyWaiting();
  ProcessResult status = Pwmsg({"status", "--application", kApplication, code});
  EXPECT_EQ(status.exit_code, kOk);
  EXPECT_EQ(status.out, "waiting\n");

  const ProcessResult cancel = Pwmsg({"--json", "cancel", code});
  EXPECT_EQ(cancel.exit_code, kOk) << cancel.out << cancel.err;
  EXPECT_EQ(cancel.out, "{}\n");

  status = Pwmsg({"--json", "status", "--application", kApplication, code});
  EXPECT_THAT(status.out, HasSubstr("\"status\":\"canceled\""));
}

TEST_F(ProgramsTest, CancelTwiceIsNotCancelableWithEnvelope) {
  const std::string code = NotifyWaiting();
  ASSERT_EQ(Pwmsg({"cancel", code}).exit_code, kOk);
  const ProcessResult again = Pwmsg({"--json", "cancel", code});
  EXPECT_EQ(again.exit_code, kNotCancelable);
  const google::rpc::Status envelope = ParseEnvelope(again.out);
  EXPECT_EQ(envelope.code(), 9);
  EXPECT_EQ(ReasonOf(envelope), "MESSAGE_NOT_CANCELABLE");
}

TEST_F(ProgramsTest, CancelUnknownIsNotFoundWithCode5) {
  const ProcessResult result = Pwmsg({"--json", "cancel", kUnknownCode});
  EXPECT_EQ(result.exit_code, kNotFound) << result.out << result.err;
  const google::rpc::Status envelope = ParseEnvelope(result.out);
  EXPECT_EQ(envelope.code(), 5);
  EXPECT_EQ(envelope.message(), "message not found");
  EXPECT_EQ(ReasonOf(envelope), "MESSAGE_NOT_FOUND");

  const ProcessResult human = Pwmsg({"cancel", kUnknownCode});
  EXPECT_EQ(human.exit_code, kNotFound);
  EXPECT_THAT(human.out, HasSubstr("MESSAGE_NOT_FOUND (grpc 5, http 404)"));
}

TEST_F(ProgramsTest, CancelAnotherAccountsMessageIsPermissionDenied) {
  const std::string code = NotifyWaiting();
  const ProcessResult result = Pwmsg({"--json", "cancel", code}, kGlobexToken);
  EXPECT_EQ(result.exit_code, kPermissionDenied);
  EXPECT_EQ(ParseEnvelope(result.out).code(), 7);
}

TEST_F(ProgramsTest, WrongTokenIsUnauthenticatedAndNeverShown) {
  const ProcessResult result =
      Pwmsg({"--json", "cancel", kUnknownCode}, "not-a-known-token");
  EXPECT_EQ(result.exit_code, kUnauthenticated);
  EXPECT_EQ(ParseEnvelope(result.out).code(), 16);
  EXPECT_THAT(result.out + result.err, Not(HasSubstr("not-a-known-token")));
}

TEST_F(ProgramsTest, EmptyCodeIsRefusedBeforeSending) {
  const ProcessResult result = Pwmsg({"--json", "cancel", ""});
  EXPECT_EQ(result.exit_code, kInvalidRequest);
  const google::rpc::Status envelope = ParseEnvelope(result.out);
  EXPECT_EQ(envelope.code(), 3);
  ASSERT_EQ(envelope.details_size(), 1);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(envelope.details(0).UnpackTo(&bad_request));
  EXPECT_EQ(bad_request.field_violations(0).field(), "message_code");
}

TEST_F(ProgramsTest, MissingTokenIsAUsageError) {
  const ProcessResult result = Pwmsg({"cancel", kUnknownCode}, "");
  EXPECT_EQ(result.exit_code, kUsage);
  EXPECT_THAT(result.err, HasSubstr("PUSHWOOSH_API_TOKEN"));
}

TEST_F(ProgramsTest, TokenOnTheCommandLineIsRefused) {
  const ProcessResult result =
      Pwmsg({"--token", "typed-secret", "cancel", kUnknownCode});
  EXPECT_EQ(result.exit_code, kUsage);
  EXPECT_THAT(result.err, HasSubstr("process list"));
  EXPECT_THAT(result.err, Not(HasSubstr("typed-secret")));
}

TEST_F(ProgramsTest, TokenFileIsRead) {
  const std::string path =
      ::testing::TempDir() + "/pwmsg-token-" + std::to_string(getpid());
  std::ofstream(path) << kAcmeToken << "\n";
  const ProcessResult result =
      Pwmsg({"--token-file", path, "cancel", kUnknownCode}, "");
  std::remove(path.c_str());
  EXPECT_EQ(result.exit_code, kNotFound) << result.err;
}

TEST_F(ProgramsTest, NotifyFromRestJsonFile) {
  const std::string path =
      ::testing::TempDir() + "/notify-" + std::to_string(getpid()) + ".json";
  // A body in the shape the REST documentation shows.
  std::ofstream(path) << R"({
    "segment": {
      "application": "ABCDE-12345",
      "platforms": ["IOS", "ANDROID"],
      "code": "all-subscribers",
      "schedule": {"at": "2099-06-01T12:00:00Z"},
      "payload": {"content": {"localized_content": {
        "en": {"ios": {"title": "Hi", "body": "There"},
               "android": {"title": "Hi", "body": "There"}}}}},
      "message_type": "MESSAGE_TYPE_TRANSACTIONAL",
      "meta_data": {"campaign_owner": "growth"}
    }
  })";
  const ProcessResult result = Pwmsg({"--json", "notify", "--request", path});
  std::remove(path.c_str());
  EXPECT_EQ(result.exit_code, kOk) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("{\"result\":{\"message_code\":\""));

  std::smatch match;
  ASSERT_TRUE(std::regex_search(result.out, match,
                                std::regex("\"message_code\":\"([^\"]+)\"")));
  const std::string code = match[1];
  const ProcessResult status =
      Pwmsg({"status", "--application", kApplication, code});
  EXPECT_EQ(status.out, "waiting\n") << code;
}

TEST_F(ProgramsTest, NotifyWithAMistypedFieldIsInvalidRequest) {
  const ProcessResult result =
      Pwmsg({"--json", "notify", "--request", "-"}, kAcmeToken,
            R"({"segment": {"aplication": "ABCDE-12345"}})");
  EXPECT_EQ(result.exit_code, kInvalidRequest);
  EXPECT_THAT(ParseEnvelope(result.out).message(), HasSubstr("aplication"));
}

TEST_F(ProgramsTest, BulkCancelFromStdinWithMixedOutcomes) {
  const std::string first = NotifyWaiting();
  const std::string second = NotifyWaiting();
  const std::string canceled = NotifyWaiting();
  ASSERT_EQ(Pwmsg({"cancel", canceled}).exit_code, kOk);

  const std::string input = first + "\n\n  " + second + "  \n" + canceled +
                            "\n" + kUnknownCode + "\n";
  const ProcessResult result =
      Pwmsg({"cancel", "--concurrency", "3", "-"}, kAcmeToken, input);
  EXPECT_EQ(result.exit_code, kOther);  // Failures of different kinds.
  EXPECT_THAT(result.out, AllOf(HasSubstr(first + ": canceled\n"),
                                HasSubstr(second + ": canceled\n"),
                                HasSubstr(canceled + ": NOT_CANCELABLE"),
                                HasSubstr(std::string(kUnknownCode) +
                                          ": MESSAGE_NOT_FOUND")));
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 4);
}

TEST_F(ProgramsTest, BulkCancelExitStatusSaysWhetherAllSucceeded) {
  const std::string input = NotifyWaiting() + "\n" + NotifyWaiting() + "\n";
  EXPECT_EQ(Pwmsg({"cancel", "-"}, kAcmeToken, input).exit_code, kOk);
  // Every failure of one kind: that kind's status.
  const ProcessResult same = Pwmsg({"cancel", "-"}, kAcmeToken, input);
  EXPECT_EQ(same.exit_code, kNotCancelable);
}

TEST_F(ProgramsTest, BulkCancelJsonLinesNameEachCode) {
  const std::string code = NotifyWaiting();
  const ProcessResult result = Pwmsg({"--json", "cancel", code, kUnknownCode});
  EXPECT_THAT(result.out,
              HasSubstr("{\"message_code\":\"" + code + "\",\"response\":{}}"));
  EXPECT_THAT(result.out,
              HasSubstr("{\"message_code\":\"" + std::string(kUnknownCode) +
                        "\",\"error\":{\"code\":5,"));
}

TEST_F(ProgramsTest, ListWalksAllPages) {
  for (int i = 0; i < 5; ++i) NotifyWaiting();
  const ProcessResult result =
      Pwmsg({"--json", "list", "--application", kApplication, "--per-page", "2",
             "--all"});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"total\":\"5\""));
  // Five items, each with its id.
  std::size_t ids = 0;
  for (auto at = result.out.find("\"id\":"); at != std::string::npos;
       at = result.out.find("\"id\":", at + 1)) {
    ++ids;
  }
  EXPECT_EQ(ids, 5u);
}

TEST_F(ProgramsTest, EmulatorLogsEveryCallWithoutTheToken) {
  Pwmsg({"cancel", kUnknownCode});
  Pwmsg({"cancel", kUnknownCode}, "wrong-token-value");
  TearDown();
  emulator_.reset();
  EXPECT_THAT(emulator_log_,
              HasSubstr("Cancel account=acme code=NOT_FOUND(5) latency="));
  EXPECT_THAT(emulator_log_,
              HasSubstr("Cancel account=- code=UNAUTHENTICATED"));
  EXPECT_TRUE(
      std::regex_search(emulator_log_, std::regex("request_id=[0-9a-f]{32}\n")))
      << emulator_log_;
  EXPECT_THAT(emulator_log_, Not(HasSubstr(kAcmeToken)));
  EXPECT_THAT(emulator_log_, Not(HasSubstr("wrong-token-value")));
}

TEST(ProgramFaultsTest, EmulatorFaultsAreRetriedThroughByPwmsg) {
  Subprocess emulator({FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0", "--token",
                       std::string(kAcmeToken) + "=acme", "--fault",
                       "Cancel:UNAVAILABLE,count=2"});
  const auto line = emulator.ReadLine(kTimeout);
  ASSERT_TRUE(line.has_value());
  const std::string target = line->substr(std::string("listening on ").size());
  // An unknown code: the two injected failures, then the real answer.
  const ProcessResult result = RunProgram(
      {PWMSG_BINARY, "--target", target, "--plaintext", "cancel", kUnknownCode},
      {{"PUSHWOOSH_API_TOKEN", kAcmeToken}}, "", kTimeout);
  EXPECT_EQ(result.exit_code, kNotFound) << result.out << result.err;
  emulator.Signal(SIGTERM);
  const ProcessResult log = emulator.Wait(kTimeout);
  EXPECT_EQ(log.exit_code, 0);
  std::size_t unavailable = 0;
  for (auto at = log.err.find("code=UNAVAILABLE"); at != std::string::npos;
       at = log.err.find("code=UNAVAILABLE", at + 1)) {
    ++unavailable;
  }
  EXPECT_EQ(unavailable, 2u);
  EXPECT_THAT(log.err, HasSubstr("Cancel account=acme code=NOT_FOUND(5)"));
}

TEST(ProgramFaultsTest, DroppedConnectionAfterCancelIsConfirmedByStatus) {
  Subprocess emulator(
      {FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0", "--token",
       std::string(kAcmeToken) + "=acme", "--pending-ms", "3600000",
       // DATA_LOSS if the connection were not really dropped: not retried.
       "--fault", "Cancel:DATA_LOSS,apply-then-fail,drop-connection"});
  const auto line = emulator.ReadLine(kTimeout);
  ASSERT_TRUE(line.has_value());
  const std::string target = line->substr(std::string("listening on ").size());
  const std::map<std::string, std::string> env = {
      {"PUSHWOOSH_API_TOKEN", kAcmeToken}};
  const ProcessResult notified = RunProgram(
      {PWMSG_BINARY, "--target", target, "--plaintext", "notify",
       "--application", kApplication, "--segment", "all", "--title", "t"},
      env, "", kTimeout);
  ASSERT_EQ(notified.exit_code, kOk) << notified.err;
  const std::string code =
      notified.out.substr(std::string("message_code ").size(), 22);
  const ProcessResult canceled =
      RunProgram({PWMSG_BINARY, "--target", target, "--plaintext", "cancel",
                  "--application", kApplication, code},
                 env, "", kTimeout);
  EXPECT_EQ(canceled.exit_code, kOk) << canceled.out << canceled.err;
  EXPECT_EQ(canceled.out, "canceled (reply lost; confirmed by status)\n");
  emulator.Signal(SIGTERM);
  EXPECT_EQ(emulator.Wait(kTimeout).exit_code, 0);
}

TEST_F(ProgramsTest, EmulatorStopsCleanlyOnSigint) {
  emulator_->Signal(SIGINT);
  const ProcessResult result = emulator_->Wait(kTimeout);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_FALSE(result.timed_out);
  emulator_.reset();
}

// Raw bytes of one unary call, through the generic stub.
grpc::Status GenericUnary(const std::string& target, const std::string& method,
                          const std::string& request, std::string* response) {
  grpc::GenericStub stub(
      grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + kTimeout);
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request_buffer,
                 &response_buffer,
                 [&](grpc::Status status) { done.set_value(status); });
  const grpc::Status status = done.get_future().get();
  std::vector<grpc::Slice> slices;
  if (status.ok() && response_buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      response->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  return status;
}

TEST_F(ProgramsTest, EmulatorServesHealth) {
  // An empty HealthCheckRequest asks about the whole server; the answer
  // {status: SERVING} is field 1 = 1.
  std::string response;
  const grpc::Status status =
      GenericUnary(target_, "/grpc.health.v1.Health/Check", "", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response, std::string("\x08\x01", 2));
}

TEST_F(ProgramsTest, EmulatorServesReflection) {
  // ServerReflectionRequest{list_services: ""} on the bidi stream.
  grpc::GenericStub stub(
      grpc::CreateChannel(target_, grpc::InsecureChannelCredentials()));
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + kTimeout);
  auto call = stub.PrepareCall(
      &context,
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &queue);
  void* tag = nullptr;
  bool ok = false;
  auto step = [&](int expected_tag) {
    EXPECT_TRUE(queue.Next(&tag, &ok));
    EXPECT_EQ(tag, reinterpret_cast<void*>(expected_tag));
    return ok;
  };
  call->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(step(1));
  grpc::Slice request(std::string("\x3a\x00", 2));
  call->WriteLast(grpc::ByteBuffer(&request, 1), grpc::WriteOptions(),
                  reinterpret_cast<void*>(2));
  ASSERT_TRUE(step(2));
  grpc::ByteBuffer reply;
  call->Read(&reply, reinterpret_cast<void*>(3));
  ASSERT_TRUE(step(3));
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(4));
  step(4);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(reply.Dump(&slices).ok());
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  EXPECT_THAT(bytes, HasSubstr("pushwoosh.messaging.v2.MessagingService"));
  EXPECT_THAT(bytes, HasSubstr("pushwoosh.statistics.v2.StatisticsService"));
}

// The emulator with mTLS, and pwmsg with and without a client certificate,
// on throwaway certificates from scripts/make-test-certs.sh.
TEST(ProgramTlsTest, PwmsgSpeaksMutualTlsToTheEmulator) {
  const std::string certs =
      "/tmp/pushwoosh-program-certs-" + std::to_string(::getpid());
  ASSERT_EQ(std::system((std::string(PUSHWOOSH_SOURCE_DIR) +
                         "/scripts/make-test-certs.sh " + certs + " >/dev/null")
                            .c_str()),
            0);
  Subprocess emulator(
      {FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0", "--token",
       std::string(kAcmeToken) + "=acme", "--tls-cert", certs + "/server.pem",
       "--tls-key", certs + "/server.key", "--client-ca", certs + "/ca.pem"});
  const auto line = emulator.ReadLine(kTimeout);
  ASSERT_TRUE(line.has_value());
  const std::string target = line->substr(std::string("listening on ").size());
  const std::map<std::string, std::string> env = {
      {"PUSHWOOSH_API_TOKEN", kAcmeToken}};

  const ProcessResult with_cert =
      RunProgram({PWMSG_BINARY, "--target", target, "--ca-file",
                  certs + "/ca.pem", "--cert-file", certs + "/client.pem",
                  "--key-file", certs + "/client.key", "cancel", kUnknownCode},
                 env, "", kTimeout);
  EXPECT_EQ(with_cert.exit_code, kNotFound) << with_cert.out << with_cert.err;

  const ProcessResult without_cert =
      RunProgram({PWMSG_BINARY, "--target", target, "--ca-file",
                  certs + "/ca.pem", "--timeout", "3s", "cancel", kUnknownCode},
                 env, "", kTimeout);
  EXPECT_NE(without_cert.exit_code, kOk);
  EXPECT_NE(without_cert.exit_code, kNotFound);
  EXPECT_THAT(without_cert.out + without_cert.err, Not(HasSubstr(kAcmeToken)));

  emulator.Signal(SIGTERM);
  EXPECT_EQ(emulator.Wait(kTimeout).exit_code, 0);
  std::system(("rm -rf " + certs).c_str());
}

TEST(ProgramTlsTest, PwmsgRefusesToSendTheTokenInPlaintextToARemoteHost) {
  const ProcessResult result =
      RunProgram({PWMSG_BINARY, "--target", "10.1.2.3:443", "--plaintext",
                  "cancel", kUnknownCode},
                 {{"PUSHWOOSH_API_TOKEN", kAcmeToken}}, "", kTimeout);
  EXPECT_EQ(result.exit_code, kUsage);
  EXPECT_THAT(result.err, HasSubstr("refusing to send the API token"));
  EXPECT_THAT(result.out + result.err, Not(HasSubstr(kAcmeToken)));
}

TEST(ProgramFlagsTest, PwmsgBadFlagsExit2) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"--bogus", "cancel", "X"},
           {"frobnicate"},
           {},
           {"cancel", "--concurrency", "0", "X"},
           {"status", "X"},
           {"notify", "--application", "A", "--title", "t"},
           {"--timeout", "soon", "cancel", "X"}}) {
    args.insert(args.begin(), PWMSG_BINARY);
    const ProcessResult result =
        RunProgram(args, {{"PUSHWOOSH_API_TOKEN", "t"}}, "", kTimeout);
    EXPECT_EQ(result.exit_code, kUsage) << args.back() << ": " << result.err;
    EXPECT_THAT(result.err, HasSubstr("pwmsg")) << args.back();
  }
}

TEST(ProgramFlagsTest, EmulatorBadFlagsExit2AndStartNothing) {
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"--bogus"},
                                             {"--listen", "nowhere"},
                                             {"--listen", "127.0.0.1:99999"},
                                             {"--token", "no-equals-sign"},
                                             {"--token", "=account"},
                                             {"--pending-ms", "-5"},
                                             {"stray-argument"}}) {
    args.insert(args.begin(), FAKE_SERVER_BINARY);
    const ProcessResult result = RunProgram(args, {}, "", kTimeout);
    EXPECT_EQ(result.exit_code, kUsage) << args.back();
    EXPECT_THAT(result.out, Not(HasSubstr("listening"))) << args.back();
    EXPECT_THAT(result.err, HasSubstr("pwmsg-fake-server:")) << args.back();
  }
}

TEST(ProgramFlagsTest, HelpAndVersion) {
  const ProcessResult help = RunProgram({PWMSG_BINARY, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Exit status:"));
  const ProcessResult version = RunProgram({PWMSG_BINARY, "--version"});
  EXPECT_THAT(version.out, StartsWith("pwmsg "));
  EXPECT_EQ(RunProgram({FAKE_SERVER_BINARY, "--help"}).exit_code, 0);
}

TEST(ProgramFlagsTest, EmulatorWithoutTokensCreatesADemoToken) {
  Subprocess emulator({FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0"});
  const auto line = emulator.ReadLine(kTimeout);
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(*line, StartsWith("listening on "));
  emulator.Signal(SIGTERM);
  const ProcessResult result = emulator.Wait(kTimeout);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.err, HasSubstr("created token demo-"));
}

}  // namespace
}  // namespace pushwoosh
