#include "pushwoosh/messaging/testing/fake_server_tls.h"

#include <grpc/grpc_security_constants.h>

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/file_contents.h"

namespace pushwoosh::messaging::testing {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::optional<std::string> contents = internal::ReadFileContents(path);
  if (!contents.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  }
  return *std::move(contents);
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> FakeServerTls(
    const FakeServerTlsFiles& files) {
  auto cert = ReadFile(files.cert_file);
  if (!cert.ok()) return cert.status();
  auto key = ReadFile(files.key_file);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  if (!files.client_ca_file.empty()) {
    auto client_ca = ReadFile(files.client_ca_file);
    if (!client_ca.ok()) return client_ca.status();
    ssl.pem_root_certs = *std::move(client_ca);
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace pushwoosh::messaging::testing
