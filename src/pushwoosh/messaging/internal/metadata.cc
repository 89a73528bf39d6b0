#include "pushwoosh/messaging/internal/metadata.h"

#include <algorithm>
#include <array>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"
#include "pushwoosh/messaging/internal/validation.h"

namespace pushwoosh::messaging::internal {
namespace {

// Set by gRPC or by this library; a caller's value would be dropped or,
// for authorization, would leak past our token handling.
constexpr std::array<std::string_view, 5> kReservedKeys = {
    kAuthorizationKey, "content-type", "te", "host", "user-agent"};

bool IsLegalKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

bool IsLegalAsciiValue(std::string_view value) {
  return std::all_of(value.begin(), value.end(),
                     [](char c) { return c >= 0x20 && c <= 0x7E; });
}

absl::Status BadKey(std::string_view key, std::string_view why) {
  return InvalidRequestError(
      absl::StrCat("metadata key \"", AsAbsl(key), "\" ", AsAbsl(why)),
      {{"metadata", absl::StrCat("key \"", AsAbsl(key), "\" ", AsAbsl(why))}});
}

}  // namespace

absl::StatusOr<Metadata> NormalizeMetadata(const Metadata& metadata) {
  Metadata normalized;
  normalized.reserve(metadata.size());
  for (const auto& [raw_key, value] : metadata) {
    std::string key = absl::AsciiStrToLower(raw_key);
    if (key.empty()) return BadKey(key, "is empty");
    if (!std::all_of(key.begin(), key.end(), IsLegalKeyChar)) {
      return BadKey(absl::CHexEscape(key),
                    "has characters other than a-z 0-9 - _ .");
    }
    if (absl::StartsWith(key, "grpc-")) {
      return BadKey(key, "is reserved for gRPC");
    }
    if (std::find(kReservedKeys.begin(), kReservedKeys.end(), key) !=
        kReservedKeys.end()) {
      return BadKey(key, "is set by the client itself");
    }
    if (!absl::EndsWith(key, "-bin") && !IsLegalAsciiValue(value)) {
      return BadKey(key,
                    "has a value with characters other than printable ASCII "
                    "(binary values need a key ending in -bin)");
    }
    normalized.emplace_back(std::move(key), value);
  }
  return normalized;
}

absl::Status ValidateApiToken(std::string_view token) {
  if (!std::all_of(token.begin(), token.end(),
                   [](char c) { return c > 0x20 && c <= 0x7E; })) {
    return InvalidRequestError(
        "api_token has characters other than printable ASCII",
        {{"api_token", "has characters other than printable ASCII"}});
  }
  return absl::OkStatus();
}

}  // namespace pushwoosh::messaging::internal
