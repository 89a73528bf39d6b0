#include "pushwoosh/messaging/internal/validation.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/error_payloads.h"
#include "pushwoosh/messaging/internal/utf8.h"

namespace pushwoosh::messaging::internal {
namespace {

absl::Status Violation(std::string_view field, std::string_view description) {
  return InvalidRequestError(
      absl::StrCat(AsAbsl(field), ": ", AsAbsl(description)),
      {{std::string(field), std::string(description)}});
}

absl::Status ValidateSchedule(const v2::NotifySegment& segment) {
  if (!segment.has_schedule()) {
    return Violation("segment.schedule", "is required");
  }
  const auto& at = segment.schedule().at();
  if (at.nanos() < 0 || at.nanos() > 999'999'999) {
    return Violation("segment.schedule.at", "has invalid nanos");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status InvalidRequestError(std::string_view message,
                                 std::vector<FieldViolation> violations) {
  google::rpc::BadRequest bad_request;
  for (FieldViolation& v : violations) {
    auto* out = bad_request.add_field_violations();
    out->set_field(std::move(v.field));
    out->set_description(std::move(v.description));
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(absl::StatusCode::kInvalidArgument));
  details.set_message(std::string(message));
  details.add_details()->PackFrom(bad_request);

  absl::Status status(absl::StatusCode::kInvalidArgument, AsAbsl(message));
  status.SetPayload(kDetailsPayloadUrl,
                    absl::Cord(details.SerializeAsString()));
  return Classify(Rpc::kUnspecified, std::move(status));
}

absl::Status ValidateMessageCode(std::string_view code,
                                 std::string_view field) {
  if (code.empty()) return Violation(field, "is required");
  if (code.size() > kMaxMessageCodeBytes) {
    return Violation(
        field, absl::StrCat("is longer than ", kMaxMessageCodeBytes, " bytes"));
  }
  if (!IsValidUtf8(code)) return Violation(field, "is not valid UTF-8");
  return absl::OkStatus();
}

absl::Status ValidateApplication(std::string_view application,
                                 std::string_view field) {
  if (application.empty()) return Violation(field, "is required");
  if (!IsValidUtf8(application)) return Violation(field, "is not valid UTF-8");
  return absl::OkStatus();
}

absl::Status ValidateCancelRequest(const v2::CancelRequest& request) {
  return ValidateMessageCode(request.message_code());
}

absl::Status ValidateNotifyRequest(const v2::NotifyRequest& request) {
  switch (request.request_case()) {
    case v2::NotifyRequest::kSegment: {
      const auto& segment = request.segment();
      if (auto s =
              ValidateApplication(segment.application(), "segment.application");
          !s.ok()) {
        return s;
      }
      return ValidateSchedule(segment);
    }
    case v2::NotifyRequest::kTransactional: {
      const auto& transactional = request.transactional();
      if (auto s = ValidateApplication(transactional.application(),
                                       "transactional.application");
          !s.ok()) {
        return s;
      }
      if (transactional.recipients_case() ==
          v2::NotifyTransactional::RECIPIENTS_NOT_SET) {
        return Violation("transactional",
                         "one of hwids, users or push_tokens is required");
      }
      return absl::OkStatus();
    }
    case v2::NotifyRequest::REQUEST_NOT_SET:
      break;
  }
  return Violation("request", "one of segment or transactional is required");
}

absl::Status ValidateListMessagesRequest(
    const statistics::v2::ListMessagesRequest& request) {
  if (!request.has_filters()) return Violation("filters", "is required");
  if (auto s = ValidateApplication(request.filters().application(),
                                   "filters.application");
      !s.ok()) {
    return s;
  }
  if (request.per_page() < 0 || request.per_page() > kMaxPerPage) {
    return Violation("per_page",
                     absl::StrCat("must be between 0 and ", kMaxPerPage));
  }
  if (request.page() < 0) return Violation("page", "must not be negative");
  for (const std::string& code : request.filters().messages_codes()) {
    if (auto s = ValidateMessageCode(code, "filters.messages_codes"); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace pushwoosh::messaging::internal
