#include "tools/common/flags.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace pushwoosh::tools {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::array<FlagSpec, 3> kSpecs = {{
    {"name", true, false},
    {"tag", true, true},
    {"verbose", false, false},
}};

absl::StatusOr<ParsedFlags> Parse(std::vector<std::string> args) {
  return ParseFlags(args, kSpecs);
}

TEST(FlagsTest, ValuesBothWaysBooleansAndPositionals) {
  auto flags = Parse({"--name", "a", "x", "--tag=1", "--verbose", "-", "--tag",
                      "2", "--", "--not-a-flag"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_EQ(flags->Get("name"), "a");
  EXPECT_THAT(flags->GetAll("tag"), ElementsAre("1", "2"));
  EXPECT_TRUE(flags->Has("verbose"));
  EXPECT_FALSE(flags->Has("missing"));
  EXPECT_EQ(flags->Get("missing"), std::nullopt);
  EXPECT_THAT(flags->positional(), ElementsAre("x", "-", "--not-a-flag"));
}

TEST(FlagsTest, EmptyValueIsAValue) {
  auto flags = Parse({"--name="});
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(flags->Get("name"), "");
}

TEST(FlagsTest, Errors) {
  EXPECT_THAT(Parse({"--bogus"}).status().message(), HasSubstr("--bogus"));
  EXPECT_THAT(Parse({"--name"}).status().message(), HasSubstr("needs a value"));
  EXPECT_THAT(Parse({"--verbose=yes"}).status().message(),
              HasSubstr("takes no value"));
  EXPECT_THAT(Parse({"--name", "a", "--name", "b"}).status().message(),
              HasSubstr("more than once"));
}

TEST(FlagsTest, ErrorsDoNotEchoValues) {
  EXPECT_THAT(Parse({"--name=secret", "--name=secret2"}).status().message(),
              Not(HasSubstr("secret")));
}

}  // namespace
}  // namespace pushwoosh::tools
