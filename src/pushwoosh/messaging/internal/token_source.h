// The API token: fixed, or read from a file that is re-read while the
// client lives (a rotated Kubernetes secret, a Vault agent's file). Calls
// never wait for the file: a reload swaps the token in atomically.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_TOKEN_SOURCE_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_TOKEN_SOURCE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace pushwoosh::messaging::internal {

class TokenSource {
 public:
  // The token in `path`, without surrounding whitespace; nullopt when the
  // file cannot be read or is not a regular file (a FIFO would block).
  using Reader =
      std::function<std::optional<std::string>(const std::string& path)>;

  // A token that never changes.
  explicit TokenSource(std::string_view token);

  // Reads `path` now, failing with kInvalidRequest (naming the file, never
  // its contents) when it holds no valid token; then re-reads it every
  // `interval` on a thread of its own. A read that fails or finds no valid
  // token keeps the token in use.
  static absl::StatusOr<std::shared_ptr<TokenSource>> FromFile(
      std::string path, std::chrono::milliseconds interval,
      Reader reader = ReadTokenFile);

  TokenSource(const TokenSource&) = delete;
  TokenSource& operator=(const TokenSource&) = delete;
  // Stops the reload thread.
  ~TokenSource();

  // "Token <token>": the authorization header's value.
  std::shared_ptr<const std::string> Authorization() const;

  // `text` with the token in use, and the one before it, replaced by
  // "[REDACTED]" wherever they appear; a token shorter than 8 characters
  // (a demo token) only where it stands as a whole word, not inside a
  // longer run of letters and digits.
  std::string Redact(std::string_view text) const;
  // Whether Redact() would change `text`.
  bool Mentions(std::string_view text) const;

  // One reload, as the thread does; returns whether the token changed.
  bool ReloadNow();

  static std::optional<std::string> ReadTokenFile(const std::string& path);

 private:
  struct State {
    std::string authorization;
    std::string token;
    std::string previous;
  };

  TokenSource(std::string path, Reader reader);
  static std::shared_ptr<const State> MakeState(std::string_view token,
                                                std::string previous);
  void ReloadEvery(std::chrono::milliseconds interval,
                   const std::stop_token& stop);

  std::string path_;
  Reader reader_;
  std::atomic<std::shared_ptr<const State>> state_;
  std::mutex wake_mutex_;
  std::condition_variable_any wake_;
  // Last: stopped and joined first on destruction.
  std::jthread reloader_;
};

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_TOKEN_SOURCE_H_
