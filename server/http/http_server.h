// A small HTTP/1.1 server. Event threads (one per core) wait in one epoll set for new
// connections and for keep-alive connections to become readable, read what has arrived without
// waiting, and answer at once the requests the handler calls quick: those it answers without
// waiting on anything, chiefly unary Connect calls, whose responses it defers until the call
// completes on another thread. The connection then returns to the epoll set once its answer is
// written. So one event thread serves the requests of many connections in one wake-up, and a
// unary call wakes no other thread of the listener. Everything that may wait (a request not yet
// read whole, TLS, streams, files, the rest of an answer the socket would not take) goes to a
// fixed pool of workers. An idle connection holds no thread, so the connection cap can be far
// above the pool; past the cap a connection is refused at once. One more thread closes
// connections idle past the timeout.
//
// Why not Debian's cpp-httplib 0.11 (used by the tests as a client): it gives each connection a
// pool thread for its whole keep-alive life, so open connections are capped by the pool and one
// over it waits in an unbounded queue instead of being refused; its header limit is a
// compiled-in 8 KiB per line with no bound on the number of lines.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_SERVER_H_
#define TECHMATCH_SERVER_HTTP_HTTP_SERVER_H_

#include <openssl/ssl.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/http/http_connection.h"
#include "server/http/http_limits.h"
#include "server/http/http_parser.h"
#include "server/http/http_request.h"
#include "server/http/http_response.h"

namespace techmatch::server::http {

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  // Answers `request` through `response` (which closes the connection when nothing is sent).
  virtual void Handle(const HttpRequest& request, ResponseWriter& response) = 0;
  // Whether Handle answers `request` (read whole) without waiting on anything: sending only a
  // small answer, or deferring it. Such requests are answered on the event threads.
  virtual bool Quick(const HttpRequest& /*request*/) { return false; }
  // Answers a request refused before it was read whole (`request` holds what was parsed).
  virtual void Refuse(const HttpRequest& request, const HttpError& error,
                      ResponseWriter& response) = 0;
};

struct SslCtxFree {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};
using SslContext = std::unique_ptr<SSL_CTX, SslCtxFree>;

struct HttpServerOptions {
  // host:port ("[::1]:0" for IPv6); port 0 picks a free port.
  std::string listen;
  // TLS when set.
  SslContext tls;
  HttpLimits limits;
  // Sent with every response (security headers).
  HeaderList common_headers;
};

class HttpServer final : private DeferralHost {
 public:
  // Binds and starts serving; `handler` must outlive the server.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(HttpServerOptions options,
                                                           HttpHandler& handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  // Stops accepting, closes idle connections, lets each worker finish the request it is
  // answering (then closes its connection), joins the threads and waits for every deferred
  // response to be done (its call must complete). Safe to call more than once.
  void Stop();
  // Open connections now (for tests and logs).
  int OpenConnections();

 private:
  struct Conn {
    uint64_t id = 0;
    std::unique_ptr<Connection> connection;
    // Held by a worker, or waiting for a deferred response; otherwise armed in epoll, waiting
    // for its next request.
    bool busy = false;
    absl::Time last_active;
    // Handed back by a deferred response for a worker: the part of the answer still to write,
    // and whether to serve the connection on after it.
    std::string unsent;
    bool keep_after_unsent = true;
  };
  enum class Served { kClose, kKeep, kDeferred };
  // A connection for a worker: to serve from its socket, or handed back after a deferred
  // response (write what is unsent, then serve what is buffered).
  struct Work {
    uint64_t id = 0;
    bool handed_back = false;
  };

  HttpServer(HttpServerOptions options, HttpHandler& handler);
  absl::Status Bind();
  void SweepLoop();
  void Accept();
  void EventLoop();
  void WorkerLoop();
  // On an event thread: answers the request of `conn` that has arrived whole if it is quick,
  // else hands the connection to a worker.
  void ServeQuick(Conn& conn);
  void Enqueue(Work work) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool HasWorkLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stopped_ || !work_.empty();
  }
  // `conn`'s answer is done: back to epoll, or to a worker for `unsent` or buffered requests.
  void HandBackLocked(Conn& conn, std::string unsent, bool keep_alive)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ArmLocked(Conn& conn) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Serves requests of `conn` while they are already waiting: whether to keep it open, or that
  // a response was deferred (the connection is then no longer the worker's to touch).
  Served ServeConnection(Conn& conn);
  // A connection handed back by Resume: writes what is unsent, then serves on.
  Served Continue(Conn& conn);
  void Deferred(uint64_t id) override;
  void Resume(uint64_t id, std::string unsent, bool keep_alive) override;
  // Reads the body `framing` announces into `request`; an HttpError when it cannot.
  std::optional<HttpError> ReadBody(Connection& connection, const BodyFraming& framing,
                                    absl::Time deadline, HttpRequest& request);
  void Refuse(Connection& connection, const HttpRequest& request, const HttpError& error);
  void CloseLocked(Conn& conn) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  HttpServerOptions options_;
  HttpHandler& handler_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};

  absl::Mutex mu_;
  // Wakes the sweeper early when stopping.
  absl::CondVar work_ready_;
  absl::flat_hash_map<uint64_t, std::unique_ptr<Conn>> conns_ ABSL_GUARDED_BY(mu_);
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 2;
  // Connections waiting for a worker.
  std::deque<Work> work_ ABSL_GUARDED_BY(mu_);
  // Deferred responses not yet done.
  int deferred_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;

  std::thread sweeper_;
  std::vector<std::thread> event_threads_;
  std::vector<std::thread> workers_;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_SERVER_H_
