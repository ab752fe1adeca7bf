#include "server/connection_cap.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace {

using AcceptFn = int (*)(int, sockaddr*, socklen_t*, int);
using CloseFn = int (*)(int);

AcceptFn RealAccept4() {
  static const auto real = reinterpret_cast<AcceptFn>(dlsym(RTLD_NEXT, "accept4"));
  return real;
}

CloseFn RealClose() {
  static const auto real = reinterpret_cast<CloseFn>(dlsym(RTLD_NEXT, "close"));
  return real;
}

constexpr int kMaxListeners = 8;

// Set once by CapConnections, before any connection of the capped port is accepted; read
// without a lock by every accept4() and close() of the process.
struct Cap {
  int listeners[kMaxListeners];
  int listener_count = 0;
  int max_total = 0;
  int max_per_address = 0;
  // One flag per descriptor number below `tracked`: an accepted connection counted here.
  std::unique_ptr<std::atomic<uint8_t>[]> counted;
  int tracked = 0;
  // Opened on /dev/null and given up for a moment to accept (and close) a connection when
  // none is left.
  std::atomic<int> reserve{-1};

  absl::Mutex mu;
  int64_t open ABSL_GUARDED_BY(mu) = 0;
  int64_t peak ABSL_GUARDED_BY(mu) = 0;
  int64_t refused ABSL_GUARDED_BY(mu) = 0;
  absl::flat_hash_map<std::string, int> per_address ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<int, std::string> address_of ABSL_GUARDED_BY(mu);
  absl::Time last_warning ABSL_GUARDED_BY(mu) = absl::InfinitePast();
};

std::atomic<Cap*> cap{nullptr};

bool IsCappedListener(const Cap& c, int fd) {
  for (int i = 0; i < c.listener_count; ++i) {
    if (c.listeners[i] == fd) return true;
  }
  return false;
}

std::string AddressKey(const sockaddr_storage& peer) {
  char text[INET6_ADDRSTRLEN] = "";
  if (peer.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(peer).sin_addr, text, sizeof(text));
  } else if (peer.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(peer);
    if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) {
      inet_ntop(AF_INET, &in6.sin6_addr.s6_addr[12], text, sizeof(text));
    } else {
      inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof(text));
    }
  }
  return text;
}

void WarnRefused(Cap& c, absl::string_view why) ABSL_EXCLUSIVE_LOCKS_REQUIRED(c.mu) {
  ++c.refused;
  const absl::Time now = absl::Now();
  if (now - c.last_warning < absl::Seconds(10)) return;
  c.last_warning = now;
  spdlog::warn("refusing gRPC connections: {} ({} open, {} refused so far)", std::string(why),
               c.open, c.refused);
}

// Out of descriptors with a connection pending: take it with the reserve and close it, so the
// listener does not stay readable with nothing gRPC could do. False when the reserve is gone.
bool DropPending(Cap& c, int listener) {
  const int reserve = c.reserve.exchange(-1);
  if (reserve < 0) return false;
  RealClose()(reserve);
  const int fd = RealAccept4()(listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd >= 0) RealClose()(fd);
  c.reserve.store(open("/dev/null", O_RDONLY | O_CLOEXEC));
  {
    absl::MutexLock lock(&c.mu);
    WarnRefused(c, "out of file descriptors");
  }
  return fd >= 0;
}

int CappedAccept(Cap& c, int listener, sockaddr* addr, socklen_t* addrlen, int flags) {
  for (;;) {
    sockaddr_storage peer{};
    socklen_t peer_len = sizeof(peer);
    const int fd = RealAccept4()(listener, reinterpret_cast<sockaddr*>(&peer), &peer_len, flags);
    if (fd < 0) {
      if (errno == EINTR) continue;
      if ((errno == EMFILE || errno == ENFILE) && DropPending(c, listener)) continue;
      // Whatever else went wrong, gRPC hears EAGAIN: any other error would stop its accept
      // loop for good. The next connection wakes it again.
      errno = EAGAIN;
      return -1;
    }
    const std::string key = AddressKey(peer);
    bool admitted = false;
    {
      absl::MutexLock lock(&c.mu);
      int& from_address = c.per_address[key];
      if (c.open >= c.max_total) {
        WarnRefused(c, absl::StrCat("at the cap of ", c.max_total, " (--max_connections)"));
      } else if (from_address >= c.max_per_address) {
        WarnRefused(c, absl::StrCat(key, " is at the cap of ", c.max_per_address,
                                    " (--max_connections_per_address)"));
      } else if (fd >= c.tracked) {
        WarnRefused(c, "descriptor number beyond the tracked range");
      } else {
        admitted = true;
        ++from_address;
        c.peak = std::max(c.peak, ++c.open);
        c.address_of[fd] = key;
        c.counted[fd].store(1);
      }
      if (!admitted && from_address == 0) c.per_address.erase(key);
    }
    if (!admitted) {
      RealClose()(fd);
      continue;  // the next pending connection, if any
    }
    if (addr != nullptr && addrlen != nullptr) {
      std::memcpy(addr, &peer, std::min<socklen_t>(*addrlen, peer_len));
      *addrlen = peer_len;
    }
    return fd;
  }
}

void Uncount(Cap& c, int fd) {
  absl::MutexLock lock(&c.mu);
  auto it = c.address_of.find(fd);
  if (it == c.address_of.end()) return;
  auto per = c.per_address.find(it->second);
  if (per != c.per_address.end() && --per->second <= 0) c.per_address.erase(per);
  c.address_of.erase(it);
  --c.open;
}

}  // namespace

int64_t RaiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? int64_t{1} << 20 : static_cast<int64_t>(limit.rlim_cur);
}

absl::Status CapConnections(int port, int max_total, int max_per_address,
                            int64_t descriptor_limit) {
  auto c = std::make_unique<Cap>();
  if (DIR* dir = opendir("/proc/self/fd")) {
    while (dirent* entry = readdir(dir)) {
      const int fd = std::atoi(entry->d_name);
      struct stat info {};
      if (entry->d_name[0] == '.' || fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) continue;
      int listening = 0;
      socklen_t size = sizeof(listening);
      sockaddr_storage local{};
      socklen_t local_len = sizeof(local);
      if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening ||
          getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) {
        continue;
      }
      int bound = -1;
      if (local.ss_family == AF_INET) {
        bound = ntohs(reinterpret_cast<const sockaddr_in&>(local).sin_port);
      } else if (local.ss_family == AF_INET6) {
        bound = ntohs(reinterpret_cast<const sockaddr_in6&>(local).sin6_port);
      }
      if (bound == port && c->listener_count < kMaxListeners) {
        c->listeners[c->listener_count++] = fd;
      }
    }
    closedir(dir);
  }
  if (c->listener_count == 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("no listening socket of port ", port, " to cap"));
  }
  const int64_t budget = std::max<int64_t>(descriptor_limit / 2, 1);
  if (max_total > budget) {
    spdlog::warn(
        "--max_connections {} is more than half the descriptor limit {}: capping "
        "gRPC connections at {}",
        max_total, descriptor_limit, budget);
    max_total = static_cast<int>(budget);
  }
  c->max_total = max_total;
  c->max_per_address = max_per_address;
  c->tracked = static_cast<int>(std::min<int64_t>(descriptor_limit, int64_t{1} << 20));
  c->counted = std::make_unique<std::atomic<uint8_t>[]>(c->tracked);
  c->reserve.store(open("/dev/null", O_RDONLY | O_CLOEXEC));
  RealAccept4();  // resolve before the first call races
  RealClose();
  Cap* expected = nullptr;
  if (!cap.compare_exchange_strong(expected, c.get())) {
    return absl::FailedPreconditionError("connections are capped already");
  }
  spdlog::info("gRPC connections capped at {} total, {} per client address ({} descriptors)",
               max_total, max_per_address, descriptor_limit);
  c.release();  // lives as long as the process: accept4() and close() may read it any time
  return absl::OkStatus();
}

ConnectionCapStats GetConnectionCapStats() {
  Cap* c = cap.load();
  if (c == nullptr) return {};
  absl::MutexLock lock(&c->mu);
  return {c->open, c->peak, c->refused};
}

}  // namespace techmatch::server

// The interposed functions: every other descriptor goes straight to the real ones.
extern "C" int accept4(int listener, sockaddr* addr, socklen_t* addrlen, int flags) {
  techmatch::server::Cap* c = techmatch::server::cap.load(std::memory_order_acquire);
  if (c == nullptr || !techmatch::server::IsCappedListener(*c, listener)) {
    return techmatch::server::RealAccept4()(listener, addr, addrlen, flags);
  }
  return techmatch::server::CappedAccept(*c, listener, addr, addrlen, flags);
}

extern "C" int close(int fd) {
  techmatch::server::Cap* c = techmatch::server::cap.load(std::memory_order_acquire);
  if (c != nullptr && fd >= 0 && fd < c->tracked && c->counted[fd].exchange(0) != 0) {
    techmatch::server::Uncount(*c, fd);
  }
  return techmatch::server::RealClose()(fd);
}
