#include "pushwoosh/messaging/internal/metadata.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pushwoosh/messaging/error.h"

namespace pushwoosh::messaging::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

TEST(MetadataTest, LowerCasesKeys) {
  auto normalized = NormalizeMetadata(
      {{"X-Request-ID", "abc"}, {"Trace-Bin", std::string("\0\xff", 2)}});
  ASSERT_TRUE(normalized.ok()) << normalized.status();
  EXPECT_THAT(*normalized,
              ElementsAre(Pair("x-request-id", "abc"),
                          Pair("trace-bin", std::string("\0\xff", 2))));
}

TEST(MetadataTest, RefusesIllegalKeys) {
  for (const char* key :
       {"", "bad key", "k\xc3\xa9y", "colon:key", "grpc-x", "authorization",
        "Authorization", "content-type", "te", "host", "user-agent"}) {
    auto normalized = NormalizeMetadata({{key, "v"}});
    ASSERT_FALSE(normalized.ok()) << key;
    EXPECT_EQ(ErrorKindOf(normalized.status()), ErrorKind::kInvalidRequest)
        << key;
  }
}

TEST(MetadataTest, RefusesNonPrintableValuesOnTextKeys) {
  auto normalized = NormalizeMetadata({{"x-secret", "line\nbreak-SECRET"}});
  ASSERT_FALSE(normalized.ok());
  EXPECT_THAT(normalized.status().message(), HasSubstr("x-secret"));
  // The value may be a secret: it is never echoed.
  EXPECT_THAT(normalized.status().message(), Not(HasSubstr("SECRET")));
}

TEST(MetadataTest, ApiToken) {
  EXPECT_TRUE(ValidateApiToken("").ok());
  EXPECT_TRUE(ValidateApiToken("abcDEF123-_.~").ok());
  for (const char* token :
       {"has space", "tab\there", "new\nline", "caf\xc3\xa9"}) {
    const absl::Status status = ValidateApiToken(token);
    ASSERT_FALSE(status.ok()) << token;
    EXPECT_THAT(status.message(), Not(HasSubstr(token)));
  }
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
