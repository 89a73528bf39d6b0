// Reading a small file whole, e.g. a PEM certificate or key.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_FILE_CONTENTS_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_FILE_CONTENTS_H_

#include <optional>
#include <string>

namespace pushwoosh::messaging::internal {

// The file's bytes; nullopt when it cannot be read or is empty. Callers
// phrase the error, naming the option, never the contents.
std::optional<std::string> ReadFileContents(const std::string& path);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_FILE_CONTENTS_H_
