#include "pushwoosh/messaging/trace_context.h"

#include <string>

namespace pushwoosh::messaging {
namespace {

std::string_view View(const grpc::string_ref& value) {
  return std::string_view(value.data(), value.size());
}

}  // namespace

CallOptions& ForwardTraceHeaders(
    const std::multimap<grpc::string_ref, grpc::string_ref>& incoming,
    CallOptions& options) {
  for (const auto& [key, value] : incoming) {
    const std::string_view name = View(key);
    if (name == "x-request-id") {
      if (options.request_id.empty()) options.request_id = View(value);
      continue;
    }
    for (std::string_view header : kTraceHeaders) {
      if (name == header) {
        options.metadata.emplace_back(name, View(value));
        break;
      }
    }
  }
  return options;
}

CallOptions ForwardedFrom(const grpc::ServerContextBase& parent,
                          CallOptions options) {
  ForwardTraceHeaders(parent.client_metadata(), options);
  // gRPC reports "no deadline" as the largest time point.
  const auto deadline = parent.deadline();
  if (deadline != std::chrono::system_clock::time_point::max() &&
      (!options.deadline.has_value() || deadline < *options.deadline)) {
    options.deadline = deadline;
  }
  return options;
}

}  // namespace pushwoosh::messaging
