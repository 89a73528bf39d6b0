// A TCP forwarder in front of the fake server's gRPC port, so that a fault
// can cut every open connection (gRPC's server API cannot drop one).
// IPv4 and IPv6 listeners; the upstream is on loopback.
#ifndef PUSHWOOSH_MESSAGING_TESTING_TCP_PROXY_H_
#define PUSHWOOSH_MESSAGING_TESTING_TCP_PROXY_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"

namespace pushwoosh::messaging::testing {

// Thread-safe.
class TcpProxy {
 public:
  // Listens on `listen_address` ("HOST:PORT", port 0 picks one) and
  // forwards each connection to 127.0.0.1:`upstream_port`.
  static absl::StatusOr<std::unique_ptr<TcpProxy>> Start(
      const std::string& listen_address, int upstream_port);
  ~TcpProxy();

  int port() const { return port_; }
  // Resets every open connection; returns once they are closed. New
  // connections are accepted as before.
  void DropConnections();

 private:
  TcpProxy() = default;
  void Run();

  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: DropConnections and shutdown.
  int port_ = 0;
  int upstream_port_ = 0;
  std::thread thread_;
  // Guards the members below it.
  std::mutex mutex_;
  bool stopping_ = false;
  std::uint64_t drops_requested_ = 0;
  std::uint64_t drops_done_ = 0;
  std::condition_variable changed_;  // drops_done_ or stopping_ changed.
};

}  // namespace pushwoosh::messaging::testing

#endif  // PUSHWOOSH_MESSAGING_TESTING_TCP_PROXY_H_
