#include "pushwoosh/messaging/testing/fake_errors.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace pushwoosh::messaging::testing {

grpc::Status MakeGrpcError(const FakeError& error,
                           std::string_view request_id) {
  google::rpc::Status status;
  status.set_code(static_cast<int>(error.code));
  status.set_message(error.message);

  google::rpc::ErrorInfo info;
  info.set_reason(error.reason);
  info.set_domain(kErrorDomain);
  info.mutable_metadata()->insert(error.metadata.begin(), error.metadata.end());
  status.add_details()->PackFrom(info);

  if (!error.field.empty()) {
    google::rpc::BadRequest bad_request;
    auto* violation = bad_request.add_field_violations();
    violation->set_field(error.field);
    violation->set_description(error.field_description);
    status.add_details()->PackFrom(bad_request);
  }

  google::rpc::RequestInfo request_info;
  request_info.set_request_id(std::string(request_id));
  status.add_details()->PackFrom(request_info);

  return grpc::Status(error.code, error.message, status.SerializeAsString());
}

}  // namespace pushwoosh::messaging::testing
