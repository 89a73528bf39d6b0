// The retry loop on virtual time: which failures are retried, how long it
// waits, when it stops and what the final error says.
#include "pushwoosh/messaging/internal/retry_loop.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <vector>

#include "absl/strings/cord.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/error_mapping.h"

namespace pushwoosh::messaging::internal {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::ElementsAre;

// Virtual time: sleeping only moves the clock, and records the wait.
class VirtualEnvironment {
 public:
  RetryEnvironment Get() {
    RetryEnvironment environment;
    environment.now = [this] { return now_; };
    environment.sleep = [this](milliseconds delay) {
      sleeps_.push_back(delay);
      now_ += delay;
    };
    environment.uniform = [this] { return uniform_; };
    return environment;
  }

  std::chrono::system_clock::time_point now_{seconds(1'000'000)};
  std::vector<milliseconds> sleeps_;
  double uniform_ = 0.0;  // No jitter unless a test asks for it.
};

// Answers each attempt with the next scripted status, recording the
// options each attempt got.
class ScriptedAttempts {
 public:
  explicit ScriptedAttempts(std::deque<absl::Status> replies)
      : replies_(std::move(replies)) {}

  std::function<absl::Status(const CallOptions&)> Get() {
    return [this](const CallOptions& options) {
      seen_.push_back(options);
      if (replies_.empty()) return absl::OkStatus();
      absl::Status next = replies_.front();
      replies_.pop_front();
      return next;
    };
  }
  std::size_t attempts() const { return seen_.size(); }
  const std::vector<CallOptions>& seen() const { return seen_; }

 private:
  std::deque<absl::Status> replies_;
  std::vector<CallOptions> seen_;
};

std::deque<absl::Status> Repeat(absl::Status status, int times) {
  return std::deque<absl::Status>(static_cast<std::size_t>(times), status);
}

absl::Status WithRetryInfo(absl::StatusCode code, milliseconds delay) {
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(delay.count() / 1000);
  retry.mutable_retry_delay()->set_nanos(
      static_cast<int>(delay.count() % 1000) * 1'000'000);
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.add_details()->PackFrom(retry);
  absl::Status status(code, "slow down");
  status.SetPayload("type.googleapis.com/google.rpc.Status",
                    absl::Cord(details.SerializeAsString()));
  return status;
}

class RetryLoopTest : public ::testing::Test {
 protected:
  absl::Status Run(ScriptedAttempts& attempts, Rpc rpc = Rpc::kCancel,
                   bool idempotent = true, CallOptions call = {}) {
    settings_.rpc = rpc;
    settings_.idempotent = idempotent;
    return RunWithRetries(settings_, call, throttle_, environment_.Get(),
                          attempts.Get());
  }

  VirtualEnvironment environment_;
  RetrySettings settings_;  // Defaults: 5 attempts, 100 ms doubling.
  RetryThrottle throttle_{RetryThrottlePolicy{10, 0.1}};
};

TEST(BackoffTest, ExponentialSequenceCappedAtMaximum) {
  BackoffPolicy policy{milliseconds(100), milliseconds(1000), 2.0, 0.0};
  Backoff backoff(policy, [] { return 0.5; });
  std::vector<milliseconds> delays;
  for (int i = 0; i < 6; ++i) delays.push_back(backoff.Next());
  EXPECT_THAT(delays, ElementsAre(milliseconds(100), milliseconds(200),
                                  milliseconds(400), milliseconds(800),
                                  milliseconds(1000), milliseconds(1000)));
}

TEST(BackoffTest, JitterStaysWithinItsBounds) {
  BackoffPolicy policy{milliseconds(100), milliseconds(1000), 2.0, 0.5};
  for (double uniform : {0.0, 0.25, 0.999999}) {
    Backoff backoff(policy, [&] { return uniform; });
    const milliseconds ceilings[] = {milliseconds(100), milliseconds(200),
                                     milliseconds(400), milliseconds(800),
                                     milliseconds(1000)};
    for (milliseconds ceiling : ceilings) {
      const milliseconds delay = backoff.Next();
      EXPECT_LE(delay, ceiling) << uniform;
      EXPECT_GE(delay, ceiling / 2) << uniform;
    }
  }
  Backoff lowest(policy, [] { return 0.999999; });
  EXPECT_EQ(lowest.Next(), milliseconds(50));
}

TEST_F(RetryLoopTest, TransientFailuresAreRetriedUntilSuccess) {
  ScriptedAttempts attempts({absl::UnavailableError("down"),
                             absl::InternalError("oops"),
                             absl::DeadlineExceededError("slow")});
  EXPECT_TRUE(Run(attempts).ok());
  EXPECT_EQ(attempts.attempts(), 4u);
  EXPECT_THAT(
      environment_.sleeps_,
      ElementsAre(milliseconds(100), milliseconds(200), milliseconds(400)));
}

TEST_F(RetryLoopTest, AttemptsAreBounded) {
  ScriptedAttempts attempts(Repeat(absl::UnavailableError("down"), 10));
  const Error error = Error::From(Run(attempts));
  EXPECT_EQ(attempts.attempts(), 5u);
  EXPECT_EQ(error.attempts(), 5);
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kAttemptsExhausted);
  EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(error.message(), "down");
  EXPECT_THAT(
      error.ToString(),
      ::testing::HasSubstr("[attempts=5, stopped: ATTEMPTS_EXHAUSTED]"));
}

TEST_F(RetryLoopTest, TotalTimeIsBoundedByTheCallDeadline) {
  CallOptions call;
  call.timeout = seconds(1);
  settings_.retry.max_attempts = 100;
  const auto start = environment_.now_;
  ScriptedAttempts attempts(Repeat(absl::UnavailableError("down"), 100));
  const Error error = Error::From(Run(attempts, Rpc::kCancel, true, call));
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kDeadline);
  EXPECT_LT(environment_.now_ - start, seconds(1));
  // 100 + 200 + 400 ms fit in a second; the next 800 ms would not.
  EXPECT_EQ(attempts.attempts(), 4u);
}

TEST_F(RetryLoopTest, EachAttemptGetsItsOwnDeadlineWithinTheOverallOne) {
  CallOptions call;
  call.timeout = seconds(15);
  settings_.retry.attempt_timeout = seconds(10);
  settings_.rpc = Rpc::kCancel;
  const auto start = environment_.now_;
  std::vector<std::chrono::system_clock::time_point> deadlines;
  // The first attempt uses up its whole 10 s before timing out.
  const absl::Status status =
      RunWithRetries(settings_, call, throttle_, environment_.Get(),
                     [&](const CallOptions& attempt) {
                       deadlines.push_back(*attempt.deadline);
                       if (deadlines.size() > 1) return absl::OkStatus();
                       environment_.now_ += seconds(10);
                       return absl::DeadlineExceededError("slow");
                     });
  ASSERT_TRUE(status.ok());
  // The second starts at 10.1 s: its own 10 s would end at 20.1 s, but the
  // call's 15 s come first.
  EXPECT_THAT(deadlines, ElementsAre(start + seconds(10), start + seconds(15)));
}

TEST_F(RetryLoopTest, SoonerParentDeadlineWins) {
  CallOptions call;
  call.deadline = environment_.now_ + milliseconds(250);
  ScriptedAttempts attempts(Repeat(absl::UnavailableError("down"), 10));
  const Error error = Error::From(Run(attempts, Rpc::kCancel, true, call));
  EXPECT_EQ(error.stop_reason(), RetryStopReason::kDeadline);
  EXPECT_EQ(attempts.seen()[0].deadline, *call.deadline);
  EXPECT_EQ(attempts.attempts(), 2u);  // 100 ms fits, 100 + 200 does not.
}

TEST_F(RetryLoopTest, ServerRetryInfoReplacesTheBackoff) {
  ScriptedAttempts attempts({WithRetryInfo(absl::StatusCode::kResourceExhausted,
                                           milliseconds(2500))});
  ASSERT_TRUE(Run(attempts).ok());
  EXPECT_THAT(environment_.sleeps_, ElementsAre(milliseconds(2500)));
}

TEST_F(RetryLoopTest, PermanentErrorsAreNeverRetried) {
  for (int code = 1; code <= 16; ++code) {
    const auto status_code = static_cast<absl::StatusCode>(code);
    if (IsTransient(status_code)) continue;
    ScriptedAttempts attempts({absl::Status(status_code, "no")});
    const Error error = Error::From(Run(attempts));
    EXPECT_EQ(attempts.attempts(), 1u) << code;
    EXPECT_EQ(error.stop_reason(), RetryStopReason::kPermanentError) << code;
    EXPECT_EQ(error.attempts(), 1) << code;
  }
  EXPECT_TRUE(environment_.sleeps_.empty());
}

TEST_F(RetryLoopTest, NotifyWithoutKeyIsNotRetriedAfterPossibleDelivery) {
  for (absl::StatusCode code :
       {absl::StatusCode::kUnavailable, absl::StatusCode::kDeadlineExceeded,
        absl::StatusCode::kInternal}) {
    ScriptedAttempts attempts({absl::Status(code, "maybe")});
    const absl::Status status = Run(attempts, Rpc::kNotify, false);
    EXPECT_EQ(attempts.attempts(), 1u);
    EXPECT_EQ(Error::From(status).stop_reason(),
              RetryStopReason::kNotIdempotent);
    EXPECT_TRUE(MayHaveBeenApplied(status));
  }
}

TEST_F(RetryLoopTest, NotifyWithoutKeyIsRetriedAfterARefusal) {
  ScriptedAttempts attempts({absl::ResourceExhaustedError("rate limited")});
  EXPECT_TRUE(Run(attempts, Rpc::kNotify, false).ok());
  EXPECT_EQ(attempts.attempts(), 2u);
}

TEST_F(RetryLoopTest, NotifyWithKeyIsRetried) {
  ScriptedAttempts attempts({absl::UnavailableError("reset")});
  EXPECT_TRUE(Run(attempts, Rpc::kNotify, true).ok());
  EXPECT_EQ(attempts.attempts(), 2u);
}

TEST_F(RetryLoopTest, RemembersThatAnEarlierAttemptMayHaveApplied) {
  ScriptedAttempts attempts(
      {absl::UnavailableError("reset"),
       absl::FailedPreconditionError("message is not cancelable")});
  const absl::Status status = Run(attempts);
  EXPECT_EQ(ErrorKindOf(status), ErrorKind::kNotCancelable);
  EXPECT_TRUE(MayHaveBeenApplied(status));

  ScriptedAttempts clean({absl::FailedPreconditionError("not cancelable")});
  EXPECT_FALSE(MayHaveBeenApplied(Run(clean)));
}

TEST_F(RetryLoopTest, ThrottleStopsRetriesWhileTheBackendKeepsFailing) {
  settings_.retry.max_attempts = 100;
  // Ten tokens: each failure takes one; retries stop at five or fewer.
  ScriptedAttempts first(Repeat(absl::UnavailableError("down"), 100));
  EXPECT_EQ(Error::From(Run(first)).stop_reason(), RetryStopReason::kThrottled);
  EXPECT_EQ(first.attempts(), 5u);
  // The next call gets no retry at all.
  ScriptedAttempts next(Repeat(absl::UnavailableError("down"), 100));
  EXPECT_EQ(Error::From(Run(next)).stop_reason(), RetryStopReason::kThrottled);
  EXPECT_EQ(next.attempts(), 1u);
  // Each success earns back 0.1 token: 30 bring four tokens to seven.
  for (int i = 0; i < 30; ++i) {
    ScriptedAttempts ok({});
    ASSERT_TRUE(Run(ok).ok());
  }
  ScriptedAttempts recovered({absl::UnavailableError("blip")});
  EXPECT_TRUE(Run(recovered).ok());
  EXPECT_EQ(recovered.attempts(), 2u);
}

TEST_F(RetryLoopTest, OneAttemptWhenRetriesAreOff) {
  settings_.retry.max_attempts = 1;
  ScriptedAttempts attempts({absl::UnavailableError("down")});
  EXPECT_EQ(Error::From(Run(attempts)).stop_reason(),
            RetryStopReason::kAttemptsExhausted);
  EXPECT_EQ(attempts.attempts(), 1u);
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
