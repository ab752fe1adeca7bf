#include "server/http/http_connection.h"

#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "absl/time/clock.h"

namespace techmatch::server::http {
namespace {

// Read into the stack and append, rather than growing `input` first: a resize would zero the
// whole chunk on every read.
constexpr size_t kReadChunk = 16 * 1024;

}  // namespace

Connection::Connection(int fd, SSL_CTX* tls) : fd_(fd) {
  if (tls != nullptr) {
    ssl_ = SSL_new(tls);
    if (ssl_ == nullptr || SSL_set_fd(ssl_, fd_) != 1) broken_ = true;
  }
}

Connection::~Connection() {
  if (ssl_ != nullptr) {
    // A quiet shutdown: no close_notify round trip with a client that may be gone.
    SSL_set_quiet_shutdown(ssl_, 1);
    SSL_free(ssl_);
  }
  ::close(fd_);
}

bool Connection::WaitFor(short events, absl::Time deadline) const {
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return false;
    pollfd p{fd_, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool Connection::Handshake(absl::Time deadline) {
  if (broken_) return false;
  if (ssl_ == nullptr) return true;
  while (!handshaken_) {
    ERR_clear_error();
    const int result = SSL_accept(ssl_);
    if (result == 1) {
      handshaken_ = true;
      break;
    }
    const int error = SSL_get_error(ssl_, result);
    if (error == SSL_ERROR_WANT_READ) {
      if (!WaitFor(POLLIN, deadline)) return false;
    } else if (error == SSL_ERROR_WANT_WRITE) {
      if (!WaitFor(POLLOUT, deadline)) return false;
    } else {
      return false;
    }
  }
  return true;
}

Connection::ReadResult Connection::Read(absl::Time deadline) {
  char buffer[kReadChunk];
  while (true) {
    if (ssl_ != nullptr) {
      ERR_clear_error();
      const int n = SSL_read(ssl_, buffer, kReadChunk);
      if (n > 0) {
        input.append(buffer, n);
        return ReadResult::kData;
      }
      const int error = SSL_get_error(ssl_, n);
      if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        if (!WaitFor(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline)) {
          return ReadResult::kTimeout;
        }
        continue;
      }
      return error == SSL_ERROR_ZERO_RETURN ? ReadResult::kClosed : ReadResult::kError;
    }
    const ssize_t n = ::recv(fd_, buffer, kReadChunk, 0);
    if (n > 0) {
      input.append(buffer, n);
      return ReadResult::kData;
    }
    if (n == 0) return ReadResult::kClosed;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (!WaitFor(POLLIN, deadline)) return ReadResult::kTimeout;
      continue;
    }
    return ReadResult::kError;
  }
}

bool Connection::Write(absl::string_view data, absl::Time deadline) {
  while (!data.empty()) {
    if (ssl_ != nullptr) {
      ERR_clear_error();
      const int n = SSL_write(ssl_, data.data(), static_cast<int>(data.size()));
      if (n > 0) {
        data.remove_prefix(n);
        continue;
      }
      const int error = SSL_get_error(ssl_, n);
      if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        if (!WaitFor(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline)) return false;
        continue;
      }
      return false;
    }
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitFor(POLLOUT, deadline)) return false;
      continue;
    }
    return false;
  }
  return true;
}

Connection::ReadResult Connection::ReadNow() {
  char buffer[kReadChunk];
  while (true) {
    const ssize_t n = ::recv(fd_, buffer, kReadChunk, MSG_DONTWAIT);
    if (n > 0) {
      input.append(buffer, n);
      return ReadResult::kData;
    }
    if (n == 0) return ReadResult::kClosed;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? ReadResult::kTimeout : ReadResult::kError;
  }
}

int64_t Connection::TryWrite(absl::string_view data) {
  if (ssl_ != nullptr) return 0;
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::send(fd_, data.data() + written, data.size() - written, MSG_NOSIGNAL);
    if (n > 0) {
      written += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    return -1;
  }
  return static_cast<int64_t>(written);
}

bool Connection::PeerGone() const {
  pollfd p{fd_, POLLRDHUP, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

bool Connection::HasBufferedInput() const {
  return !input.empty() || (ssl_ != nullptr && SSL_pending(ssl_) > 0);
}

}  // namespace techmatch::server::http
