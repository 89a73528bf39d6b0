#include "pushwoosh/messaging/internal/channel_factory.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpc/grpc.h>
#include <grpc/grpc_security_constants.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/file_contents.h"
#include "pushwoosh/messaging/internal/target.h"
#include "pushwoosh/messaging/internal/validation.h"
#include "pushwoosh/messaging/version.h"

namespace pushwoosh::messaging::internal {
namespace {

// The whole file; errors name the option, never the contents.
absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    std::string_view option) {
  std::optional<std::string> contents = ReadFileContents(path);
  if (!contents.has_value()) {
    return InvalidRequestError(absl::StrCat("ClientOptions: cannot read ",
                                            AsAbsl(option), " (", path, ")"),
                               {{std::string(option), "cannot be read"}});
  }
  return *std::move(contents);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> TlsCredentials(
    const TlsOptions& tls) {
  grpc::SslCredentialsOptions ssl;
  if (!tls.ca_file.empty()) {
    auto roots = ReadPem(tls.ca_file, "tls.ca_file");
    if (!roots.ok()) return roots.status();
    ssl.pem_root_certs = *std::move(roots);
  }
  if (tls.client_cert_file.empty() != tls.client_key_file.empty()) {
    return InvalidRequestError(
        "ClientOptions: tls.client_cert_file and tls.client_key_file go "
        "together",
        {{"tls.client_cert_file", "needs tls.client_key_file"}});
  }
  if (!tls.client_cert_file.empty()) {
    auto chain = ReadPem(tls.client_cert_file, "tls.client_cert_file");
    if (!chain.ok()) return chain.status();
    auto key = ReadPem(tls.client_key_file, "tls.client_key_file");
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(chain);
    ssl.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(ssl);
}

absl::Status CheckTarget(const std::string& target) {
  // The xds resolver cannot start without a bootstrap, and would only say
  // so in gRPC's log while every call fails UNAVAILABLE.
  if (target.starts_with("xds:") &&
      std::getenv("GRPC_XDS_BOOTSTRAP") == nullptr &&
      std::getenv("GRPC_XDS_BOOTSTRAP_CONFIG") == nullptr) {
    return InvalidRequestError(
        absl::StrCat("ClientOptions: target ", target,
                     " needs an xDS bootstrap: set GRPC_XDS_BOOTSTRAP to its "
                     "file or GRPC_XDS_BOOTSTRAP_CONFIG to its JSON"),
        {{"target", "xds: needs GRPC_XDS_BOOTSTRAP"}});
  }
  return absl::OkStatus();
}

absl::Status ValidateChannelOptions(const ChannelOptions& options) {
  const std::string& policy = options.load_balancing_policy;
  if (!policy.empty() && policy != "pick_first" && policy != "round_robin") {
    return InvalidRequestError(
        absl::StrCat("ClientOptions: channel_options.load_balancing_policy \"",
                     policy, "\" is not pick_first or round_robin"),
        {{"channel_options.load_balancing_policy",
          "must be pick_first or round_robin"}});
  }
  if (!options.service_config_json.empty()) {
    google::protobuf::Struct parsed;
    auto parse = google::protobuf::util::JsonStringToMessage(
        options.service_config_json, &parsed);
    if (!parse.ok()) {
      return InvalidRequestError(
          absl::StrCat("ClientOptions: channel_options.service_config_json is "
                       "not a JSON object: ",
                       AsAbsl(std::string_view(parse.message().data(),
                                               parse.message().size()))),
          {{"channel_options.service_config_json", "must be a JSON object"}});
    }
  }
  const KeepaliveOptions& keepalive = options.keepalive;
  if (keepalive.time < std::chrono::milliseconds::zero() ||
      keepalive.timeout <= std::chrono::milliseconds::zero() ||
      keepalive.max_pings_without_data < 0) {
    return InvalidRequestError(
        "ClientOptions: channel_options.keepalive needs time >= 0, "
        "timeout > 0 and max_pings_without_data >= 0",
        {{"channel_options.keepalive",
          "need time >= 0, timeout > 0, max_pings_without_data >= 0"}});
  }
  if (options.max_receive_message_size < -1 ||
      options.max_send_message_size < -1) {
    return InvalidRequestError(
        "ClientOptions: channel_options message sizes must be -1 (no limit) "
        "or a number of bytes",
        {{"channel_options.max_receive_message_size", "must be >= -1"}});
  }
  if (options.pool_size < 1 || options.pool_size > kMaxPoolSize) {
    return InvalidRequestError(
        absl::StrCat("ClientOptions: channel_options.pool_size must be 1 to ",
                     kMaxPoolSize),
        {{"channel_options.pool_size",
          absl::StrCat("must be 1 to ", kMaxPoolSize)}});
  }
  return absl::OkStatus();
}

int ClampToInt(std::chrono::milliseconds duration) {
  return static_cast<int>(std::min<std::chrono::milliseconds::rep>(
      duration.count(), std::numeric_limits<int>::max()));
}

grpc::ChannelArguments ArgumentsFor(const ChannelOptions& options) {
  grpc::ChannelArguments arguments;
  arguments.SetUserAgentPrefix(std::string(kUserAgent));
  if (!options.load_balancing_policy.empty()) {
    arguments.SetLoadBalancingPolicyName(options.load_balancing_policy);
  }
  if (!options.service_config_json.empty()) {
    arguments.SetServiceConfigJSON(options.service_config_json);
  }
  if (!options.authority.empty()) {
    arguments.SetString(GRPC_ARG_DEFAULT_AUTHORITY, options.authority);
  }
  const KeepaliveOptions& keepalive = options.keepalive;
  arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS,
                   keepalive.time == std::chrono::milliseconds::zero()
                       ? std::numeric_limits<int>::max()
                       : ClampToInt(keepalive.time));
  arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                   ClampToInt(keepalive.timeout));
  arguments.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS,
                   keepalive.permit_without_calls ? 1 : 0);
  arguments.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA,
                   keepalive.max_pings_without_data);
  arguments.SetMaxReceiveMessageSize(options.max_receive_message_size);
  arguments.SetMaxSendMessageSize(options.max_send_message_size);
  // Channels with equal arguments share gRPC's global subchannel pool, and
  // so their connections: each pooled channel needs a pool of its own.
  if (options.pool_size > 1) {
    arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  }
  return arguments;
}

}  // namespace

absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> CreateChannels(
    const ClientOptions& options) {
  if (options.channel) return std::vector{options.channel};
  const bool plaintext = !options.credentials && options.plaintext;
  const bool has_token =
      !options.api_token.empty() || !options.api_token_file.empty();
  if (plaintext && has_token && !options.trusted_sidecar &&
      !IsLocalTarget(options.target)) {
    return InvalidRequestError(
        absl::StrCat("ClientOptions: refusing to send the API token without "
                     "TLS to ",
                     options.target,
                     ", which is not on this machine; use TLS, a loopback or "
                     "unix: target, or set trusted_sidecar for a sidecar "
                     "that adds TLS"),
        {{"plaintext", "the API token needs TLS to a remote target"}});
  }
  if (auto s = CheckTarget(options.target); !s.ok()) return s;
  const ChannelOptions& channel_options = options.channel_options;
  if (auto s = ValidateChannelOptions(channel_options); !s.ok()) return s;
  // Our own TLS checks the certificate against the name tls.server_name
  // also sends; credentials passed in are the caller's to judge.
  if (!channel_options.authority.empty() && !plaintext &&
      !options.credentials) {
    return InvalidRequestError(
        "ClientOptions: channel_options.authority is for plaintext channels; "
        "with TLS set tls.server_name",
        {{"channel_options.authority", "use tls.server_name with TLS"}});
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = options.credentials;
  if (!credentials && plaintext) {
    credentials = grpc::InsecureChannelCredentials();
  } else if (!credentials) {
    auto tls = TlsCredentials(options.tls);
    if (!tls.ok()) return tls.status();
    credentials = *std::move(tls);
  }
  grpc::ChannelArguments arguments = ArgumentsFor(channel_options);
  if (!options.tls.server_name.empty()) {
    arguments.SetSslTargetNameOverride(options.tls.server_name);
  }
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  channels.reserve(channel_options.pool_size);
  for (int i = 0; i < channel_options.pool_size; ++i) {
    channels.push_back(
        grpc::CreateCustomChannel(options.target, credentials, arguments));
  }
  // gRPC rejects a bad service config (or target) by making a channel that
  // fails every call; it is born in TRANSIENT_FAILURE, where a good one is
  // IDLE.
  if (channels.front()->GetState(/*try_to_connect=*/false) ==
      GRPC_CHANNEL_TRANSIENT_FAILURE) {
    if (!channel_options.service_config_json.empty()) {
      return InvalidRequestError(
          "ClientOptions: gRPC rejected channel_options.service_config_json "
          "(its log says why)",
          {{"channel_options.service_config_json", "rejected by gRPC"}});
    }
    return InvalidRequestError(
        absl::StrCat("ClientOptions: gRPC cannot make a channel to ",
                     options.target, " (its log says why)"),
        {{"target", "rejected by gRPC"}});
  }
  return channels;
}

}  // namespace pushwoosh::messaging::internal
