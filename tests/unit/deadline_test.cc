#include "pushwoosh/messaging/internal/deadline.h"

#include <gtest/gtest.h>

namespace pushwoosh::messaging::internal {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const auto kNow = std::chrono::system_clock::time_point(seconds(1000));

TEST(DeadlineTest, ClientDefaultApplies) {
  EXPECT_EQ(ComputeDeadline(kNow, seconds(30), {}), kNow + seconds(30));
}

TEST(DeadlineTest, CallTimeoutReplacesDefault) {
  CallOptions options;
  options.timeout = milliseconds(250);
  EXPECT_EQ(ComputeDeadline(kNow, seconds(30), options),
            kNow + milliseconds(250));
  options.timeout = seconds(60);
  EXPECT_EQ(ComputeDeadline(kNow, seconds(30), options), kNow + seconds(60));
}

TEST(DeadlineTest, SoonerAbsoluteDeadlineWins) {
  CallOptions options;
  options.deadline = kNow + seconds(2);
  EXPECT_EQ(ComputeDeadline(kNow, seconds(30), options), kNow + seconds(2));
  options.deadline = kNow + seconds(90);
  EXPECT_EQ(ComputeDeadline(kNow, seconds(30), options), kNow + seconds(30));
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
