// gRPC errors as the real backend sends them: code, message, and a
// google.rpc.Status in grpc-status-details-bin with ErrorInfo, BadRequest
// and RequestInfo details.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_ERRORS_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_ERRORS_H_

#include <grpcpp/support/status.h>

#include <map>
#include <string>
#include <string_view>

namespace pushwoosh::messaging::testing {

inline constexpr char kErrorDomain[] = "pushwoosh.com";

struct FakeError {
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  std::string message;
  std::string reason;  // ErrorInfo.reason, e.g. "MESSAGE_NOT_FOUND".
  std::map<std::string, std::string> metadata;
  // A BadRequest field violation, when `field` is not empty.
  std::string field;
  std::string field_description;
};

// `request_id` goes into a RequestInfo detail.
grpc::Status MakeGrpcError(const FakeError& error, std::string_view request_id);

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_ERRORS_H_
