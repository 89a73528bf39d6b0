// Which RPC a status came from: the error mapping depends on it.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_

#include <string_view>

namespace pushwoosh::messaging::internal {

enum class Rpc {
  kUnspecified,  // A status that did not come from a known RPC.
  kNotify,
  kCancel,
  kListMessages,
};

// "Notify", "Cancel", "ListMessages"; "" for kUnspecified.
constexpr std::string_view RpcName(Rpc rpc) {
  switch (rpc) {
    case Rpc::kNotify:
      return "Notify";
    case Rpc::kCancel:
      return "Cancel";
    case Rpc::kListMessages:
      return "ListMessages";
    case Rpc::kUnspecified:
      break;
  }
  return "";
}

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_
