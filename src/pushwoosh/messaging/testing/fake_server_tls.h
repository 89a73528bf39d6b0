// TLS for the fake server from PEM files, e.g. those that
// scripts/make-test-certs.sh writes.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVER_TLS_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVER_TLS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace pushwoosh::messaging::testing {

struct FakeServerTlsFiles {
  std::string cert_file;  // The server's certificate chain (PEM).
  std::string key_file;   // Its private key (PEM).
  // When set, clients must present a certificate signed by this CA (mTLS).
  std::string client_ca_file;
};

// Server credentials for FakeServerOptions::credentials; fails with
// kInvalidArgument naming the file that cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> FakeServerTls(
    const FakeServerTlsFiles& files);

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_SERVER_TLS_H_
