// The API token never shows in what the real programs print: not when a
// server echoes it back (plain, --json and --verbose output), not through
// gRPC's own traces, and not when pwmsg crashes mid-call.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "subprocess.h"

namespace {

using ::pushwoosh::testing_tools::ProcessResult;
using ::pushwoosh::testing_tools::RunProgram;
using ::pushwoosh::testing_tools::Subprocess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "redaction-secret-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr auto kTimeout = std::chrono::seconds(30);
constexpr int kExitNotFound = 3;
constexpr int kExitTransient = 8;

// The emulator with `faults`, and the target it serves.
class Emulator {
 public:
  explicit Emulator(const std::vector<std::string>& faults) {
    std::vector<std::string> argv = {FAKE_SERVER_BINARY, "--listen",
                                     "127.0.0.1:0", "--token",
                                     std::string(kToken) + "=acme"};
    for (const std::string& fault : faults) {
      argv.push_back("--fault");
      argv.push_back(fault);
    }
    process_ = std::make_unique<Subprocess>(argv);
    const auto line = process_->ReadLine(kTimeout);
    if (line.has_value()) {
      target_ = line->substr(std::string("listening on ").size());
    }
  }

  const std::string& target() const { return target_; }
  Subprocess& process() { return *process_; }

 private:
  std::unique_ptr<Subprocess> process_;
  std::string target_;
};

ProcessResult Pwmsg(const Emulator& emulator, std::vector<std::string> args,
                    std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(),
              {PWMSG_BINARY, "--target", emulator.target(), "--plaintext"});
  env["PUSHWOOSH_API_TOKEN"] = kToken;
  return RunProgram(args, env, "", kTimeout);
}

TEST(RedactionTest, AnEchoedTokenIsRedactedInPlainJsonAndVerboseOutput) {
  Emulator emulator({std::string("Cancel:UNAVAILABLE,count=-1,message=bad "
                                 "header authorization: Token ") +
                     kToken});
  ASSERT_FALSE(emulator.target().empty());
  for (std::vector<std::string> args :
       {std::vector<std::string>{"cancel", kUnknownCode},
        std::vector<std::string>{"--json", "cancel", kUnknownCode},
        std::vector<std::string>{"--verbose", "--json", "cancel",
                                 kUnknownCode}}) {
    const ProcessResult result = Pwmsg(emulator, args);
    EXPECT_EQ(result.exit_code, kExitTransient) << result.err;
    EXPECT_THAT(result.out + result.err, Not(HasSubstr(kToken)));
    EXPECT_THAT(result.out + result.err, HasSubstr("Token [REDACTED]"))
        << args.front();
  }
}

TEST(RedactionTest, VerboseLogsEachAttemptWithItsRequestId) {
  Emulator emulator({"Cancel:UNAVAILABLE,count=1"});
  ASSERT_FALSE(emulator.target().empty());
  const ProcessResult result =
      Pwmsg(emulator, {"--verbose", "cancel", kUnknownCode});
  EXPECT_EQ(result.exit_code, kExitNotFound) << result.err;
  EXPECT_THAT(result.err, HasSubstr("pwmsg: Cancel attempt 1: UNAVAILABLE"));
  EXPECT_THAT(result.err,
              HasSubstr("pwmsg: Cancel attempt 2: MESSAGE_NOT_FOUND"));
  EXPECT_THAT(result.err, HasSubstr("request_id="));
  EXPECT_THAT(result.out + result.err, Not(HasSubstr(kToken)));
}

// gRPC's http tracer prints every request header, authorization included.
TEST(RedactionTest, GrpcTracesAreRefusedSinceTheyPrintTheToken) {
  Emulator emulator({});
  ASSERT_FALSE(emulator.target().empty());
  const ProcessResult result =
      Pwmsg(emulator, {"cancel", kUnknownCode},
            {{"GRPC_TRACE", "all"}, {"GRPC_VERBOSITY", "debug"}});
  EXPECT_EQ(result.exit_code, kExitNotFound) << result.err;
  EXPECT_THAT(result.err, HasSubstr("ignoring GRPC_TRACE"));
  EXPECT_THAT(result.out + result.err, Not(HasSubstr(kToken)));
}

// Whatever a crash prints (today: nothing of ours, gRPC's or glibc's
// messages), the token must not be in it.
TEST(RedactionTest, ACrashMidCallPrintsNoToken) {
  for (int signal_number : {SIGSEGV, SIGABRT}) {
    Emulator emulator({"Cancel:OK,latency-ms=60000"});
    ASSERT_FALSE(emulator.target().empty());
    Subprocess pwmsg(
        {PWMSG_BINARY, "--target", emulator.target(), "--plaintext",
         "--verbose", "--timeout", "120s", "cancel", kUnknownCode},
        {{"PUSHWOOSH_API_TOKEN", kToken}});
    // The emulator logs the call when it arrives, then holds the reply: by
    // then pwmsg holds the token and waits inside the call.
    ASSERT_TRUE(
        emulator.process().WaitForStderr(" Cancel account=acme", kTimeout));
    pwmsg.Signal(signal_number);
    const ProcessResult result = pwmsg.Wait(kTimeout);
    // Under AddressSanitizer a SIGSEGV is reported and exits 1: its report
    // is crash output too, and is checked like the rest.
    const bool crashed =
        result.exit_code == 128 + signal_number ||
        result.err.find("AddressSanitizer:DEADLYSIGNAL") != std::string::npos;
    EXPECT_TRUE(crashed) << result.exit_code << " " << result.err;
    EXPECT_THAT(result.out + result.err, Not(HasSubstr(kToken)));
  }
}

}  // namespace
