// The API token source: a file read at start and re-read in the
// background, redaction of current and earlier tokens, and calls that
// never wait for the file.
#include "pushwoosh/messaging/internal/token_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <string>

#include "pushwoosh/messaging/error.h"

namespace pushwoosh::messaging::internal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A reader whose answer the test sets.
class ScriptedFile {
 public:
  void Set(std::optional<std::string> contents) {
    std::lock_guard lock(mutex_);
    contents_ = std::move(contents);
  }
  TokenSource::Reader Reader() {
    return [this](const std::string&) {
      std::lock_guard lock(mutex_);
      return contents_;
    };
  }

 private:
  std::mutex mutex_;
  std::optional<std::string> contents_;
};

constexpr auto kNever = std::chrono::hours(1);

TEST(TokenSourceTest, FixedTokenMakesTheAuthorizationValue) {
  TokenSource tokens("abc");
  EXPECT_EQ(*tokens.Authorization(), "Token abc");
  EXPECT_FALSE(tokens.ReloadNow());
}

TEST(TokenSourceTest, ReloadSwapsInANewTokenAndKeepsTheOldOnBadReads) {
  ScriptedFile file;
  file.Set("first");
  auto tokens = TokenSource::FromFile("/token", kNever, file.Reader());
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  EXPECT_EQ(*(*tokens)->Authorization(), "Token first");

  file.Set("second");
  EXPECT_TRUE((*tokens)->ReloadNow());
  EXPECT_EQ(*(*tokens)->Authorization(), "Token second");

  // Half-written, unreadable, or not a token: the one in use stays.
  for (std::optional<std::string> bad :
       {std::optional<std::string>(""), std::optional<std::string>(),
        std::optional<std::string>("two words")}) {
    file.Set(bad);
    EXPECT_FALSE((*tokens)->ReloadNow());
    EXPECT_EQ(*(*tokens)->Authorization(), "Token second");
  }
}

TEST(TokenSourceTest, AFileWithoutATokenIsRefusedWithoutShowingIt) {
  ScriptedFile file;
  file.Set("has a secret-part inside");
  auto tokens = TokenSource::FromFile("/run/token", kNever, file.Reader());
  EXPECT_EQ(ErrorKindOf(tokens.status()), ErrorKind::kInvalidRequest);
  EXPECT_THAT(std::string(tokens.status().message()), HasSubstr("/run/token"));
  EXPECT_THAT(tokens.status().ToString(), Not(HasSubstr("secret-part")));
}

TEST(TokenSourceTest, RedactsTheCurrentAndThePreviousToken) {
  ScriptedFile file;
  file.Set("old-token");
  auto tokens = TokenSource::FromFile("/token", kNever, file.Reader());
  ASSERT_TRUE(tokens.ok());
  file.Set("new-token");
  ASSERT_TRUE((*tokens)->ReloadNow());
  EXPECT_EQ((*tokens)->Redact("a old-token b new-token c"),
            "a [REDACTED] b [REDACTED] c");
  EXPECT_TRUE((*tokens)->Mentions("x new-token"));
  EXPECT_FALSE((*tokens)->Mentions("nothing here"));
}

// Found by fuzz/error_details_fuzzer: an echo glued to other characters
// ("...secret-tokend") leaked the whole token past the whole-word rule.
TEST(TokenSourceTest, RedactsALongTokenEvenInsideAWord) {
  TokenSource tokens("fuzz-secret-token");
  EXPECT_TRUE(tokens.Mentions("xfuzz-secret-tokend"));
  EXPECT_EQ(tokens.Redact("xfuzz-secret-tokend"), "x[REDACTED]d");
}

TEST(TokenSourceTest, RedactsAShortTokenOnlyAsAWholeWord) {
  TokenSource tokens("t");
  EXPECT_EQ(tokens.Redact("message not found"), "message not found");
  EXPECT_FALSE(tokens.Mentions("message not found"));
  EXPECT_EQ(tokens.Redact("Token t, token=t."),
            "Token [REDACTED], token=[REDACTED].");
}

// The reload thread stuck in a read (a slow network file system) must not
// hold up calls, which only read the token in use.
TEST(TokenSourceTest, CallsDoNotWaitForASlowRead) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  bool first = true;
  bool signalled = false;
  TokenSource::Reader reader = [&](const std::string&) {
    if (first) {
      first = false;
      return std::optional<std::string>("steady");
    }
    if (!signalled) {
      signalled = true;
      entered.set_value();
    }
    released.wait();
    return std::optional<std::string>("steady");
  };
  auto tokens =
      TokenSource::FromFile("/token", std::chrono::milliseconds(1), reader);
  ASSERT_TRUE(tokens.ok());
  entered.get_future().wait();  // The reload thread is inside the read.
  auto call = std::async(std::launch::async,
                         [&] { return *(*tokens)->Authorization(); });
  // A hang guard, not a timing claim: a call that waited on the read would
  // never finish while the read is held.
  ASSERT_EQ(call.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_EQ(call.get(), "Token steady");
  release.set_value();
}

TEST(TokenSourceTest, ReadsARealFileAndRefusesAFifoWithoutBlocking) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("pushwoosh-token-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "token").string();
  std::ofstream(file) << "  from-disk\n";
  EXPECT_EQ(TokenSource::ReadTokenFile(file), "from-disk");

  const std::string fifo = (dir / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(TokenSource::ReadTokenFile(fifo), std::nullopt);
  EXPECT_EQ(TokenSource::ReadTokenFile((dir / "missing").string()),
            std::nullopt);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
