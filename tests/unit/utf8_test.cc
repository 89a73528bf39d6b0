#include "pushwoosh/messaging/internal/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace pushwoosh::messaging::internal {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("C3F8-C3863ED4-334AD4F1"));
  EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9"));       // é
  EXPECT_TRUE(IsValidUtf8("\xe2\x82\xac"));      // €
  EXPECT_TRUE(IsValidUtf8("\xf0\x9f\x98\x80"));  // 😀
  EXPECT_TRUE(IsValidUtf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
}

TEST(Utf8Test, RejectsMalformedText) {
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // Truncated.
  EXPECT_FALSE(IsValidUtf8("\xc3\x28"));          // Bad continuation.
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // Overlong '/'.
  EXPECT_FALSE(IsValidUtf8("\xe0\x80\xaf"));      // Overlong, 3 bytes.
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // Surrogate U+D800.
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // Past U+10FFFF.
  EXPECT_FALSE(IsValidUtf8("\x80"));              // Lone continuation.
}

TEST(Utf8Test, ReplacesEachMalformedByteAndKeepsTheRest) {
  EXPECT_EQ(ToValidUtf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(ToValidUtf8("a\xff"
                        "b"),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(ToValidUtf8("\xc3"), "\xef\xbf\xbd");
  EXPECT_EQ(ToValidUtf8("\xe0\x80\xaf!"),
            "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!");
  EXPECT_EQ(ToValidUtf8(std::string("a\0b", 3)), std::string("a\0b", 3));
}

// What fuzz/error_details_fuzzer found: a JSON printer drops malformed
// bytes, so "sec\xaeret" printed as "secret" after redaction had looked.
TEST(Utf8Test, MalformedBytesCannotJoinTheTextAroundThem) {
  const std::string valid = ToValidUtf8("sec\xae\xaeret");
  EXPECT_TRUE(IsValidUtf8(valid));
  EXPECT_EQ(valid.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
