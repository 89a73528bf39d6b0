#include "pushwoosh/messaging/internal/redacted_status.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/cord.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/internal/error_payloads.h"

namespace pushwoosh::messaging::internal {
namespace {

std::string_view View(absl::string_view text) {
  return std::string_view(text.data(), text.size());
}

// The details without the token, or nullopt when they do not decode.
std::optional<std::string> RedactedDetails(const TokenSource& tokens,
                                           const std::string& details) {
  google::rpc::Status decoded;
  if (!decoded.ParseFromString(details)) return std::nullopt;
  decoded.set_message(tokens.Redact(decoded.message()));
  google::rpc::Status kept = decoded;
  kept.clear_details();
  for (const auto& detail : decoded.details()) {
    if (!tokens.Mentions(detail.value())) *kept.add_details() = detail;
  }
  return kept.SerializeAsString();
}

}  // namespace

absl::Status RedactedStatus(const TokenSource& tokens, absl::Status status) {
  const auto details = status.GetPayload(kDetailsPayloadUrl);
  const std::string details_bytes =
      details.has_value() ? std::string(*details) : std::string();
  if (!tokens.Mentions(View(status.message())) &&
      !tokens.Mentions(details_bytes)) {
    return status;
  }
  absl::Status redacted(status.code(), tokens.Redact(View(status.message())));
  status.ForEachPayload(
      [&redacted](absl::string_view url, const absl::Cord& payload) {
        redacted.SetPayload(url, payload);
      });
  if (details.has_value() && tokens.Mentions(details_bytes)) {
    std::optional<std::string> clean = RedactedDetails(tokens, details_bytes);
    if (clean.has_value()) {
      redacted.SetPayload(kDetailsPayloadUrl, absl::Cord(*clean));
    } else {
      redacted.ErasePayload(kDetailsPayloadUrl);
    }
  }
  return redacted;
}

}  // namespace pushwoosh::messaging::internal
