#include "pushwoosh/messaging/connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/channel_factory.h"
#include "pushwoosh/messaging/internal/grpc_connection.h"
#include "pushwoosh/messaging/internal/grpc_lifetime.h"
#include "pushwoosh/messaging/internal/metadata.h"
#include "pushwoosh/messaging/internal/metadata_stub.h"
#include "pushwoosh/messaging/internal/pooled_stub.h"
#include "pushwoosh/messaging/internal/retry_connection.h"
#include "pushwoosh/messaging/internal/stub.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging {
namespace {

absl::Status NotImplemented(const char* method) {
  return absl::UnimplementedError(
      absl::StrCat("this MessagingConnection does not implement ", method));
}

}  // namespace

void MessagingConnection::AsyncNotify(const v2::NotifyRequest& /*request*/,
                                      const CallOptions& /*options*/,
                                      AsyncCallback<v2::NotifyResponse> done) {
  done(NotImplemented("AsyncNotify"));
}

void MessagingConnection::AsyncCancel(const v2::CancelRequest& /*request*/,
                                      const CallOptions& /*options*/,
                                      AsyncCallback<v2::CancelResponse> done) {
  done(NotImplemented("AsyncCancel"));
}

void MessagingConnection::AsyncListMessages(
    const statistics::v2::ListMessagesRequest& /*request*/,
    const CallOptions& /*options*/,
    AsyncCallback<statistics::v2::ListMessagesResponse> done) {
  done(NotImplemented("AsyncListMessages"));
}

absl::StatusOr<std::shared_ptr<MessagingConnection>> MakeMessagingConnection(
    ClientOptions options) {
  if (options.target.empty() && !options.channel) {
    return internal::InvalidRequestError(
        "ClientOptions: target or channel is required",
        {{"target", "is required"}});
  }
  if (options.default_timeout <= std::chrono::milliseconds::zero()) {
    return internal::InvalidRequestError(
        "ClientOptions: default_timeout must be positive",
        {{"default_timeout", "must be positive"}});
  }
  if (auto s = internal::ValidateApiToken(options.api_token); !s.ok()) return s;
  if (auto s = internal::ValidateRetryOptions(options.retry, options.backoff);
      !s.ok()) {
    return s;
  }
  auto metadata = internal::NormalizeMetadata(options.metadata);
  if (!metadata.ok()) return metadata.status();

  internal::PinGrpcCallbackQueue();
  auto channels = internal::CreateChannels(options);
  if (!channels.ok()) return channels.status();
  std::shared_ptr<internal::MessagingStub> stub =
      internal::MakeGrpcStub(*channels);
  if (!options.api_token.empty() || !metadata->empty()) {
    stub = std::make_shared<internal::MetadataStub>(
        std::move(stub), options.api_token, *std::move(metadata));
  }
  auto grpc_connection = std::make_shared<internal::GrpcConnection>(
      std::move(stub), options.default_timeout, options.wait_for_ready);
  return std::make_shared<internal::RetryConnection>(
      std::move(grpc_connection), options, internal::RetryEnvironment::Real());
}

}  // namespace pushwoosh::messaging
