#include "tools/common/flags.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace pushwoosh::tools {

bool ParsedFlags::Has(std::string_view name) const {
  return values_.find(name) != values_.end();
}

std::optional<std::string> ParsedFlags::Get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedFlags::GetAll(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

absl::StatusOr<ParsedFlags> ParseFlags(std::span<const std::string> args,
                                       std::span<const FlagSpec> specs) {
  ParsedFlags parsed;
  bool flags_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_ended || arg == "-" || !absl::StartsWith(arg, "--")) {
      parsed.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_ended = true;
      continue;
    }
    const std::string_view body = std::string_view(arg).substr(2);
    const auto equals = body.find('=');
    const std::string_view name = body.substr(0, equals);
    const auto spec =
        std::find_if(specs.begin(), specs.end(),
                     [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag --", std::string(name)));
    }
    std::string value;
    if (spec->takes_value) {
      if (equals != std::string_view::npos) {
        value = std::string(body.substr(equals + 1));
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("flag --", std::string(name), " needs a value"));
      }
    } else if (equals != std::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", std::string(name), " takes no value"));
    }
    auto& values = parsed.values_[std::string(name)];
    if (!values.empty() && !spec->repeatable) {
      return absl::InvalidArgumentError(
          absl::StrCat("flag --", std::string(name), " given more than once"));
    }
    values.push_back(std::move(value));
  }
  return parsed;
}

}  // namespace pushwoosh::tools
