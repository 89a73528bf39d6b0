// TLS and mTLS between MessagingClient and the fake server over loopback,
// with throwaway certificates from scripts/make-test-certs.sh; and the
// rule that an API token never travels unencrypted to a remote target.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/testing/fake_server_tls.h"

namespace pushwoosh::messaging {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "tls-secret-token";
constexpr char kUnknownCode[] = "C3F8-C3863ED4-334AD4F1";

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    certs_ = new std::string((std::filesystem::temp_directory_path() /
                              ("pushwoosh-certs-" + std::to_string(::getpid())))
                                 .string());
    const std::string command = std::string(PUSHWOOSH_SOURCE_DIR) +
                                "/scripts/make-test-certs.sh " + *certs_ +
                                " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*certs_);
    delete certs_;
  }

  static std::string Cert(const std::string& name) {
    return *certs_ + "/" + name;
  }

  // A fake server on loopback with TLS; with mTLS when `require_client`.
  void StartServer(bool require_client) {
    testing::FakeServerTlsFiles files;
    files.cert_file = Cert("server.pem");
    files.key_file = Cert("server.key");
    if (require_client) files.client_ca_file = Cert("ca.pem");
    auto credentials = testing::FakeServerTls(files);
    ASSERT_TRUE(credentials.ok()) << credentials.status();
    testing::FakeServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.credentials = *credentials;
    options.accounts = {{kToken, "acme"}};
    auto server = testing::FakeMessagingServer::Start(std::move(options));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  ClientOptions Options(const std::string& target) {
    ClientOptions options;
    options.target = target;
    options.api_token = kToken;
    options.default_timeout = std::chrono::seconds(5);
    options.retry.max_attempts = 1;
    options.tls.ca_file = Cert("ca.pem");
    return options;
  }

  // What a Cancel of an unknown code ends with: kMessageNotFound proves
  // the call reached the server.
  static absl::Status CancelWith(const ClientOptions& options) {
    auto client = MessagingClient::Create(options);
    if (!client.ok()) return client.status();
    return client->Cancel(kUnknownCode).status();
  }

  static std::string* certs_;
  std::unique_ptr<testing::FakeMessagingServer> server_;
};

std::string* TlsTest::certs_ = nullptr;

TEST_F(TlsTest, TlsWithTheRightCaReachesTheServer) {
  StartServer(/*require_client=*/false);
  EXPECT_EQ(ErrorKindOf(CancelWith(Options(server_->address()))),
            ErrorKind::kMessageNotFound);
}

TEST_F(TlsTest, AnotherCaFailsTheHandshakeWithoutLeakingTheToken) {
  StartServer(/*require_client=*/false);
  ClientOptions options = Options(server_->address());
  options.tls.ca_file = Cert("other-ca.pem");
  const absl::Status status = CancelWith(options);
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kUnavailable);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("certificate verify failed"));
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr(kToken)));
  EXPECT_THAT(Error::From(status).ToString(), Not(HasSubstr(kToken)));
}

TEST_F(TlsTest, PlaintextClientCannotTalkToATlsServer) {
  StartServer(/*require_client=*/false);
  ClientOptions options = Options(server_->address());
  options.plaintext = true;
  EXPECT_EQ(ErrorKindOf(CancelWith(options)), ErrorKind::kUnavailable);
}

TEST_F(TlsTest, ServerNameOverrideChoosesTheNameToVerify) {
  StartServer(/*require_client=*/false);
  ClientOptions options = Options(server_->address());
  options.tls.server_name = "pushwoosh-fake.test";
  EXPECT_EQ(ErrorKindOf(CancelWith(options)), ErrorKind::kMessageNotFound);
  options.tls.server_name = "not-this-server.test";
  EXPECT_EQ(ErrorKindOf(CancelWith(options)), ErrorKind::kUnavailable);
}

TEST_F(TlsTest, MutualTlsWithAClientCertificateReachesTheServer) {
  StartServer(/*require_client=*/true);
  ClientOptions options = Options(server_->address());
  options.tls.client_cert_file = Cert("client.pem");
  options.tls.client_key_file = Cert("client.key");
  EXPECT_EQ(ErrorKindOf(CancelWith(options)), ErrorKind::kMessageNotFound);
}

TEST_F(TlsTest, MutualTlsWithoutAClientCertificateIsRefused) {
  StartServer(/*require_client=*/true);
  EXPECT_EQ(ErrorKindOf(CancelWith(Options(server_->address()))),
            ErrorKind::kUnavailable);
}

TEST_F(TlsTest, UnreadableFilesAreRefusedBeforeDialing) {
  ClientOptions options = Options("localhost:1");
  options.tls.ca_file = Cert("missing.pem");
  absl::Status status = CancelWith(options);
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(status.message()), HasSubstr("tls.ca_file"));

  options = Options("localhost:1");
  options.tls.client_cert_file = Cert("client.pem");  // Without its key.
  EXPECT_EQ(ErrorKindOf(CancelWith(options)), ErrorKind::kInvalidRequest);
}

TEST(TokenSafetyTest, PlaintextTokenToARemoteTargetIsRefused) {
  ClientOptions options;
  options.target = "10.1.2.3:443";
  options.api_token = kToken;
  options.plaintext = true;
  auto client = MessagingClient::Create(options);
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(ErrorKindOf(client.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(client.status().message()), HasSubstr("10.1.2.3"));
  EXPECT_THAT(std::string(client.status().message()), Not(HasSubstr(kToken)));

  options.trusted_sidecar = true;  // The user vouches for that hop.
  EXPECT_TRUE(MessagingClient::Create(options).ok());
}

TEST(TokenSafetyTest, PlaintextToThisMachineOrWithoutATokenIsAllowed) {
  for (const char* target :
       {"127.0.0.1:50051", "localhost:50051", "[::1]:50051",
        "unix:/tmp/pushwoosh.sock", "dns:///localhost:50051"}) {
    ClientOptions options;
    options.target = target;
    options.api_token = kToken;
    options.plaintext = true;
    EXPECT_TRUE(MessagingClient::Create(options).ok()) << target;
  }
  ClientOptions no_token;
  no_token.target = "10.1.2.3:443";
  no_token.plaintext = true;
  EXPECT_TRUE(MessagingClient::Create(no_token).ok());
}

}  // namespace
}  // namespace pushwoosh::messaging
