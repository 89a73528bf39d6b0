#include "pushwoosh/messaging/internal/channel_factory.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include "pushwoosh/messaging/version.h"

namespace pushwoosh::messaging::internal {

std::shared_ptr<grpc::Channel> CreateChannel(const ClientOptions& options) {
  if (options.channel) return options.channel;
  std::shared_ptr<grpc::ChannelCredentials> credentials = options.credentials;
  if (!credentials) {
    credentials = options.plaintext
                      ? grpc::InsecureChannelCredentials()
                      : grpc::SslCredentials(grpc::SslCredentialsOptions());
  }
  grpc::ChannelArguments arguments;
  arguments.SetUserAgentPrefix(std::string(kUserAgent));
  return grpc::CreateCustomChannel(options.target, credentials, arguments);
}

}  // namespace pushwoosh::messaging::internal
