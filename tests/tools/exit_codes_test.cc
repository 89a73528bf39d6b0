#include "tools/pwmsg/exit_codes.h"

#include <gtest/gtest.h>

#include "absl/strings/cord.h"
#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/mock_messaging_connection.h"

namespace pushwoosh::tools {
namespace {

using ::testing::Return;

// Classified the way pwmsg sees it: through the client, for Cancel.
absl::Status CancelFailingWith(absl::StatusCode code) {
  auto mock = std::make_shared<messaging::testing::MockMessagingConnection>();
  EXPECT_CALL(*mock, Cancel).WillOnce(Return(absl::Status(code, "x")));
  return messaging::MessagingClient(mock).Cancel("CODE").status();
}

TEST(ExitCodesTest, OnePerDocumentedKind) {
  using Code = absl::StatusCode;
  EXPECT_EQ(ExitCodeFor(absl::OkStatus()), kExitOk);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kNotFound)), kExitNotFound);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kFailedPrecondition)),
            kExitNotCancelable);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kPermissionDenied)),
            kExitPermissionDenied);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kUnauthenticated)),
            kExitUnauthenticated);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kInvalidArgument)),
            kExitInvalidRequest);
  for (Code transient : {Code::kUnavailable, Code::kDeadlineExceeded,
                         Code::kResourceExhausted, Code::kInternal}) {
    EXPECT_EQ(ExitCodeFor(CancelFailingWith(transient)), kExitTransient);
  }
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kDataLoss)), kExitOther);
  EXPECT_EQ(ExitCodeFor(CancelFailingWith(Code::kUnimplemented)), kExitOther);
}

TEST(ExitCodesTest, CombinerSaysWhetherAllSucceeded) {
  ExitCodeCombiner all_ok;
  all_ok.Add(kExitOk);
  all_ok.Add(kExitOk);
  EXPECT_EQ(all_ok.result(), kExitOk);

  ExitCodeCombiner same;
  same.Add(kExitOk);
  same.Add(kExitNotFound);
  same.Add(kExitNotFound);
  EXPECT_EQ(same.result(), kExitNotFound);

  ExitCodeCombiner mixed;
  mixed.Add(kExitNotFound);
  mixed.Add(kExitOk);
  mixed.Add(kExitNotCancelable);
  EXPECT_EQ(mixed.result(), kExitOther);

  EXPECT_EQ(ExitCodeCombiner().result(), kExitOk);
}

}  // namespace
}  // namespace pushwoosh::tools
