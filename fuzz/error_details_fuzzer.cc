// Fuzzes the path of an untrusted error reply: the status code, message and
// grpc-status-details-bin trailer a server sends, through the conversion,
// classification and token redaction every failed call takes, to the
// `Error` a caller inspects and the JSON envelope pwmsg prints.
//
// Input: [code byte][message length byte][message][details trailer bytes].
#include <grpcpp/support/status.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pushwoosh/messaging/error.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/redacted_status.h"
#include "pushwoosh/messaging/internal/rpc.h"
#include "pushwoosh/messaging/internal/token_source.h"
#include "tools/pwmsg/json_output.h"

namespace {

using ::pushwoosh::messaging::Error;
namespace internal = ::pushwoosh::messaging::internal;

constexpr std::string_view kToken = "fuzz-secret-token";

// A broken invariant is a crash, so that libFuzzer keeps the input.
void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 2) return 0;
  const int code = data[0] % 20;  // beyond 16 too: undefined codes happen
  const std::size_t message_size = std::min<std::size_t>(data[1], size - 2);
  const std::string message(reinterpret_cast<const char*>(data + 2),
                            message_size);
  const std::string details(
      reinterpret_cast<const char*>(data + 2 + message_size),
      size - 2 - message_size);

  const grpc::Status reply(static_cast<grpc::StatusCode>(code), message,
                           details);
  static const internal::TokenSource tokens(kToken);
  for (const internal::Rpc rpc :
       {internal::Rpc::kNotify, internal::Rpc::kCancel,
        internal::Rpc::kListMessages}) {
    const absl::Status status = internal::RedactedStatus(
        tokens, internal::Classify(rpc, internal::FromGrpcStatus(reply)));
    Check(status.ok() == (code == 0));
    const Error error = Error::From(status);
    if (code > 0 && code <= 16) Check(error.grpc_code() == code);
    Check(error.ToString().find(kToken) == std::string::npos);
    Check(pushwoosh::tools::ErrorEnvelopeJson(status).find(kToken) ==
          std::string::npos);
    for (const auto& violation : error.field_violations()) {
      Check(violation.field.find(kToken) == std::string::npos);
    }
  }
  return 0;
}
