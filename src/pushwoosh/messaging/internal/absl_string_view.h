// Debian's Abseil is built with its own absl::string_view (not an alias of
// std::string_view), so our std::string_view API needs this bridge.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_ABSL_STRING_VIEW_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_ABSL_STRING_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace pushwoosh::messaging::internal {

inline absl::string_view AsAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_ABSL_STRING_VIEW_H_
