// Which RPC a status came from: the error mapping depends on it.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_

namespace pushwoosh::messaging::internal {

enum class Rpc {
  kUnspecified,  // A status that did not come from a known RPC.
  kNotify,
  kCancel,
  kListMessages,
};

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_RPC_H_
