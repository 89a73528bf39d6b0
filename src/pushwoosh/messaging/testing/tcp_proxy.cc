#include "pushwoosh/messaging/testing/tcp_proxy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace pushwoosh::messaging::testing {
namespace {

struct Pair {
  int client = -1;
  int upstream = -1;
};

// Closes with a reset, as a crashed peer or a cut cable would look.
void Reset(int fd) {
  linger hard{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
  close(fd);
}

bool WriteAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

int ConnectUpstream(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) !=
      0) {
    close(fd);
    return -1;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TcpProxy>> TcpProxy::Start(
    const std::string& listen_address, int upstream_port) {
  const auto colon = listen_address.rfind(':');
  std::string host = listen_address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = listen_address.substr(colon + 1);
  if (colon == std::string::npos ||
      getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints,
                  &found) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot resolve \"", listen_address, "\""));
  }
  std::unique_ptr<TcpProxy> proxy(new TcpProxy());
  proxy->upstream_port_ = upstream_port;
  proxy->listen_fd_ = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  setsockopt(proxy->listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  const bool bound =
      bind(proxy->listen_fd_, found->ai_addr, found->ai_addrlen) == 0 &&
      listen(proxy->listen_fd_, 64) == 0;
  freeaddrinfo(found);
  if (!bound) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on \"", listen_address, "\": ", std::strerror(errno)));
  }
  sockaddr_storage bound_address{};
  socklen_t length = sizeof(bound_address);
  getsockname(proxy->listen_fd_, reinterpret_cast<sockaddr*>(&bound_address),
              &length);
  proxy->port_ =
      ntohs(bound_address.ss_family == AF_INET6
                ? reinterpret_cast<sockaddr_in6*>(&bound_address)->sin6_port
                : reinterpret_cast<sockaddr_in*>(&bound_address)->sin_port);
  proxy->wake_fd_ = eventfd(0, EFD_CLOEXEC);
  proxy->thread_ = std::thread([raw = proxy.get()] { raw->Run(); });
  return proxy;
}

TcpProxy::~TcpProxy() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  const std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof(one));
  thread_.join();
  close(listen_fd_);
  close(wake_fd_);
}

void TcpProxy::DropConnections() {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = ++drops_requested_;
  const std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof(one));
  changed_.wait(lock,
                [this, ticket] { return drops_done_ >= ticket || stopping_; });
}

void TcpProxy::Run() {
  std::vector<Pair> pairs;
  char buffer[64 * 1024];
  for (;;) {
    std::vector<pollfd> fds = {{listen_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    for (const Pair& pair : pairs) {
      fds.push_back({pair.client, POLLIN, 0});
      fds.push_back({pair.upstream, POLLIN, 0});
    }
    if (poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) return;

    if (fds[1].revents != 0) {
      std::uint64_t count = 0;
      (void)!read(wake_fd_, &count, sizeof(count));
      std::lock_guard lock(mutex_);
      if (stopping_) {
        for (const Pair& pair : pairs) {
          Reset(pair.client);
          Reset(pair.upstream);
        }
        return;
      }
      if (drops_done_ < drops_requested_) {
        for (const Pair& pair : pairs) {
          Reset(pair.client);
          Reset(pair.upstream);
        }
        pairs.clear();
        drops_done_ = drops_requested_;
        changed_.notify_all();
        continue;  // The fds above are closed now.
      }
    }
    std::vector<Pair> open;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const Pair& pair = pairs[i];  // fds[2 + 2i] and fds[3 + 2i].
      bool alive = true;
      for (int side = 0; side < 2 && alive; ++side) {
        const pollfd& fd = fds[2 + 2 * i + side];
        if (fd.revents == 0) continue;
        const int to = side == 0 ? pair.upstream : pair.client;
        const ssize_t n = read(fd.fd, buffer, sizeof(buffer));
        alive = n > 0 && WriteAll(to, buffer, static_cast<std::size_t>(n));
      }
      if (alive) {
        open.push_back(pair);
      } else {
        close(pair.client);
        close(pair.upstream);
      }
    }
    pairs = std::move(open);
    // Accepted last, so that `fds` above matched `pairs` entry for entry.
    if (fds[0].revents & POLLIN) {
      const int client = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client >= 0) {
        const int upstream = ConnectUpstream(upstream_port_);
        if (upstream < 0) {
          close(client);
        } else {
          const int one = 1;
          setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
          pairs.push_back({client, upstream});
        }
      }
    }
  }
}

}  // namespace pushwoosh::messaging::testing
