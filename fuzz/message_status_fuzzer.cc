// Fuzzes the message-status parser that reads messages:list's free-form
// status strings, whose casing and spelling the API does not fix.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "pushwoosh/messaging/message_status.h"

namespace {

using ::pushwoosh::messaging::MessageStatus;
using ::pushwoosh::messaging::MessageStatusName;
using ::pushwoosh::messaging::ParseMessageStatus;

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const MessageStatus status = ParseMessageStatus(text);
  // Parsing ignores case, and a status's own name reads back as itself.
  std::string upper(text);
  for (char& c : upper) c = absl::ascii_toupper(static_cast<unsigned char>(c));
  Check(ParseMessageStatus(upper) == status);
  Check(ParseMessageStatus(MessageStatusName(status)) == status);
  // Only short words are statuses: anything longer is unknown.
  if (size > 16) Check(status == MessageStatus::kUnknown);
  return 0;
}
