#include "pushwoosh/messaging/testing/fake_backend.h"

#include <google/protobuf/util/message_differencer.h>

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"

namespace pushwoosh::messaging::testing {
namespace {

constexpr absl::string_view kTokenScheme = "Token ";
constexpr int kDefaultPerPage = 100;
constexpr int kMaxPerPage = 1000;

FakeError Error(grpc::StatusCode code, std::string message, std::string reason,
                std::map<std::string, std::string> metadata = {}) {
  FakeError error;
  error.code = code;
  error.message = std::move(message);
  error.reason = std::move(reason);
  error.metadata = std::move(metadata);
  return error;
}

FakeError MissingField(std::string field) {
  FakeError error =
      Error(grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrFormat("%s is required", field), "MISSING_FIELD");
  error.field = std::move(field);
  error.field_description = "is required";
  return error;
}

FakeError InvalidField(std::string field, std::string description) {
  FakeError error =
      Error(grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrFormat("%s %s", field, description), "INVALID_FIELD");
  error.field = std::move(field);
  error.field_description = std::move(description);
  return error;
}

std::string FormatDateTime(Clock::TimePoint time) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromChrono(time),
                          absl::UTCTimeZone());
}

Clock::TimePoint SendTimeOf(const v2::Schedule& schedule,
                            Clock::TimePoint now) {
  Clock::TimePoint at = now;
  if (schedule.has_at()) {
    at =
        Clock::TimePoint(std::chrono::duration_cast<Clock::TimePoint::duration>(
            std::chrono::seconds(schedule.at().seconds()) +
            std::chrono::nanoseconds(schedule.at().nanos())));
  }
  at = std::max(at, now);
  if (schedule.has_after()) {
    at += std::chrono::duration_cast<Clock::TimePoint::duration>(
        std::chrono::seconds(schedule.after().seconds()) +
        std::chrono::nanoseconds(schedule.after().nanos()));
  }
  return at;
}

std::vector<v2::Platform> PlatformsOf(
    const google::protobuf::RepeatedField<int>& platforms) {
  std::vector<v2::Platform> result;
  result.reserve(platforms.size());
  for (int platform : platforms) {
    result.push_back(static_cast<v2::Platform>(platform));
  }
  return result;
}

// The new message a valid request describes, or the error to return.
std::variant<FakeMessageStore::NewMessage, FakeError> ReadNotify(
    const v2::NotifyRequest& request, Clock::TimePoint now) {
  FakeMessageStore::NewMessage message;
  switch (request.request_case()) {
    case v2::NotifyRequest::kSegment: {
      const v2::NotifySegment& segment = request.segment();
      if (segment.application().empty()) {
        return MissingField("segment.application");
      }
      if (!segment.has_schedule()) return MissingField("segment.schedule");
      message.application = segment.application();
      message.campaign = segment.campaign();
      message.platforms = PlatformsOf(segment.platforms());
      message.send_at = SendTimeOf(segment.schedule(), now);
      return message;
    }
    case v2::NotifyRequest::kTransactional: {
      const v2::NotifyTransactional& transactional = request.transactional();
      if (transactional.application().empty()) {
        return MissingField("transactional.application");
      }
      const v2::IdentifierList* recipients = nullptr;
      switch (transactional.recipients_case()) {
        case v2::NotifyTransactional::kHwids:
          recipients = &transactional.hwids();
          break;
        case v2::NotifyTransactional::kUsers:
          recipients = &transactional.users();
          break;
        case v2::NotifyTransactional::kPushTokens:
          recipients = &transactional.push_tokens();
          break;
        case v2::NotifyTransactional::RECIPIENTS_NOT_SET:
          break;
      }
      if (recipients == nullptr || recipients->list().empty()) {
        return MissingField("transactional.recipients");
      }
      message.application = transactional.application();
      message.platforms = PlatformsOf(transactional.platforms());
      message.send_at = SendTimeOf(transactional.schedule(), now);
      return message;
    }
    case v2::NotifyRequest::REQUEST_NOT_SET:
      break;
  }
  return MissingField("segment or transactional");
}

}  // namespace

FakeBackend::FakeBackend(std::shared_ptr<FakeMessageStore> store)
    : store_(std::move(store)) {}

void FakeBackend::AddAccount(std::string token, std::string account) {
  std::lock_guard lock(mutex_);
  accounts_.insert_or_assign(std::move(token), std::move(account));
}

std::variant<std::string, FakeError> FakeBackend::Authenticate(
    std::optional<std::string_view> authorization) const {
  if (!authorization.has_value() || authorization->empty()) {
    return Error(grpc::StatusCode::UNAUTHENTICATED,
                 "missing API token: send authorization: Token <token>",
                 "TOKEN_MISSING");
  }
  const absl::string_view value(authorization->data(), authorization->size());
  if (!absl::StartsWith(value, kTokenScheme)) {
    return Error(grpc::StatusCode::UNAUTHENTICATED,
                 "malformed authorization: expected Token <token>",
                 "TOKEN_MALFORMED");
  }
  const absl::string_view token = value.substr(kTokenScheme.size());
  std::lock_guard lock(mutex_);
  auto it = accounts_.find(token);
  if (it == accounts_.end()) {
    // Never echo the token: error messages end up in logs.
    return Error(grpc::StatusCode::UNAUTHENTICATED, "invalid API token",
                 "TOKEN_INVALID");
  }
  return it->second;
}

std::string FakeBackend::AccountOf(
    std::optional<std::string_view> authorization) const {
  auto account = Authenticate(authorization);
  auto* name = std::get_if<std::string>(&account);
  return name == nullptr ? std::string() : std::move(*name);
}

grpc::Status FakeBackend::Fail(const FakeCallHeaders& headers,
                               const FakeError& error) {
  if (!headers.request_id.empty()) {
    return MakeGrpcError(error, headers.request_id);
  }
  return MakeGrpcError(
      error, absl::StrFormat("fake-%012x", next_request_id_.fetch_add(1)));
}

grpc::Status FakeBackend::Notify(const FakeCallHeaders& headers,
                                 const v2::NotifyRequest& request,
                                 v2::NotifyResponse* response) {
  auto account = Authenticate(headers.authorization);
  if (auto* error = std::get_if<FakeError>(&account)) {
    return Fail(headers, *error);
  }

  auto message = ReadNotify(request, store_->clock().Now());
  if (auto* error = std::get_if<FakeError>(&message)) {
    return Fail(headers, *error);
  }
  auto& new_message = std::get<FakeMessageStore::NewMessage>(message);
  new_message.account = std::get<std::string>(std::move(account));

  // Held across the check and the creation, so that two concurrent calls
  // with one key create one message.
  std::unique_lock keyed_lock(mutex_, std::defer_lock);
  std::pair<std::string, std::string> key;
  if (headers.idempotency_key.has_value() &&
      !headers.idempotency_key->empty()) {
    keyed_lock.lock();
    key = {new_message.account, std::string(*headers.idempotency_key)};
    auto it = notified_.find(key);
    if (it != notified_.end()) {
      if (!google::protobuf::util::MessageDifferencer::Equals(
              it->second.request, request)) {
        return Fail(headers,
                    Error(grpc::StatusCode::INVALID_ARGUMENT,
                          "idempotency key reused for a different request",
                          "IDEMPOTENCY_KEY_REUSED"));
      }
      *response = it->second.response;
      return grpc::Status::OK;
    }
  }

  const FakeMessage created = store_->Create(std::move(new_message));
  response->mutable_result()->set_message_code(created.code);
  if (request.has_transactional() &&
      request.transactional().return_unknown_identifiers()) {
    // The fake knows no devices, so every recipient is "known".
    response->mutable_result()->mutable_unknown_identifiers();
  }
  if (keyed_lock.owns_lock()) notified_[key] = {request, *response};
  return grpc::Status::OK;
}

grpc::Status FakeBackend::Cancel(const FakeCallHeaders& headers,
                                 const v2::CancelRequest& request,
                                 v2::CancelResponse* /*response*/) {
  auto account = Authenticate(headers.authorization);
  if (auto* error = std::get_if<FakeError>(&account)) {
    return Fail(headers, *error);
  }
  const std::string& code = request.message_code();
  if (code.empty()) return Fail(headers, MissingField("message_code"));

  using Outcome = FakeMessageStore::CancelOutcome;
  const auto result = store_->Cancel(std::get<std::string>(account), code);
  switch (result.outcome) {
    case Outcome::kCanceled:
      return grpc::Status::OK;
    case Outcome::kNotFound:
      return Fail(headers,
                  Error(grpc::StatusCode::NOT_FOUND, "message not found",
                        "MESSAGE_NOT_FOUND", {{"message_code", code}}));
    case Outcome::kOtherAccount:
      return Fail(headers, Error(grpc::StatusCode::PERMISSION_DENIED,
                                 "message belongs to another account",
                                 "MESSAGE_BELONGS_TO_ANOTHER_ACCOUNT",
                                 {{"message_code", code}}));
    case Outcome::kNotCancelable:
      return Fail(
          headers,
          Error(
              grpc::StatusCode::FAILED_PRECONDITION,
              "message is not cancelable: it is no longer pending, waiting or "
              "processing",
              "MESSAGE_NOT_CANCELABLE",
              {{"message_code", code},
               {"status",
                std::string(MessageStatusName(result.previous_status))}}));
  }
  return Fail(headers, Error(grpc::StatusCode::INTERNAL,
                             "unexpected cancel outcome", "INTERNAL"));
}

grpc::Status FakeBackend::ListMessages(
    const FakeCallHeaders& headers,
    const statistics::v2::ListMessagesRequest& request,
    statistics::v2::ListMessagesResponse* response) {
  auto account = Authenticate(headers.authorization);
  if (auto* error = std::get_if<FakeError>(&account)) {
    return Fail(headers, *error);
  }
  if (!request.has_filters()) return Fail(headers, MissingField("filters"));
  if (request.filters().application().empty()) {
    return Fail(headers, MissingField("filters.application"));
  }
  if (request.per_page() < 0 || request.per_page() > kMaxPerPage) {
    return Fail(headers,
                InvalidField("per_page", "must be between 0 and 1000"));
  }
  if (request.page() < 0) {
    return Fail(headers, InvalidField("page", "must not be negative"));
  }

  FakeMessageStore::ListQuery query;
  query.account = std::get<std::string>(std::move(account));
  query.filters = &request.filters();
  query.page = request.page() == 0 ? 1 : request.page();
  query.per_page =
      request.per_page() == 0 ? kDefaultPerPage : request.per_page();
  FakeMessageStore::ListResult result = store_->List(query);

  response->set_total(result.total);
  for (const auto& [message, status] : result.items) {
    statistics::v2::Message* item = response->add_items();
    item->set_id(message.id);
    item->set_code(message.code);
    item->set_created_date(FormatDateTime(message.created_at));
    item->set_send_date(FormatDateTime(message.send_at));
    item->set_status(std::string(MessageStatusName(status)));
    for (v2::Platform platform : message.platforms) {
      item->add_platforms(platform);
    }
    item->set_source(message.source);
  }
  return grpc::Status::OK;
}

}  // namespace pushwoosh::messaging::testing
