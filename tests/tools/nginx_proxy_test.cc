// A real L7 proxy in between: nginx (grpc_pass), started by the test on
// loopback in front of the emulator. Every call, error and rich detail the
// client sees through nginx must be what it sees directly.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "subprocess.h"

namespace pushwoosh::messaging {
namespace {

using ::pushwoosh::testing_tools::ProcessResult;
using ::pushwoosh::testing_tools::RunProgram;
using ::pushwoosh::testing_tools::Subprocess;
using ::testing::HasSubstr;

constexpr char kToken[] = "nginx-secret-token";
constexpr char kApplication[] = "ABCDE-12345";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";
constexpr auto kTimeout = std::chrono::seconds(30);

// A loopback port free at the time of asking; nginx cannot report the
// port it picked.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), length);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

class NginxProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = std::make_unique<Subprocess>(std::vector<std::string>{
        FAKE_SERVER_BINARY, "--listen", "127.0.0.1:0", "--token",
        std::string(kToken) + "=acme", "--pending-ms", "3600000"});
    const auto line = emulator_->ReadLine(kTimeout);
    ASSERT_TRUE(line.has_value()) << "the emulator printed no line";
    direct_ = line->substr(std::string("listening on ").size());

    dir_ = std::filesystem::temp_directory_path() /
           ("pushwoosh-nginx-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    proxied_ = "127.0.0.1:" + std::to_string(FreePort());
    const std::string d = dir_.string();
    std::ofstream(dir_ / "nginx.conf")
        << "daemon off;\nmaster_process off;\nworker_processes 1;\n"
        << "pid " << d << "/nginx.pid;\nerror_log " << d
        << "/error.log info;\nevents { worker_connections 256; }\n"
        << "http {\n  access_log off;\n"
        << "  client_body_temp_path " << d << "/body;\n"
        << "  proxy_temp_path " << d << "/proxy;\n"
        << "  fastcgi_temp_path " << d << "/fastcgi;\n"
        << "  uwsgi_temp_path " << d << "/uwsgi;\n"
        << "  scgi_temp_path " << d << "/scgi;\n"
        << "  server {\n    listen " << proxied_ << " http2;\n"
        << "    location / { grpc_pass grpc://" << direct_ << "; }\n"
        << "  }\n}\n";
    nginx_ = std::make_unique<Subprocess>(
        std::vector<std::string>{NGINX_BINARY, "-p", d, "-c", d + "/nginx.conf",
                                 "-e", d + "/error.log"});
  }

  void TearDown() override {
    if (nginx_) {
      nginx_->Signal(SIGQUIT);
      nginx_->Wait(kTimeout);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Waits for its channel to connect, since nginx says nothing when ready.
  static MessagingClient ClientOf(const std::string& target,
                                  const std::string& token = kToken) {
    ClientOptions options;
    options.target = target;
    options.plaintext = true;
    options.api_token = token;
    options.application = kApplication;
    options.retry.max_attempts = 1;
    options.wait_for_ready = true;
    options.default_timeout = std::chrono::seconds(20);
    auto client = MessagingClient::Create(options);
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  static v2::NotifyRequest Waiting() {
    v2::NotifyRequest request;
    auto* segment = request.mutable_segment();
    segment->set_application(kApplication);
    segment->set_code("all");
    segment->mutable_payload()->set_silent(true);
    segment->mutable_schedule()->mutable_at()->set_seconds(4'070'908'800);
    return request;
  }

  std::unique_ptr<Subprocess> emulator_;
  std::unique_ptr<Subprocess> nginx_;
  std::filesystem::path dir_;
  std::string direct_;
  std::string proxied_;
};

// Two failures are the same to a caller.
void ExpectSameError(const absl::Status& direct, const absl::Status& proxied) {
  const Error a = Error::From(direct);
  const Error b = Error::From(proxied);
  EXPECT_EQ(b.kind(), a.kind());
  EXPECT_EQ(b.code(), a.code());
  EXPECT_EQ(b.message(), a.message());
  ASSERT_EQ(b.error_info().has_value(), a.error_info().has_value());
  if (a.error_info().has_value()) {
    EXPECT_EQ(b.error_info()->reason, a.error_info()->reason);
    EXPECT_EQ(b.error_info()->domain, a.error_info()->domain);
    EXPECT_EQ(b.error_info()->metadata, a.error_info()->metadata);
  }
  EXPECT_EQ(b.field_violations().size(), a.field_violations().size());
  EXPECT_FALSE(b.details_malformed());
}

TEST_F(NginxProxyTest, CallsErrorsAndDetailsPassThroughUnchanged) {
  MessagingClient direct = ClientOf(direct_);
  MessagingClient proxied = ClientOf(proxied_);

  // Notify, Cancel, then the states and errors Cancel can meet.
  auto created = proxied.Notify(Waiting());
  ASSERT_TRUE(created.ok()) << created.status();
  const std::string code = created->result().message_code();
  auto status = proxied.GetMessageStatus(kApplication, code);
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(status->status, MessageStatus::kWaiting);
  ASSERT_TRUE(proxied.Cancel(code).ok());

  const absl::Status again_proxied = proxied.Cancel(code).status();
  EXPECT_EQ(ErrorKindOf(again_proxied), ErrorKind::kNotCancelable);
  ExpectSameError(direct.Cancel(code).status(), again_proxied);

  const absl::Status unknown = proxied.Cancel(kUnknownCode).status();
  EXPECT_EQ(ErrorKindOf(unknown), ErrorKind::kMessageNotFound);
  ExpectSameError(direct.Cancel(kUnknownCode).status(), unknown);

  const absl::Status wrong_token =
      ClientOf(proxied_, "not-a-token").Cancel(kUnknownCode).status();
  EXPECT_EQ(ErrorKindOf(wrong_token), ErrorKind::kUnauthenticated);
  ExpectSameError(
      ClientOf(direct_, "not-a-token").Cancel(kUnknownCode).status(),
      wrong_token);
}

TEST_F(NginxProxyTest, PwmsgJsonEnvelopeIsTheSameThroughTheProxy) {
  // Make sure nginx is up before the one-shot pwmsg runs.
  ASSERT_EQ(ErrorKindOf(ClientOf(proxied_).Cancel(kUnknownCode).status()),
            ErrorKind::kMessageNotFound);
  const auto run = [](const std::string& target) {
    return RunProgram({PWMSG_BINARY, "--target", target, "--plaintext",
                       "--json", "cancel", kUnknownCode},
                      {{"PUSHWOOSH_API_TOKEN", kToken}}, "", kTimeout);
  };
  const ProcessResult direct = run(direct_);
  const ProcessResult proxied = run(proxied_);
  EXPECT_EQ(proxied.exit_code, 3) << proxied.err;
  EXPECT_EQ(proxied.exit_code, direct.exit_code);
  EXPECT_THAT(proxied.out, HasSubstr("\"reason\":\"MESSAGE_NOT_FOUND\""));
  // The request id in RequestInfo is per call; everything else matches.
  const std::regex request_id("\"request_id\":\"[0-9a-f]+\"");
  EXPECT_EQ(std::regex_replace(proxied.out, request_id, "ID"),
            std::regex_replace(direct.out, request_id, "ID"));
}

}  // namespace
}  // namespace pushwoosh::messaging
