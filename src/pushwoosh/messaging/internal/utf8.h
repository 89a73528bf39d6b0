// UTF-8 checks for text that crosses the wire: request fields the client
// validates, and server messages that are printed as JSON or logged.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_UTF8_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_UTF8_H_

#include <string>
#include <string_view>

namespace pushwoosh::messaging::internal {

// Well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF.
bool IsValidUtf8(std::string_view text);

// `text` with each byte that is not part of a well-formed sequence replaced
// by U+FFFD. A JSON printer would otherwise drop those bytes and join what
// stood around them, after any redaction had looked at the text.
std::string ToValidUtf8(std::string_view text);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_UTF8_H_
