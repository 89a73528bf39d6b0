// Client-level and call-level options.
#ifndef PUSHWOOSH_MESSAGING_OPTIONS_H_
#define PUSHWOOSH_MESSAGING_OPTIONS_H_

#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pushwoosh/messaging/retry_policy.h"

namespace pushwoosh::messaging {

// Request metadata (gRPC headers). Keys are validated and lower-cased
// before use: gRPC aborts the process on an upper-case key, so the client
// refuses bad keys with kInvalidRequest instead. Keys ending in "-bin"
// carry binary values; other values must be printable ASCII.
using Metadata = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::chrono::milliseconds kDefaultTimeout{30'000};

// TLS settings of a channel the client dials itself.
struct TlsOptions {
  // PEM file of the root certificates to trust; the system roots if empty.
  std::string ca_file;
  // mTLS: PEM files of the client's certificate chain and private key; both
  // or neither.
  std::string client_cert_file;
  std::string client_key_file;
  // The name the server's certificate must carry (and the :authority sent)
  // when it is not the target's host, e.g. when dialing an IP address.
  std::string server_name;
};

struct ClientOptions {
  // gRPC target: "host:port", "dns:///host:port", "unix:/path", ...
  std::string target;
  // Pushwoosh server API token, sent as "authorization: Token <api_token>"
  // on every call. Never logged, never part of an error message.
  std::string api_token;
  // Connect without TLS (a local sidecar or the fake server). Ignored when
  // `credentials` or `channel` is set. With an api_token, plaintext is
  // allowed only to a loopback or unix: target, or with `trusted_sidecar`.
  bool plaintext = false;
  // Declares that a plaintext target that is not on this machine is a
  // trusted sidecar (e.g. Envoy at the pod's address, adding TLS itself),
  // so the API token may travel to it unencrypted.
  bool trusted_sidecar = false;
  // TLS when not plaintext: roots, client certificate, server name.
  TlsOptions tls;
  // Channel credentials; by default TLS with the system roots, or insecure
  // when `plaintext` is set.
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  // A ready channel to use instead of dialing `target`, e.g.
  // FakeMessagingServer::InProcessChannel().
  std::shared_ptr<grpc::Channel> channel;
  // Deadline of each call that does not set its own.
  std::chrono::milliseconds default_timeout = kDefaultTimeout;
  // Application code ("XXXXX-XXXXX") for look-ups the client makes on its
  // own: a Cancel whose reply was lost confirms through messages:list,
  // which needs one. Without it such a Cancel reports kNotCancelable.
  std::string application;
  // Sent with every call, besides each call's own metadata.
  Metadata metadata;
  // Wait for the channel to connect (up to the call's deadline) instead of
  // failing at once with kUnavailable while the backend is unreachable, e.g.
  // while it restarts.
  bool wait_for_ready = false;
  // Retries: see retry_policy.h. Cancel and ListMessages are retried on
  // transient failures; Notify only with CallOptions::idempotency_key.
  RetryPolicy retry;
  BackoffPolicy backoff;
  RetryThrottlePolicy throttle;
  // Which requests are safe to repeat; the default IdempotencyPolicy when
  // unset.
  std::shared_ptr<const IdempotencyPolicy> idempotency;
};

struct CallOptions {
  // Replaces ClientOptions::default_timeout for this call.
  std::optional<std::chrono::milliseconds> timeout;
  // An absolute deadline, e.g. that of the request this call serves. When
  // both are set, the sooner of `deadline` and now + timeout wins.
  std::optional<std::chrono::system_clock::time_point> deadline;
  // Extra metadata for this call only.
  Metadata metadata;
  // Replaces ClientOptions::application for this call.
  std::string application;
  // Replaces ClientOptions::wait_for_ready for this call.
  std::optional<bool> wait_for_ready;
  // Replace the client's policies for this call.
  std::optional<RetryPolicy> retry;
  std::optional<BackoffPolicy> backoff;
  // Sent as "x-request-id" metadata, the same on every attempt, and kept
  // in the call's error (Error::request_id). Generated for each call when
  // empty; forward the id of the request this call serves to correlate
  // logs across services.
  std::string request_id;
  // Notify only: sent as "idempotency-key" metadata, the same on every
  // attempt, and makes Notify retryable. Use one key per intended message.
  // Safe only with a backend that honours it (the fake server does).
  std::string idempotency_key;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_OPTIONS_H_
