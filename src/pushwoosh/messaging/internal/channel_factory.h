// Opens the gRPC channel that ClientOptions describe.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_

#include <grpcpp/channel.h>

#include <memory>

#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging::internal {

// options.channel when set; otherwise a channel to options.target with
// options.credentials, or TLS as options.tls says, or insecure when
// plaintext. Fails with kInvalidRequest when a TLS file cannot be read, or
// when the API token would travel unencrypted to a remote target.
absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateChannel(
    const ClientOptions& options);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_
