// What a gRPC target string says about where the channel goes: used to
// decide whether an API token may travel without TLS.
#ifndef PUSHWOOSH_MESSAGING_INTERNAL_TARGET_H_
#define PUSHWOOSH_MESSAGING_INTERNAL_TARGET_H_

#include <string_view>

namespace pushwoosh::messaging::internal {

// True when every address `target` names is on this machine: unix: and
// unix-abstract: sockets, "localhost", 127.0.0.0/8 and ::1, written as
// "host:port", "dns:///host:port", "ipv4:a,b" or "ipv6:[a],[b]". Anything
// else, xds:/// included, is remote.
bool IsLocalTarget(std::string_view target);

}  // namespace pushwoosh::messaging::internal

#endif  // PUSHWOOSH_MESSAGING_INTERNAL_TARGET_H_
