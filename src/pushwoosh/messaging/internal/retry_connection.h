// Decorator: runs each call of the wrapped connection in the retry loop,
// with the client's policies or the call's overrides.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_RETRY_CONNECTION_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_RETRY_CONNECTION_H_

#include <memory>

#include "pushwoosh/messaging/connection.h"
#include "pushwoosh/messaging/internal/retry_loop.h"

namespace pushwoosh::messaging::internal {

inline constexpr char kIdempotencyKeyHeader[] = "idempotency-key";

// The asynchronous calls wait out their backoff on RetryEnvironment's
// schedule, holding no thread; they keep the connection alive until they
// finish, so it must be owned by a std::shared_ptr.
class RetryConnection final
    : public MessagingConnection,
      public std::enable_shared_from_this<RetryConnection> {
 public:
  // `defaults` holds the client's policies and default timeout.
  RetryConnection(std::shared_ptr<MessagingConnection> child,
                  const ClientOptions& defaults, RetryEnvironment environment);

  absl::StatusOr<v2::NotifyResponse> Notify(
      const v2::NotifyRequest& request, const CallOptions& options) override;
  absl::StatusOr<v2::CancelResponse> Cancel(
      const v2::CancelRequest& request, const CallOptions& options) override;
  absl::StatusOr<statistics::v2::ListMessagesResponse> ListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options) override;

  void AsyncNotify(const v2::NotifyRequest& request, const CallOptions& options,
                   AsyncCallback<v2::NotifyResponse> done) override;
  void AsyncCancel(const v2::CancelRequest& request, const CallOptions& options,
                   AsyncCallback<v2::CancelResponse> done) override;
  void AsyncListMessages(
      const statistics::v2::ListMessagesRequest& request,
      const CallOptions& options,
      AsyncCallback<statistics::v2::ListMessagesResponse> done) override;

 private:
  template <typename Request, typename Response>
  friend class AsyncRetry;

  // Notify's options and idempotency: the key, when set, goes out as
  // metadata on every attempt and makes the request repeatable.
  CallOptions WithIdempotencyKey(const CallOptions& options) const;

  // The client's policies with the call's overrides, which are checked
  // here since only the call knows them.
  absl::StatusOr<RetrySettings> SettingsFor(Rpc rpc, bool idempotent,
                                            const CallOptions& options) const;

  std::shared_ptr<MessagingConnection> child_;
  RetryPolicy retry_;
  BackoffPolicy backoff_;
  std::chrono::milliseconds default_timeout_;
  std::shared_ptr<const IdempotencyPolicy> idempotency_;
  RetryEnvironment environment_;
  RetryThrottle throttle_;
  // Set only when the client has a hook.
  std::unique_ptr<const CallObservers> observers_;
};

// Checks the policies of `options`; errors name the field.
absl::Status ValidateRetryOptions(const RetryPolicy& retry,
                                  const BackoffPolicy& backoff);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_RETRY_CONNECTION_H_
