#include "pushwoosh/messaging/client.h"

#include <utility>

#include "pushwoosh/messaging/internal/deadline.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/status_lookup.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging {

using internal::Classify;
using internal::Rpc;

absl::StatusOr<MessagingClient> MessagingClient::Create(
    const ClientOptions& options) {
  std::string application = options.application;
  const auto default_timeout = options.default_timeout;
  auto connection = MakeMessagingConnection(options);
  if (!connection.ok()) return connection.status();
  return MessagingClient(*std::move(connection), std::move(application),
                         default_timeout);
}

MessagingClient::MessagingClient(
    std::shared_ptr<MessagingConnection> connection, std::string application,
    std::chrono::milliseconds default_timeout)
    : connection_(std::move(connection)),
      application_(std::move(application)),
      default_timeout_(default_timeout) {}

absl::StatusOr<v2::NotifyResponse> MessagingClient::Notify(
    const v2::NotifyRequest& request, const CallOptions& options) const {
  if (auto s = internal::ValidateNotifyRequest(request); !s.ok()) return s;
  auto response = connection_->Notify(request, options);
  if (!response.ok()) return Classify(Rpc::kNotify, response.status());
  return response;
}

absl::StatusOr<CancelResult> MessagingClient::Cancel(
    std::string_view message_code, const CallOptions& options) const {
  v2::CancelRequest request;
  request.set_message_code(std::string(message_code));
  if (auto s = internal::ValidateCancelRequest(request); !s.ok()) return s;

  // One deadline for the Cancel and the status check that may follow it.
  CallOptions bounded = options;
  bounded.deadline = internal::ComputeDeadline(std::chrono::system_clock::now(),
                                               default_timeout_, options);
  const absl::Status status =
      Classify(Rpc::kCancel, connection_->Cancel(request, bounded).status());
  if (status.ok()) return CancelResult{};

  // "Not cancelable" after an attempt that may have landed: that attempt
  // may be what canceled the message. Its status decides.
  const std::string& application = ApplicationFor(options);
  if (!internal::NeedsStatusCheck(status, application)) return status;
  return internal::ConfirmCancel(
      status, GetMessageStatus(application, message_code, bounded));
}

const std::string& MessagingClient::ApplicationFor(
    const CallOptions& options) const {
  return options.application.empty() ? application_ : options.application;
}

absl::StatusOr<statistics::v2::ListMessagesResponse>
MessagingClient::ListMessages(
    const statistics::v2::ListMessagesRequest& request,
    const CallOptions& options) const {
  if (auto s = internal::ValidateListMessagesRequest(request); !s.ok()) {
    return s;
  }
  auto response = connection_->ListMessages(request, options);
  if (!response.ok()) return Classify(Rpc::kListMessages, response.status());
  return response;
}

ListMessagesPager MessagingClient::ListMessagesPages(
    statistics::v2::ListMessagesRequest request, CallOptions options) const {
  return ListMessagesPager(
      std::move(request),
      [client = *this, options = std::move(options)](
          const statistics::v2::ListMessagesRequest& page_request) {
        return client.ListMessages(page_request, options);
      });
}

absl::StatusOr<MessageStatusInfo> MessagingClient::GetMessageStatus(
    std::string_view application, std::string_view message_code,
    const CallOptions& options) const {
  auto request = internal::StatusLookupRequest(application, message_code);
  if (!request.ok()) return request.status();
  return internal::FindMessageStatus(application, message_code,
                                     ListMessages(*request, options));
}

}  // namespace pushwoosh::messaging
