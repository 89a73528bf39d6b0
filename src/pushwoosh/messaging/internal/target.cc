#include "pushwoosh/messaging/internal/target.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "pushwoosh/messaging/internal/absl_string_view.h"

namespace pushwoosh::messaging::internal {
namespace {

// "host:port", "[v6]:port", "v6" or "host" → the host.
std::string_view HostOf(std::string_view address) {
  if (address.starts_with('[')) {
    const auto end = address.find(']');
    return end == std::string_view::npos ? address : address.substr(1, end - 1);
  }
  const auto colon = address.find(':');
  // More than one colon and no brackets: a bare IPv6 address.
  if (colon != std::string_view::npos &&
      address.find(':', colon + 1) == std::string_view::npos) {
    return address.substr(0, colon);
  }
  return address;
}

bool IsLocalHost(std::string_view host) {
  const std::string lower = absl::AsciiStrToLower(AsAbsl(host));
  return lower == "localhost" || lower == "::1" || lower == "0:0:0:0:0:0:0:1" ||
         absl::StartsWith(lower, "127.");
}

bool AllLocal(std::string_view addresses) {
  if (addresses.empty()) return false;
  for (absl::string_view address : absl::StrSplit(AsAbsl(addresses), ',')) {
    if (!IsLocalHost(
            HostOf(std::string_view(address.data(), address.size())))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsLocalTarget(std::string_view target) {
  if (target.starts_with("unix:") || target.starts_with("unix-abstract:")) {
    return true;
  }
  if (target.starts_with("ipv4:") || target.starts_with("ipv6:")) {
    return AllLocal(target.substr(5));
  }
  if (target.starts_with("dns:")) {
    // dns:[//authority/]host[:port]
    std::string_view rest = target.substr(4);
    if (rest.starts_with("//")) {
      const auto slash = rest.find('/', 2);
      if (slash == std::string_view::npos) return false;
      rest = rest.substr(slash + 1);
    }
    return IsLocalHost(HostOf(rest));
  }
  // Any other scheme (xds:, a custom resolver) is not ours to judge.
  if (target.find("://") != std::string_view::npos) return false;
  return IsLocalHost(HostOf(target));
}

}  // namespace pushwoosh::messaging::internal
