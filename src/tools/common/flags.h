// A small command-line parser shared by the programs. Not absl::flags: that
// exits with status 1 on a bad flag, and our programs promise 2.
//
// Accepts "--name value", "--name=value", boolean "--name", "--" to end the
// flags, and "-" as a positional argument.
#ifndef PUSHWOOSH_TOOLS_COMMON_FLAGS_H_
#define PUSHWOOSH_TOOLS_COMMON_FLAGS_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace pushwoosh::tools {

struct FlagSpec {
  std::string_view name;  // Without the leading "--".
  bool takes_value = false;
  bool repeatable = false;
};

class ParsedFlags {
 public:
  bool Has(std::string_view name) const;
  // The value of a flag given once, or nullopt when absent.
  std::optional<std::string> Get(std::string_view name) const;
  // Every value of a repeatable flag, in order.
  std::vector<std::string> GetAll(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend absl::StatusOr<ParsedFlags> ParseFlags(
      std::span<const std::string> args, std::span<const FlagSpec> specs);

  std::map<std::string, std::vector<std::string>, std::less<>> values_;
  std::vector<std::string> positional_;
};

// Errors name the offending flag; they never echo its value (a value could
// be a secret typed in the wrong place).
absl::StatusOr<ParsedFlags> ParseFlags(std::span<const std::string> args,
                                       std::span<const FlagSpec> specs);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_COMMON_FLAGS_H_
