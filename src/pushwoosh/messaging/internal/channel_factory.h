// Opens the gRPC channel that ClientOptions describe.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_

#include <grpcpp/channel.h>

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging::internal {

inline constexpr int kMaxPoolSize = 256;

// options.channel when set; otherwise channel_options.pool_size channels
// to options.target with options.credentials, or TLS as options.tls says,
// or insecure when plaintext, configured as channel_options says. Fails
// with kInvalidRequest, before dialing, on bad channel options, an
// unreadable TLS file, an xds: target without a bootstrap, or when the API
// token would travel unencrypted to a remote target.
absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> CreateChannels(
    const ClientOptions& options);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_CHANNEL_FACTORY_H_
