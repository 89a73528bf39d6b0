// Request metadata that is safe to hand to gRPC, which aborts the process on
// an upper-case or otherwise illegal key, and rejects illegal values.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_METADATA_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_METADATA_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging::internal {

inline constexpr char kAuthorizationKey[] = "authorization";

// Lower-cases every key and checks keys and values. Errors name the key,
// never the value (it may be a secret).
absl::StatusOr<Metadata> NormalizeMetadata(const Metadata& metadata);

// A token must be printable ASCII with no spaces. Errors never include it.
absl::Status ValidateApiToken(std::string_view token);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_METADATA_H_
