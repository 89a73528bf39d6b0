#include "pushwoosh/messaging/internal/file_contents.h"

#include <fstream>
#include <sstream>

namespace pushwoosh::messaging::internal {

std::optional<std::string> ReadFileContents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  if (file) contents << file.rdbuf();
  if (!file || contents.str().empty()) return std::nullopt;
  return contents.str();
}

}  // namespace pushwoosh::messaging::internal
