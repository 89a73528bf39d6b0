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
#include "pushwoosh/messaging/internal/token_source.h"
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
    const ClientOptions& options) {
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

  std::shared_ptr<internal::TokenSource> tokens;
  if (!options.api_token_file.empty()) {
    if (!options.api_token.empty()) {
      return internal::InvalidRequestError(
          "ClientOptions: set api_token or api_token_file, not both",
          {{"api_token_file", "conflicts with api_token"}});
    }
    auto from_file = internal::TokenSource::FromFile(
        options.api_token_file, options.api_token_reload_interval);
    if (!from_file.ok()) return from_file.status();
    tokens = *std::move(from_file);
  } else if (!options.api_token.empty()) {
    tokens = std::make_shared<internal::TokenSource>(options.api_token);
  }

  internal::PinGrpcCallbackQueue();
  auto channels = internal::CreateChannels(options);
  if (!channels.ok()) return channels.status();
  std::shared_ptr<internal::MessagingStub> stub =
      internal::MakeGrpcStub(*channels);
  if (tokens != nullptr || !metadata->empty()) {
    stub = std::make_shared<internal::MetadataStub>(std::move(stub), tokens,
                                                    *std::move(metadata));
  }
  auto grpc_connection = std::make_shared<internal::GrpcConnection>(
      std::move(stub), options.default_timeout, options.wait_for_ready,
      std::move(tokens));
  return std::make_shared<internal::RetryConnection>(
      std::move(grpc_connection), options, internal::RetryEnvironment::Real());
}

}  // namespace pushwoosh::messaging
