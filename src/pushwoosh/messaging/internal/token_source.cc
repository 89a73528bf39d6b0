#include "pushwoosh/messaging/internal/token_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/metadata.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging::internal {
namespace {

constexpr std::string_view kRedacted = "[REDACTED]";
constexpr std::size_t kMaxTokenFileSize = std::size_t{64} * 1024;

// From this length on, a token is redacted wherever it appears, even inside
// a longer run of letters: such a string does not turn up by chance, and an
// echo glued to other text ("...tokenX") must not leak it.
constexpr std::size_t kMinTokenRedactedAnywhere = 8;

bool IsWordCharacter(char c) { return absl::ascii_isalnum(c); }

// The first occurrence of `secret` at or after `from`. A short secret
// counts only as a whole word, so that a demo token ("t") is not "found"
// inside other words ("not").
std::size_t FindSecret(std::string_view text, std::string_view secret,
                       std::size_t from) {
  if (secret.empty()) return std::string_view::npos;
  if (secret.size() >= kMinTokenRedactedAnywhere) {
    return text.find(secret, from);
  }
  for (std::size_t at = text.find(secret, from); at != std::string_view::npos;
       at = text.find(secret, at + 1)) {
    const bool starts = at == 0 || !IsWordCharacter(text[at - 1]);
    const std::size_t end = at + secret.size();
    const bool ends = end == text.size() || !IsWordCharacter(text[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

bool IsValidToken(std::string_view token) {
  return !token.empty() && ValidateApiToken(token).ok();
}

}  // namespace

std::optional<std::string> TokenSource::ReadTokenFile(const std::string& path) {
  // Non-blocking, so that a FIFO or a device in its place cannot hang the
  // reload thread (and with it the client's destruction).
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> contents;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
      static_cast<std::size_t>(info.st_size) <= kMaxTokenFileSize) {
    std::string data;
    std::array<char, 4096> buffer;
    ssize_t n = 0;
    while ((n = ::read(fd, buffer.data(), buffer.size())) > 0 &&
           data.size() <= kMaxTokenFileSize) {
      data.append(buffer.data(), static_cast<std::size_t>(n));
    }
    if (n == 0) {
      contents = std::string(absl::StripAsciiWhitespace(data));
    }
  }
  ::close(fd);
  return contents;
}

TokenSource::TokenSource(std::string_view token)
    : state_(MakeState(token, std::string())) {}

TokenSource::TokenSource(std::string path, Reader reader)
    : path_(std::move(path)), reader_(std::move(reader)) {}

std::shared_ptr<const TokenSource::State> TokenSource::MakeState(
    std::string_view token, std::string previous) {
  auto state = std::make_shared<State>();
  state->token = std::string(token);
  state->authorization = absl::StrCat("Token ", AsAbsl(token));
  state->previous = std::move(previous);
  return state;
}

absl::StatusOr<std::shared_ptr<TokenSource>> TokenSource::FromFile(
    std::string path, std::chrono::milliseconds interval, Reader reader) {
  if (interval <= std::chrono::milliseconds::zero()) {
    return InvalidRequestError(
        "ClientOptions: api_token_reload_interval must be positive",
        {{"api_token_reload_interval", "must be positive"}});
  }
  std::optional<std::string> token = reader(path);
  if (!token.has_value() || !IsValidToken(*token)) {
    return InvalidRequestError(
        absl::StrCat("ClientOptions: api_token_file (", path,
                     ") cannot be read or holds no valid token"),
        {{"api_token_file", "cannot be read or holds no valid token"}});
  }
  std::shared_ptr<TokenSource> source(
      new TokenSource(std::move(path), std::move(reader)));
  source->state_.store(MakeState(*token, std::string()));
  source->reloader_ =
      std::jthread([raw = source.get(), interval](const std::stop_token& stop) {
        raw->ReloadEvery(interval, stop);
      });
  return source;
}

TokenSource::~TokenSource() {
  if (reloader_.joinable()) {
    reloader_.request_stop();
    wake_.notify_all();
  }
}

void TokenSource::ReloadEvery(std::chrono::milliseconds interval,
                              const std::stop_token& stop) {
  std::unique_lock lock(wake_mutex_);
  while (!wake_.wait_for(lock, stop, interval, [] { return false; })) {
    if (stop.stop_requested()) return;
    lock.unlock();
    ReloadNow();
    lock.lock();
  }
}

bool TokenSource::ReloadNow() {
  if (!reader_) return false;
  std::optional<std::string> token = reader_(path_);
  if (!token.has_value() || !IsValidToken(*token)) return false;
  std::shared_ptr<const State> current = state_.load();
  if (current->token == *token) return false;
  state_.store(MakeState(*token, current->token));
  return true;
}

std::shared_ptr<const std::string> TokenSource::Authorization() const {
  std::shared_ptr<const State> state = state_.load();
  return std::shared_ptr<const std::string>(state, &state->authorization);
}

bool TokenSource::Mentions(std::string_view text) const {
  std::shared_ptr<const State> state = state_.load();
  return FindSecret(text, state->token, 0) != std::string_view::npos ||
         FindSecret(text, state->previous, 0) != std::string_view::npos;
}

std::string TokenSource::Redact(std::string_view text) const {
  std::shared_ptr<const State> state = state_.load();
  std::string redacted(text);
  for (const std::string* secret : {&state->token, &state->previous}) {
    std::size_t at = 0;
    while ((at = FindSecret(redacted, *secret, at)) != std::string::npos) {
      redacted.replace(at, secret->size(), kRedacted);
      at += kRedacted.size();
    }
  }
  return redacted;
}

}  // namespace pushwoosh::messaging::internal
