// The flood test's attacker: opens COUNT idle TCP connections to 127.0.0.1:PORT from the
// loopback address SOURCE, says nothing on them, holds them HOLD_MS and closes them. Prints
// how many connected, how many the server had closed by then (refused at the cap, or timed
// out in the handshake) and how many were still open:
//   connected=N closed_by_server=N still_open=N
//
// usage: flood_client PORT SOURCE COUNT HOLD_MS
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

// True when the server closed `fd` (EOF or reset, after whatever it sent: its HTTP/2 settings,
// a GOAWAY); false while it is open.
bool ClosedByPeer(int fd) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n > 0) continue;
    return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: flood_client PORT SOURCE COUNT HOLD_MS\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const char* source = argv[2];
  const int count = std::atoi(argv[3]);
  const int hold_ms = std::atoi(argv[4]);
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);

  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);

  std::vector<int> fds;
  int connected = 0;
  for (int i = 0; i < count; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      std::perror("socket");
      break;
    }
    if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof(from)) != 0 ||
        connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
      close(fd);
      continue;
    }
    ++connected;
    fds.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms));
  int closed = 0;
  for (int fd : fds) closed += ClosedByPeer(fd) ? 1 : 0;
  for (int fd : fds) close(fd);
  std::printf("connected=%d closed_by_server=%d still_open=%d\n", connected, closed,
              connected - closed);
  return 0;
}
