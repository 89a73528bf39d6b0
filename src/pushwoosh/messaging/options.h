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

#include "pushwoosh/messaging/observability.h"
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

// Keepalive pings, which find a dead connection (e.g. one a NAT or load
// balancer dropped silently) while calls wait on it. The defaults are what
// gRPC servers' default enforcement and Envoy accept: at most one ping per
// 5 minutes, and none without calls in flight; closer pings get the
// connection closed with GOAWAY "too_many_pings".
struct KeepaliveOptions {
  // Ping after this long without activity; zero disables pings.
  std::chrono::milliseconds time{300'000};
  // How long to wait for a ping's answer before dropping the connection.
  std::chrono::milliseconds timeout{20'000};
  // Ping also with no call in flight. Only for a server that allows it
  // (grpc.keepalive_permit_without_calls), or it closes the connection.
  bool permit_without_calls = false;
  // Pings sent while no data flows, after which gRPC waits for data before
  // pinging again; 0 for no limit. gRPC's default.
  int max_pings_without_data = 2;
};

// How the client's channels are configured; ignored with
// ClientOptions::channel.
struct ChannelOptions {
  // "pick_first" (gRPC's default when empty) or "round_robin" across the
  // addresses the target resolves to, e.g. a headless Kubernetes service.
  std::string load_balancing_policy;
  // A gRPC service config (JSON) for the channel, e.g. loadBalancingConfig.
  // Takes precedence over load_balancing_policy. Checked by Create.
  std::string service_config_json;
  // The :authority header when it is not the target's host, e.g. the
  // virtual host a plaintext sidecar routes on. With the client's own TLS
  // use TlsOptions::server_name, which also sets the name the certificate
  // is checked against.
  std::string authority;
  KeepaliveOptions keepalive;
  // Largest message accepted from the server and sent to it, in bytes;
  // -1 for no limit. gRPC's defaults: 4 MiB received, no limit sent.
  int max_receive_message_size = 4 * 1024 * 1024;
  int max_send_message_size = -1;
  // Calls spread round-robin over this many channels, each with its own
  // connections. A connection carries at most ~100 concurrent streams
  // (servers' usual MAX_CONCURRENT_STREAMS) and queues the rest: raise this
  // to run more calls at once.
  int pool_size = 1;
};

struct ClientOptions {
  // gRPC target: "host:port", "dns:///host:port", "ipv4:10.0.0.1:443",
  // "unix:/path", or "xds:///service" (proxyless mesh; needs the
  // GRPC_XDS_BOOTSTRAP or GRPC_XDS_BOOTSTRAP_CONFIG environment variable).
  std::string target;
  // Pushwoosh server API token, sent as "authorization: Token <api_token>"
  // on every call. Never logged, never part of an error message.
  std::string api_token;
  // Instead of api_token: a file holding it (surrounding whitespace is
  // ignored), read by Create and re-read every api_token_reload_interval
  // on a thread of the client's, so that a rotated secret (a Kubernetes
  // Secret volume, a Vault agent's file) takes effect without a restart.
  // Calls never wait for the file. A read that fails or finds no valid
  // token keeps the token in use.
  std::string api_token_file;
  std::chrono::milliseconds api_token_reload_interval{10'000};
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
  // Load balancing, keepalive, message sizes, channel pool.
  ChannelOptions channel_options;
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
  // Observability (observability.h): a record of every attempt, and
  // metrics of every attempt and call. Off, at no cost, when unset.
  CallLogger logger;
  std::shared_ptr<CallMetrics> metrics;
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
