// The fake backend's lifecycle and ownership rules, on a virtual clock.
#include "pushwoosh/messaging/testing/fake_message_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>

namespace pushwoosh::messaging::testing {
namespace {

using std::chrono::seconds;
using Outcome = FakeMessageStore::CancelOutcome;

class FakeMessageStoreTest : public ::testing::Test {
 protected:
  FakeMessage CreateFor(const std::string& account,
                        std::optional<Clock::TimePoint> send_at = {}) {
    return store_.Create({account, "ABCDE-12345", "", {v2::IOS}, send_at});
  }

  std::shared_ptr<VirtualClock> clock_ = std::make_shared<VirtualClock>();
  FakeMessageStore store_{clock_, Lifecycle{seconds(10), seconds(20)}};
};

TEST_F(FakeMessageStoreTest, ImmediateMessageGoesPendingProcessingDone) {
  const FakeMessage message = CreateFor("acme");
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kPending);
  clock_->Advance(seconds(9));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kPending);
  clock_->Advance(seconds(1));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kProcessing);
  clock_->Advance(seconds(19));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kProcessing);
  clock_->Advance(seconds(1));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kDone);
}

TEST_F(FakeMessageStoreTest, ScheduledMessageWaitsUntilItsTime) {
  const FakeMessage message = CreateFor("acme", clock_->Now() + seconds(60));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kWaiting);
  clock_->Advance(seconds(60));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kPending);
}

TEST_F(FakeMessageStoreTest, PastScheduleSendsNow) {
  const FakeMessage message = CreateFor("acme", clock_->Now() - seconds(60));
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kPending);
  EXPECT_EQ(message.send_at, clock_->Now());
}

TEST_F(FakeMessageStoreTest, CancelsInEachCancelableState) {
  const FakeMessage waiting = CreateFor("acme", clock_->Now() + seconds(60));
  const FakeMessage pending = CreateFor("acme");
  EXPECT_EQ(store_.Cancel("acme", waiting.code).outcome, Outcome::kCanceled);
  EXPECT_EQ(store_.Cancel("acme", pending.code).outcome, Outcome::kCanceled);
  const FakeMessage processing = CreateFor("acme");
  clock_->Advance(seconds(15));
  EXPECT_EQ(store_.StatusOf(processing.code), MessageStatus::kProcessing);
  EXPECT_EQ(store_.Cancel("acme", processing.code).outcome, Outcome::kCanceled);
  for (const auto& message : {waiting, pending, processing}) {
    EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kCanceled);
  }
  // Canceled stays canceled however much time passes.
  clock_->Advance(seconds(3600));
  EXPECT_EQ(store_.StatusOf(pending.code), MessageStatus::kCanceled);
}

TEST_F(FakeMessageStoreTest, DoneAndCanceledAreNotCancelable) {
  const FakeMessage message = CreateFor("acme");
  EXPECT_EQ(store_.Cancel("acme", message.code).outcome, Outcome::kCanceled);
  const auto again = store_.Cancel("acme", message.code);
  EXPECT_EQ(again.outcome, Outcome::kNotCancelable);
  EXPECT_EQ(again.previous_status, MessageStatus::kCanceled);

  const FakeMessage done = CreateFor("acme");
  clock_->Advance(seconds(30));
  const auto late = store_.Cancel("acme", done.code);
  EXPECT_EQ(late.outcome, Outcome::kNotCancelable);
  EXPECT_EQ(late.previous_status, MessageStatus::kDone);
}

TEST_F(FakeMessageStoreTest, OtherAccountCannotCancel) {
  const FakeMessage message = CreateFor("acme");
  EXPECT_EQ(store_.Cancel("globex", message.code).outcome,
            Outcome::kOtherAccount);
  EXPECT_EQ(store_.StatusOf(message.code), MessageStatus::kPending);
}

TEST_F(FakeMessageStoreTest, UnknownCodeIsNotFound) {
  EXPECT_EQ(store_.Cancel("acme", "0000-00000000-00000000").outcome,
            Outcome::kNotFound);
  EXPECT_EQ(store_.StatusOf("nope"), MessageStatus::kUnknown);
}

TEST_F(FakeMessageStoreTest, CodesHaveTheDocumentedShapeAndAreUnique) {
  const std::regex shape("[0-9A-F]{4}-[0-9A-F]{8}-[0-9A-F]{8}");
  std::set<std::string> codes;
  for (int i = 0; i < 1000; ++i) {
    const FakeMessage message = CreateFor("acme");
    EXPECT_TRUE(std::regex_match(message.code, shape)) << message.code;
    EXPECT_EQ(message.id, i + 1);
    codes.insert(message.code);
  }
  EXPECT_EQ(codes.size(), 1000u);
}

TEST_F(FakeMessageStoreTest, SameSeedSameCodes) {
  FakeMessageStore other(clock_, Lifecycle{}, 1);
  EXPECT_EQ(CreateFor("acme").code,
            other.Create({"acme", "ABCDE-12345", "", {}, {}}).code);
}

TEST_F(FakeMessageStoreTest, ListFiltersByAccountApplicationAndPages) {
  for (int i = 0; i < 5; ++i) CreateFor("acme");
  CreateFor("globex");
  store_.Create({"acme", "OTHER-APP00", "", {}, {}});

  statistics::v2::Filters filters;
  filters.set_application("ABCDE-12345");
  auto page = store_.List({"acme", &filters, 2, 2});
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].message.id, 3);
  EXPECT_EQ(page.items[1].message.id, 4);
  EXPECT_EQ(page.items[0].status, MessageStatus::kPending);

  EXPECT_EQ(store_.List({"acme", &filters, 3, 2}).items.size(), 1u);
  EXPECT_EQ(store_.List({"acme", &filters, 4, 2}).items.size(), 0u);
  EXPECT_EQ(store_.List({"globex", &filters, 1, 10}).total, 1);
}

TEST_F(FakeMessageStoreTest, ListFiltersByCodesIdsAndPlatforms) {
  const FakeMessage first = CreateFor("acme");
  const FakeMessage second = CreateFor("acme");
  store_.Create({"acme", "ABCDE-12345", "", {v2::ANDROID}, {}});

  statistics::v2::Filters filters;
  filters.set_application("ABCDE-12345");
  filters.add_messages_codes(second.code);
  auto by_code = store_.List({"acme", &filters, 1, 10});
  ASSERT_EQ(by_code.total, 1);
  EXPECT_EQ(by_code.items[0].message.code, second.code);

  filters.clear_messages_codes();
  filters.add_messages_ids(first.id);
  EXPECT_EQ(store_.List({"acme", &filters, 1, 10}).items.at(0).message.code,
            first.code);

  filters.clear_messages_ids();
  filters.add_platforms(v2::ANDROID);
  EXPECT_EQ(store_.List({"acme", &filters, 1, 10}).total, 1);
}

}  // namespace
}  // namespace pushwoosh::messaging::testing
