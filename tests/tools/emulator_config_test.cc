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

}  // namespace
}  // namespace pushwoosh::tools
