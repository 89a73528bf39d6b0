// What the fake backend answers, in gRPC terms but independent of the
// transport: the services adapt it to gRPC's callback API, and tests can
// call it directly.
#ifndef PUSHWOOSH_MESSAGING_TESTING_FAKE_BACKEND_H_
#define PUSHWOOSH_MESSAGING_TESTING_FAKE_BACKEND_H_

#include <grpcpp/support/status.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "absl/container/flat_hash_map.h"
#include "pushwoosh/messaging/testing/fake_errors.h"
#include "pushwoosh/messaging/testing/fake_message_store.h"

namespace pushwoosh::messaging::testing {

// The request headers the backend acts on; each is nullopt or empty when
// absent.
struct FakeCallHeaders {
  std::optional<std::string_view> authorization;
  std::optional<std::string_view> idempotency_key;
  std::string_view request_id;
};

// Thread-safe.
class FakeBackend {
 public:
  explicit FakeBackend(std::shared_ptr<FakeMessageStore> store);

  // API token → account. A token may be re-pointed to another account.
  void AddAccount(std::string token, std::string account);

  // A repeated idempotency key of the same account returns the first
  // result instead of creating another message.
  grpc::Status Notify(const FakeCallHeaders& headers,
                      const v2::NotifyRequest& request,
                      v2::NotifyResponse* response);
  grpc::Status Cancel(const FakeCallHeaders& headers,
                      const v2::CancelRequest& request,
                      v2::CancelResponse* response);
  grpc::Status ListMessages(const FakeCallHeaders& headers,
                            const statistics::v2::ListMessagesRequest& request,
                            statistics::v2::ListMessagesResponse* response);

  // The account a call with `authorization` acts for; empty when none.
  std::string AccountOf(std::optional<std::string_view> authorization) const;

  FakeMessageStore& store() { return *store_; }

 private:
  // The account of a valid "Token <token>" value, or the error to return.
  std::variant<std::string, FakeError> Authenticate(
      std::optional<std::string_view> authorization) const;
  // The error with a RequestInfo of the call's request id, or of one made
  // up when the call sent none.
  grpc::Status Fail(const FakeCallHeaders& headers, const FakeError& error);

  std::shared_ptr<FakeMessageStore> store_;
  std::atomic<std::uint64_t> next_request_id_{1};
  // Guards the members below it.
  mutable std::mutex mutex_;
  absl::flat_hash_map<std::string, std::string> accounts_;
  struct KeyedNotify {
    v2::NotifyRequest request;
    v2::NotifyResponse response;
  };
  // By account and idempotency key.
  absl::flat_hash_map<std::pair<std::string, std::string>, KeyedNotify>
      notified_;
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_FAKE_BACKEND_H_
