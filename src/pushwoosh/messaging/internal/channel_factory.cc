#include "pushwoosh/messaging/internal/channel_factory.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

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

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateChannel(
    const ClientOptions& options) {
  if (options.channel) return options.channel;
  const bool plaintext = !options.credentials && options.plaintext;
  if (plaintext && !options.api_token.empty() && !options.trusted_sidecar &&
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
  std::shared_ptr<grpc::ChannelCredentials> credentials = options.credentials;
  if (!credentials && plaintext) {
    credentials = grpc::InsecureChannelCredentials();
  } else if (!credentials) {
    auto tls = TlsCredentials(options.tls);
    if (!tls.ok()) return tls.status();
    credentials = *std::move(tls);
  }
  grpc::ChannelArguments arguments;
  arguments.SetUserAgentPrefix(std::string(kUserAgent));
  if (!options.tls.server_name.empty()) {
    arguments.SetSslTargetNameOverride(options.tls.server_name);
  }
  return grpc::CreateCustomChannel(options.target, credentials, arguments);
}

}  // namespace pushwoosh::messaging::internal
