#include "tools/fake_server/emulator_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace pushwoosh::tools {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

absl::StatusOr<EmulatorConfig> Parse(std::vector<std::string> args) {
  return ParseEmulatorArgs(args);
}

TEST(EmulatorConfigTest, Defaults) {
  auto config = Parse({});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->listen, "127.0.0.1:50051");
  EXPECT_TRUE(config->accounts.empty());
  EXPECT_EQ(config->pending, std::chrono::seconds(10));
  EXPECT_EQ(config->processing, std::chrono::seconds(10));
}

TEST(EmulatorConfigTest, ReadsEveryFlag) {
  auto config =
      Parse({"--listen", "[::1]:0", "--token", "a=acme", "--token", "b=globex",
             "--pending-ms", "5", "--processing-ms=0", "--seed", "7"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen, "[::1]:0");
  EXPECT_THAT(config->accounts,
              ElementsAre(Pair("a", "acme"), Pair("b", "globex")));
  EXPECT_EQ(config->pending, std::chrono::milliseconds(5));
  EXPECT_EQ(config->processing, std::chrono::milliseconds(0));
  EXPECT_EQ(config->seed, 7u);
}

TEST(EmulatorConfigTest, RefusesBadValuesWithoutEchoingTokens) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"--listen", "localhost"},
           {"--listen", ":80"},
           {"--listen", "h:65536"},
           {"--token", "secret-without-account"},
           {"--token", "secret="},
           {"--token", "sec ret=acme"},
           {"--pending-ms", "soon"},
           {"--processing-ms", "-1"},
           {"--seed", "x"},
           {"extra"}}) {
    auto config = Parse(args);
    ASSERT_FALSE(config.ok()) << args.back();
    EXPECT_THAT(config.status().message(), Not(HasSubstr("secret")));
  }
}

TEST(EmulatorConfigTest, ReadsFaults) {
  auto config =
      Parse({"--fault", "Cancel:UNAVAILABLE,count=2", "--fault",
             "*:resource_exhausted,count=-1,fraction=0.2,retry-delay-ms=250",
             "--fault", "Notify:14,apply-then-fail,drop-connection", "--fault",
             "ListMessages:OK,latency-ms=500"});
  ASSERT_TRUE(config.ok()) << config.status();
  ASSERT_EQ(config->faults.size(), 4u);
  EXPECT_EQ(config->faults[0].method, "Cancel");
  EXPECT_EQ(config->faults[0].code, grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(config->faults[0].count, 2);
  EXPECT_EQ(config->faults[1].method, "");
  EXPECT_EQ(config->faults[1].code, grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(config->faults[1].count, -1);
  EXPECT_DOUBLE_EQ(config->faults[1].fraction, 0.2);
  EXPECT_EQ(config->faults[1].retry_delay, std::chrono::milliseconds(250));
  EXPECT_TRUE(config->faults[2].apply_then_fail);
  EXPECT_TRUE(config->faults[2].drop_connection);
  EXPECT_TRUE(config->faults[3].latency_only);
  EXPECT_EQ(config->faults[3].latency, std::chrono::milliseconds(500));
}

TEST(EmulatorConfigTest, RefusesBadFaults) {
  for (const char* spec :
       {"Cancel", "Frobnicate:UNAVAILABLE", "Cancel:NOPE", "Cancel:17",
        "Cancel:UNAVAILABLE,count=0", "Cancel:UNAVAILABLE,fraction=1.5",
        "Cancel:UNAVAILABLE,latency-ms=-1", "Cancel:UNAVAILABLE,bogus",
        "Cancel:OK,apply-then-fail", "Cancel:OK,drop-connection"}) {
    EXPECT_FALSE(Parse({"--fault", spec}).ok()) << spec;
  }
}

}  // namespace
TEST(EmulatorConfigTest, ReadsTlsFlagsAndRefusesHalfOfThem) {
  auto config = Parse(
      {"--tls-cert", "s.pem", "--tls-key", "s.key", "--client-ca", "ca.pem"});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->tls.cert_file, "s.pem");
  EXPECT_EQ(config->tls.key_file, "s.key");
  EXPECT_EQ(config->tls.client_ca_file, "ca.pem");
  EXPECT_FALSE(Parse({"--tls-cert", "s.pem"}).ok());
  EXPECT_FALSE(Parse({"--tls-key", "s.key"}).ok());
  EXPECT_FALSE(Parse({"--client-ca", "ca.pem"}).ok());
}

}  // namespace pushwoosh::tools
