#include "tools/pwmsg/progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

namespace pushwoosh::tools {
namespace {

using ::testing::EndsWith;

TEST(ProgressTest, DrawsCountsAndErasesItself) {
  std::ostringstream terminal;
  Progress progress(&terminal, /*enabled=*/true, 2, "cancel");
  progress.Record(true);
  EXPECT_THAT(terminal.str(), EndsWith("cancel: 1/2 done, 0 failed"));
  progress.Erase();
  progress.Record(false);  // The last item always draws.
  EXPECT_THAT(terminal.str(), EndsWith("cancel: 2/2 done, 1 failed"));
  progress.Finish();
  EXPECT_THAT(terminal.str(), EndsWith("\r\033[K"));
}

TEST(ProgressTest, SilentWhenDisabledOrForOneItem) {
  std::ostringstream off;
  Progress disabled(&off, /*enabled=*/false, 10, "cancel");
  disabled.Record(true);
  disabled.Finish();
  std::ostringstream single;
  Progress one(&single, /*enabled=*/true, 1, "cancel");
  one.Record(true);
  one.Finish();
  EXPECT_EQ(off.str(), "");
  EXPECT_EQ(single.str(), "");
}

TEST(ProgressTest, RedrawsAtMostTenTimesASecond) {
  std::ostringstream terminal;
  auto now = std::chrono::steady_clock::time_point(std::chrono::hours(1));
  Progress progress(&terminal, /*enabled=*/true, 1000, "cancel",
                    [&] { return now; });
  progress.Record(true);
  now += std::chrono::milliseconds(99);
  progress.Record(true);
  EXPECT_THAT(terminal.str(), EndsWith("1/1000 done, 0 failed"));
  now += std::chrono::milliseconds(1);
  progress.Record(true);
  EXPECT_THAT(terminal.str(), EndsWith("3/1000 done, 0 failed"));
}

}  // namespace
}  // namespace pushwoosh::tools
