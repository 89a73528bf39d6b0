// CancelMany against the fake server: every outcome of a large mixed run,
// the in-flight bound measured at the connection, progress, and stopping.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "fake_server_fixture.h"

namespace pushwoosh::messaging {
namespace {

// Forwards to a real connection and records how many Cancels are in flight
// at once: the measure of CancelMany's bound.
class InFlightCounter final : public MessagingConnection {
 public:
  explicit InFlightCounter(std::shared_ptr<MessagingConnection> child)
      : child_(std::move(child)) {}

  absl::StatusOr<v2::NotifyResponse> Notify(
      const v2::NotifyRequest& request, const CallOptions& options) override {
    return child_->Notify(request, options);
  }
  absl::StatusOr<v2::CancelResponse> Cancel(
      const v2::CancelRequest& request, const CallOptions& options) override {
    return child_->Cancel(request, options);
  }
  absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options) override {
    return child_->ListMessages(request, options);
  }
  void AsyncCancel(const v2::CancelRequest& request, const CallOptions& options,
                   AsyncCallback<v2::CancelResponse> done) override {
    const int now = ++in_flight_;
    int peak = peak_.load();
    while (now > peak && !peak_.compare_exchange_weak(peak, now)) {
    }
    ++started_;
    child_->AsyncCancel(
        request, options,
        [this, done = std::move(done)](
            absl::StatusOr<v2::CancelResponse> response) mutable {
          --in_flight_;
          done(std::move(response));
        });
  }

  int peak() const { return peak_.load(); }
  int started() const { return started_.load(); }

 private:
  std::shared_ptr<MessagingConnection> child_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> peak_{0};
  std::atomic<int> started_{0};
};

class BulkCancelTest : public FakeServerTest {
 protected:
  void SetUp() override {
    FakeServerTest::SetUp();
    ClientOptions options;
    options.api_token = kAcmeToken;
    options.application = kApplication;
    if (GetParam() == Transport::kInProcess) {
      options.channel = server_->InProcessChannel();
    } else {
      options.target = server_->address();
      options.plaintext = true;
    }
    auto connection = MakeMessagingConnection(options);
    ASSERT_TRUE(connection.ok()) << connection.status();
    counter_ = std::make_shared<InFlightCounter>(*std::move(connection));
    counted_.emplace(counter_, kApplication);
  }

  // `count` messages created concurrently; returns their codes.
  std::vector<std::string> NotifyMany(MessagingClient& client, int count,
                                      std::chrono::seconds delay = {}) {
    v2::NotifyRequest request;
    auto* segment = request.mutable_segment();
    segment->set_application(kApplication);
    segment->set_code("all-subscribers");
    segment->mutable_schedule();
    if (delay.count() > 0) {
      segment->mutable_schedule()->mutable_at()->set_seconds(
          std::chrono::duration_cast<std::chrono::seconds>(
              (clock_->Now() + delay).time_since_epoch())
              .count());
    }
    std::vector<std::future<absl::StatusOr<v2::NotifyResponse>>> pending;
    std::vector<std::string> codes;
    for (int i = 0; i < count; ++i) {
      pending.push_back(client.AsyncNotify(request));
      if (pending.size() == 64 || i + 1 == count) {
        for (auto& created : pending) {
          auto response = created.get();
          EXPECT_TRUE(response.ok()) << response.status();
          if (response.ok()) codes.push_back(response->result().message_code());
        }
        pending.clear();
      }
    }
    return codes;
  }

  std::shared_ptr<InFlightCounter> counter_;
  std::optional<MessagingClient> counted_;
};

struct Expected {
  CancelOutcome outcome;
  std::optional<ErrorKind> kind;  // For kFailed.
  MessageStatus status_after;     // kUnknown: not a message of the fake.
};

TEST_P(BulkCancelTest, TenThousandCodesInMixedStatesEachGetTheRightOutcome) {
  std::vector<std::pair<std::string, Expected>> cases;
  auto add = [&](const std::vector<std::string>& codes, Expected expected) {
    for (const std::string& code : codes) cases.emplace_back(code, expected);
  };
  add(NotifyMany(*acme_, 2000),
      {CancelOutcome::kNotCancelable, std::nullopt, MessageStatus::kDone});
  clock_->Advance(kPending + kProcessing);
  add(NotifyMany(*acme_, 500),
      {CancelOutcome::kCanceled, std::nullopt, MessageStatus::kCanceled});
  clock_->Advance(kPending);  // Those 500 are processing now.
  add(NotifyMany(*acme_, 2000),
      {CancelOutcome::kCanceled, std::nullopt, MessageStatus::kCanceled});
  add(NotifyMany(*acme_, 1500, std::chrono::hours(1)),
      {CancelOutcome::kCanceled, std::nullopt, MessageStatus::kCanceled});
  std::vector<std::string> canceled = NotifyMany(*acme_, 1000);
  for (const std::string& code : canceled)
    ASSERT_TRUE(acme_->Cancel(code).ok());
  add(canceled,
      {CancelOutcome::kNotCancelable, std::nullopt, MessageStatus::kCanceled});
  std::vector<std::string> unknown;
  for (int i = 0; i < 1500; ++i) {
    unknown.push_back("C3F8-C3863ED4-" + std::to_string(10'000'000 + i));
  }
  add(unknown,
      {CancelOutcome::kNotFound, std::nullopt, MessageStatus::kUnknown});
  add(NotifyMany(*globex_, 1000),
      {CancelOutcome::kFailed, ErrorKind::kPermissionDenied,
       MessageStatus::kPending});
  add(std::vector<std::string>(500, ""),
      {CancelOutcome::kFailed, ErrorKind::kInvalidRequest,
       MessageStatus::kUnknown});
  ASSERT_EQ(cases.size(), 10'000u);
  std::shuffle(cases.begin(), cases.end(), std::mt19937(42));

  std::vector<std::string> codes;
  for (const auto& [code, expected] : cases) codes.push_back(code);
  CancelManyOptions options;
  options.max_in_flight = 16;
  auto result = counted_->CancelMany(codes, options);
  ASSERT_TRUE(result.ok()) << result.status();

  ASSERT_EQ(result->outcomes.size(), codes.size());
  std::map<CancelOutcome, int> wrong;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const Expected& expected = cases[i].second;
    const CodeOutcome& got = result->outcomes[i];
    if (got.outcome != expected.outcome ||
        (expected.kind.has_value() &&
         ErrorKindOf(got.error) != *expected.kind) ||
        (expected.status_after != MessageStatus::kUnknown &&
         server_->StatusOf(codes[i]) != expected.status_after)) {
      ++wrong[expected.outcome];
    }
  }
  EXPECT_THAT(wrong, ::testing::IsEmpty());
  EXPECT_EQ(result->counts.completed, 10'000u);
  EXPECT_EQ(result->counts.canceled, 4000u);
  EXPECT_EQ(result->counts.not_cancelable, 3000u);
  EXPECT_EQ(result->counts.not_found, 1500u);
  EXPECT_EQ(result->counts.failed, 1500u);
  EXPECT_FALSE(result->stopped);
  // The invalid codes never reached the connection.
  EXPECT_EQ(counter_->started(), 9500);
  EXPECT_LE(counter_->peak(), 16);
  EXPECT_GT(counter_->peak(), 1);
}

TEST_P(BulkCancelTest, ProgressAndResultsAreReportedOncePerCodeInOrder) {
  std::vector<std::string> codes = NotifyMany(*acme_, 299);
  codes.push_back("C3F8-C3863ED4-334AD4F1");  // Unknown: a full error.
  std::vector<std::size_t> completed;
  std::vector<int> results(codes.size(), 0);
  absl::Status unknown;
  CancelManyOptions options;
  options.max_in_flight = 8;
  options.on_result = [&](std::size_t index,
                          const absl::StatusOr<CancelResult>& result) {
    ++results[index];  // Calls never overlap.
    if (index == 299) unknown = result.status();
  };
  options.on_progress = [&](const CancelManyProgress& progress) {
    completed.push_back(progress.completed);  // Calls never overlap.
    EXPECT_EQ(progress.total, 300u);
  };
  auto result = counted_->CancelMany(codes, options);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(completed.size(), 300u);
  for (std::size_t i = 0; i < completed.size(); ++i) {
    EXPECT_EQ(completed[i], i + 1);
  }
  EXPECT_THAT(results, ::testing::Each(1));
  const Error error = Error::From(unknown);
  EXPECT_EQ(error.kind(), ErrorKind::kMessageNotFound);
  EXPECT_EQ(error.error_info()->reason, "MESSAGE_NOT_FOUND");
}

TEST_P(BulkCancelTest, AStopRequestLeavesTheRestUnsent) {
  const std::vector<std::string> codes = NotifyMany(*acme_, 1000);
  std::stop_source stop;
  CancelManyOptions options;
  options.max_in_flight = 8;
  options.stop = stop.get_token();
  options.on_progress = [&](const CancelManyProgress& progress) {
    if (progress.completed == 100) stop.request_stop();
  };
  auto result = counted_->CancelMany(codes, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->stopped);
  // Up to max_in_flight calls were already under way when the stop came.
  EXPECT_GE(result->counts.completed, 100u);
  EXPECT_LE(result->counts.completed, 108u);
  EXPECT_EQ(counter_->started(), static_cast<int>(result->counts.completed));
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const bool skipped = result->outcomes[i].outcome == CancelOutcome::kSkipped;
    EXPECT_EQ(server_->StatusOf(codes[i]),
              skipped ? MessageStatus::kPending : MessageStatus::kCanceled)
        << i;
  }
}

TEST_P(BulkCancelTest, BadOptionsFailTheRunBeforeSending) {
  const std::vector<std::string> codes = {"C3F8-C3863ED4-334AD4F1"};
  CancelManyOptions options;
  options.max_in_flight = 0;
  EXPECT_EQ(ErrorKindOf(counted_->CancelMany(codes, options).status()),
            ErrorKind::kInvalidRequest);
  EXPECT_EQ(counter_->started(), 0);
  auto empty = counted_->CancelMany({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->outcomes.empty());
}

INSTANTIATE_TEST_SUITE_P(Transports, BulkCancelTest,
                         ::testing::Values(Transport::kInProcess,
                                           Transport::kTcpLoopback),
                         TransportName);

}  // namespace
}  // namespace pushwoosh::messaging
