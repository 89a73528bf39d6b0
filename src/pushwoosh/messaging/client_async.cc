// MessagingClient's asynchronous calls (see client.h for the threading
// contract).
#include <future>
#include <string>
#include <utility>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/internal/deadline.h"
#include "pushwoosh/messaging/internal/error_mapping.h"
#include "pushwoosh/messaging/internal/status_lookup.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging {
namespace {

using internal::Classify;
using internal::Rpc;

// The future form of a callback call: `start` receives the callback that
// fulfils the future.
template <typename T, typename Start>
std::future<absl::StatusOr<T>> ToFuture(Start start) {
  std::promise<absl::StatusOr<T>> promise;
  std::future<absl::StatusOr<T>> future = promise.get_future();
  start([promise = std::move(promise)](absl::StatusOr<T> result) mutable {
    promise.set_value(std::move(result));
  });
  return future;
}

// Classifies a connection's reply for `rpc` before handing it on.
template <typename T>
AsyncCallback<T> Classifying(Rpc rpc, AsyncCallback<T> done) {
  return [rpc, done = std::move(done)](absl::StatusOr<T> result) mutable {
    if (result.ok()) return done(std::move(result));
    done(Classify(rpc, result.status()));
  };
}

}  // namespace

void MessagingClient::AsyncNotify(const v2::NotifyRequest& request,
                                  AsyncCallback<v2::NotifyResponse> done,
                                  const CallOptions& options) const {
  if (auto s = internal::ValidateNotifyRequest(request); !s.ok()) {
    return done(std::move(s));
  }
  connection_->AsyncNotify(request, options,
                           Classifying(Rpc::kNotify, std::move(done)));
}

std::future<absl::StatusOr<v2::NotifyResponse>> MessagingClient::AsyncNotify(
    const v2::NotifyRequest& request, const CallOptions& options) const {
  return ToFuture<v2::NotifyResponse>(
      [&](auto done) { AsyncNotify(request, std::move(done), options); });
}

void MessagingClient::AsyncCancel(std::string_view message_code,
                                  AsyncCallback<CancelResult> done,
                                  const CallOptions& options) const {
  v2::CancelRequest request;
  request.set_message_code(std::string(message_code));
  if (auto s = internal::ValidateCancelRequest(request); !s.ok()) {
    return done(std::move(s));
  }
  // One deadline for the Cancel and the status check that may follow it.
  CallOptions bounded = options;
  bounded.deadline = internal::ComputeDeadline(std::chrono::system_clock::now(),
                                               default_timeout_, options);
  const std::string& application = ApplicationFor(options);
  if (application.empty()) {
    // No status check is possible: keep nothing for one.
    connection_->AsyncCancel(
        request, bounded,
        [done = std::move(done)](
            const absl::StatusOr<v2::CancelResponse>& response) mutable {
          absl::Status status = Classify(Rpc::kCancel, response.status());
          if (!status.ok()) return done(std::move(status));
          done(CancelResult{});
        });
    return;
  }
  connection_->AsyncCancel(
      request, bounded,
      [client = *this, application, code = request.message_code(), bounded,
       done = std::move(done)](
          const absl::StatusOr<v2::CancelResponse>& response) mutable {
        absl::Status status = Classify(Rpc::kCancel, response.status());
        if (status.ok()) return done(CancelResult{});
        if (!internal::NeedsStatusCheck(status, application)) {
          return done(std::move(status));
        }
        client.AsyncGetMessageStatus(
            application, code,
            [status = std::move(status), done = std::move(done)](
                const absl::StatusOr<MessageStatusInfo>& info) mutable {
              done(internal::ConfirmCancel(std::move(status), info));
            },
            bounded);
      });
}

std::future<absl::StatusOr<CancelResult>> MessagingClient::AsyncCancel(
    std::string_view message_code, const CallOptions& options) const {
  return ToFuture<CancelResult>(
      [&](auto done) { AsyncCancel(message_code, std::move(done), options); });
}

void MessagingClient::AsyncListMessages(
    const statistics::v2::ListMessagesRequest& request,
    AsyncCallback<statistics::v2::ListMessagesResponse> done,
    const CallOptions& options) const {
  if (auto s = internal::ValidateListMessagesRequest(request); !s.ok()) {
    return done(std::move(s));
  }
  connection_->AsyncListMessages(
      request, options, Classifying(Rpc::kListMessages, std::move(done)));
}

std::future<absl::StatusOr<statistics::v2::ListMessagesResponse>>
MessagingClient::AsyncListMessages(
    const statistics::v2::ListMessagesRequest& request,
    const CallOptions& options) const {
  return ToFuture<statistics::v2::ListMessagesResponse>(
      [&](auto done) { AsyncListMessages(request, std::move(done), options); });
}

void MessagingClient::AsyncGetMessageStatus(
    std::string_view application, std::string_view message_code,
    AsyncCallback<MessageStatusInfo> done, const CallOptions& options) const {
  auto request = internal::StatusLookupRequest(application, message_code);
  if (!request.ok()) return done(request.status());
  AsyncListMessages(
      *request,
      [application = std::string(application), code = std::string(message_code),
       done =
           std::move(done)](absl::StatusOr<statistics::v2::ListMessagesResponse>
                                response) mutable {
        done(internal::FindMessageStatus(application, code,
                                         std::move(response)));
      },
      options);
}

std::future<absl::StatusOr<MessageStatusInfo>>
MessagingClient::AsyncGetMessageStatus(std::string_view application,
                                       std::string_view message_code,
                                       const CallOptions& options) const {
  return ToFuture<MessageStatusInfo>([&](auto done) {
    AsyncGetMessageStatus(application, message_code, std::move(done), options);
  });
}

}  // namespace pushwoosh::messaging
