// One client connection: a non-blocking socket, TLS over it when configured, and the bytes
// read but not yet parsed. Every read and write waits at most until a deadline.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_CONNECTION_H_
#define TECHMATCH_SERVER_HTTP_HTTP_CONNECTION_H_

#include <openssl/ssl.h>

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace techmatch::server::http {

class Connection {
 public:
  // Takes `fd` (non-blocking); `tls` non-null makes it a TLS server connection of that context.
  Connection(int fd, SSL_CTX* tls);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd() const { return fd_; }
  bool tls() const { return ssl_ != nullptr; }

  // The TLS handshake (a no-op in plaintext); false on failure or when `deadline` passes.
  bool Handshake(absl::Time deadline);

  enum class ReadResult { kData, kClosed, kTimeout, kError };
  // Appends what arrives (at least one byte) to `input`.
  ReadResult Read(absl::Time deadline);
  // Appends what has arrived, without waiting: kData, kTimeout when nothing has (plaintext only).
  ReadResult ReadNow();
  // Writes all of `data`; false when the client is gone or takes none of it until `deadline`.
  bool Write(absl::string_view data, absl::Time deadline);
  // Writes what the socket takes of `data` now, without waiting: the bytes written (0 under TLS,
  // whose records cannot be split here), or -1 when the client is gone.
  int64_t TryWrite(absl::string_view data);
  // Bytes already received (in `input` or inside TLS) that no one has read.
  bool HasBufferedInput() const;
  // The client has closed its side or the connection is broken (checked without waiting).
  bool PeerGone() const;

  // Received and not yet parsed.
  std::string input;

 private:
  // Waits until the socket is readable (`events` POLLIN) or writable (POLLOUT).
  bool WaitFor(short events, absl::Time deadline) const;

  int fd_;
  SSL* ssl_ = nullptr;
  // TLS was asked for and the session could not be made: every handshake fails.
  bool broken_ = false;
  bool handshaken_ = false;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_CONNECTION_H_
