// Reads pwmsg's --json error envelope ({"code": N, "message": "...",
// "details": [...]}) back into a google.rpc.Status, for the tests that run
// the real programs.
#ifndef PUSHWOOSH_TESTS_TOOLS_ENVELOPE_H_
#define PUSHWOOSH_TESTS_TOOLS_ENVELOPE_H_

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "google/rpc/status.pb.h"

namespace pushwoosh::testing_tools {

// Fails the test (and returns an empty status) when `json` is not one.
inline google::rpc::Status ParseEnvelope(const std::string& json) {
  google::rpc::Status envelope;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &envelope);
  EXPECT_TRUE(status.ok()) << status.ToString() << " in: " << json;
  return envelope;
}

// The first detail of type `Detail` (e.g. google::rpc::ErrorInfo).
template <typename Detail>
std::optional<Detail> DetailOf(const google::rpc::Status& status) {
  for (const auto& any : status.details()) {
    Detail detail;
    if (any.Is<Detail>() && any.UnpackTo(&detail)) return detail;
  }
  return std::nullopt;
}

}  // namespace pushwoosh::testing_tools

#endif  // PUSHWOOSH_TESTS_TOOLS_ENVELOPE_H_
