#include "server/http/http_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace techmatch::server::http {
namespace {

constexpr uint64_t kListenerId = 0;
constexpr uint64_t kWakeId = 1;
// What one event thread takes from epoll per wait.
constexpr int kEventsPerWait = 64;
// How often idle connections are checked against the idle timeout.
constexpr int kSweepIntervalMs = 100;
// Told to a connection past the cap (plaintext only: under TLS there is no session to say it in).
constexpr absl::string_view kTooManyConnections =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    "Retry-After: 1\r\nConnection: close\r\nContent-Length: 21\r\n\r\ntoo many connections\n";

absl::StatusOr<std::pair<std::string, std::string>> SplitHostPort(absl::string_view listen) {
  const size_t colon = listen.rfind(':');
  if (colon == absl::string_view::npos || colon == 0 || colon + 1 == listen.size()) {
    return absl::InvalidArgumentError(absl::StrCat("--http_listen must be HOST:PORT: ", listen));
  }
  absl::string_view host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = 0;
  if (!absl::SimpleAtoi(listen.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("bad port in --http_listen: ", listen));
  }
  return std::pair{std::string(host), std::string(listen.substr(colon + 1))};
}

// Reads and drops what the client still sends (up to a bound) after the write side is shut, so
// that closing a connection with unread input does not reset it before the client has read the
// refusal.
void DrainBeforeClose(Connection& connection) {
  ::shutdown(connection.fd(), SHUT_WR);
  const absl::Time deadline = absl::Now() + absl::Seconds(1);
  size_t drained = 0;
  while (drained < (16u << 20)) {
    connection.input.clear();
    if (connection.Read(deadline) != Connection::ReadResult::kData) break;
    drained += connection.input.size();
  }
}

// The cores this process may run on (taskset, cgroups' cpusets), not the machine's.
int UsableCores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(HttpServerOptions options,
                                                              HttpHandler& handler) {
  if (absl::Status valid = ValidateHttpLimits(options.limits); !valid.ok()) return valid;
  std::unique_ptr<HttpServer> server(new HttpServer(std::move(options), handler));
  if (absl::Status bound = server->Bind(); !bound.ok()) return bound;
  server->sweeper_ = std::thread([s = server.get()] { s->SweepLoop(); });
  for (int i = 0; i < UsableCores(); ++i) {
    server->event_threads_.emplace_back([s = server.get()] { s->EventLoop(); });
  }
  for (int i = 0; i < server->options_.limits.threads; ++i) {
    server->workers_.emplace_back([s = server.get()] { s->WorkerLoop(); });
  }
  return server;
}

HttpServer::HttpServer(HttpServerOptions options, HttpHandler& handler)
    : options_(std::move(options)), handler_(handler) {}

HttpServer::~HttpServer() {
  Stop();
  for (int fd : {listen_fd_, epoll_fd_, wake_fd_}) {
    if (fd >= 0) ::close(fd);
  }
}

absl::Status HttpServer::Bind() {
  auto host_port = SplitHostPort(options_.listen);
  if (!host_port.ok()) return host_port.status();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int error =
          ::getaddrinfo(host_port->first.c_str(), host_port->second.c_str(), &hints, &found);
      error != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot resolve ", options_.listen, ": ", gai_strerror(error)));
  }
  std::string last_error = "no address";
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) continue;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0) {
      listen_fd_ = fd;
      break;
    }
    last_error = std::strerror(errno);
    ::close(fd);
  }
  ::freeaddrinfo(found);
  if (listen_fd_ < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options_.listen, ": ", last_error));
  }
  sockaddr_storage bound{};
  socklen_t length = sizeof(bound);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &length);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_fd_ < 0 || wake_fd_ < 0) return absl::InternalError("cannot create epoll/eventfd");
  epoll_event listener{};
  listener.events = EPOLLIN | EPOLLONESHOT;
  listener.data.u64 = kListenerId;
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.u64 = kWakeId;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &listener) != 0 ||
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake) != 0) {
    return absl::InternalError("cannot watch the listening socket");
  }
  return absl::OkStatus();
}

void HttpServer::SweepLoop() {
  absl::MutexLock lock(&mu_);
  while (!stopped_) {
    work_ready_.WaitWithTimeout(&mu_, absl::Milliseconds(kSweepIntervalMs));
    if (stopped_) break;
    const absl::Time cutoff = absl::Now() - absl::Milliseconds(options_.limits.idle_timeout_ms);
    std::vector<Conn*> expired;
    for (const auto& [id, conn] : conns_) {
      if (!conn->busy && conn->last_active < cutoff) expired.push_back(conn.get());
    }
    for (Conn* conn : expired) CloseLocked(*conn);
  }
}

void HttpServer::Accept() {
  while (true) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: leave the connection in the backlog for a moment instead of
        // spinning on a listener that stays readable.
        spdlog::warn("http: accept failed: {}", std::strerror(errno));
        ::usleep(10'000);
      }
      break;
    }
    absl::MutexLock lock(&mu_);
    if (static_cast<int>(conns_.size()) >= options_.limits.max_connections) {
      if (!options_.tls) {
        ::send(fd, kTooManyConnections.data(), kTooManyConnections.size(),
               MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(fd, SHUT_WR);
        char discard[4096];
        while (::recv(fd, discard, sizeof(discard), MSG_DONTWAIT) > 0) {
        }
      }
      ::close(fd);
      continue;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    auto conn = std::make_unique<Conn>();
    conn->id = next_id_++;
    conn->connection = std::make_unique<Connection>(fd, options_.tls.get());
    conn->last_active = absl::Now();
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    event.data.u64 = conn->id;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) continue;  // closes fd
    conns_.emplace(conn->id, std::move(conn));
  }
  // The listener is one-shot too, so that one worker at a time accepts.
  epoll_event listener{};
  listener.events = EPOLLIN | EPOLLONESHOT;
  listener.data.u64 = kListenerId;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &listener);
}

void HttpServer::CloseLocked(Conn& conn) {
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, conn.connection->fd(), nullptr);
  conns_.erase(conn.id);
}

void HttpServer::EventLoop() {
  epoll_event events[kEventsPerWait];
  while (true) {
    const int n = ::epoll_wait(epoll_fd_, events, kEventsPerWait, -1);
    for (int i = 0; i < n; ++i) {
      const uint64_t id = events[i].data.u64;
      if (id == kWakeId) return;  // Stop(): the eventfd stays readable, so every thread sees it
      if (id == kListenerId) {
        Accept();
        continue;
      }
      Conn* conn = nullptr;
      {
        absl::MutexLock lock(&mu_);
        if (stopped_) return;
        const auto it = conns_.find(id);
        if (it == conns_.end()) continue;  // closed by the sweeper as the event came
        conn = it->second.get();
        conn->busy = true;
      }
      ServeQuick(*conn);
    }
  }
}

void HttpServer::ServeQuick(Conn& conn) {
  Connection& connection = *conn.connection;
  const HttpLimits& limits = options_.limits;
  const auto to_worker = [&] {
    absl::MutexLock lock(&mu_);
    Enqueue(Work{conn.id, false});
  };
  // TLS needs its handshake and whole records, and a stopping server answers its last requests
  // with "Connection: close": both are the workers'.
  if (connection.tls() || stopping_.load(std::memory_order_acquire)) {
    to_worker();
    return;
  }
  switch (connection.ReadNow()) {
    case Connection::ReadResult::kData:
      break;
    case Connection::ReadResult::kTimeout: {  // nothing after all: wait in epoll again
      absl::MutexLock lock(&mu_);
      ArmLocked(conn);
      return;
    }
    default:  // closed or broken: a worker sees it too, and closes the connection
      to_worker();
      return;
  }
  HttpRequest request;
  const HeadResult parsed = ParseRequestHead(connection.input, limits.max_header_bytes, request);
  // Anything but a whole request with a plain body (no chunks, no 100-continue) within the
  // limits is read, or refused, by a worker, which parses it again.
  if (!parsed.head) {
    to_worker();
    return;
  }
  const BodyFraming& framing = parsed.head->framing;
  const size_t length = framing.content_length;
  if (framing.chunked || framing.expect_continue ||
      length > static_cast<size_t>(limits.max_body_bytes) ||
      connection.input.size() - parsed.head->size < length || !handler_.Quick(request)) {
    to_worker();
    return;
  }
  request.body.assign(connection.input, parsed.head->size, length);
  connection.input.erase(0, parsed.head->size + length);

  std::string unsent;
  ResponseWriter response(connection, request, options_.common_headers,
                          absl::Milliseconds(limits.write_timeout_ms));
  response.AllowDefer(this, conn.id);
  // This thread waits on no client: what the socket does not take now goes to a worker.
  response.WriteWithoutWaiting(&unsent);
  handler_.Handle(request, response);
  // The deferred response may already be done on another thread: touch nothing of `conn`.
  if (response.deferred()) return;
  if (!response.started()) {
    response.CloseAfter();
    response.Send(500, {{"Content-Type", "text/plain; charset=utf-8"}}, "no response\n");
  }
  absl::MutexLock lock(&mu_);
  HandBackLocked(conn, response.failed() ? std::string() : std::move(unsent),
                 response.keep_alive());
}

void HttpServer::Enqueue(Work work) { work_.push_back(work); }

void HttpServer::WorkerLoop() {
  while (true) {
    Conn* conn = nullptr;
    Work work;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(this, &HttpServer::HasWorkLocked));
      if (stopped_) return;
      work = work_.front();
      work_.pop_front();
      const auto it = conns_.find(work.id);
      if (it == conns_.end()) continue;
      conn = it->second.get();
      conn->busy = true;
    }
    const Served served = work.handed_back ? Continue(*conn) : ServeConnection(*conn);
    if (served == Served::kDeferred) continue;  // Resume hands it back
    absl::MutexLock lock(&mu_);
    if (served == Served::kKeep && !stopped_) {
      ArmLocked(*conn);
    } else {
      CloseLocked(*conn);
    }
  }
}

void HttpServer::ArmLocked(Conn& conn) {
  conn.busy = false;
  conn.last_active = absl::Now();
  epoll_event rearm{};
  rearm.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  rearm.data.u64 = conn.id;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, conn.connection->fd(), &rearm) != 0) {
    CloseLocked(conn);
  }
}

HttpServer::Served HttpServer::Continue(Conn& conn) {
  bool keep = conn.keep_after_unsent;
  if (!conn.unsent.empty()) {
    keep = conn.connection->Write(
               conn.unsent, absl::Now() + absl::Milliseconds(options_.limits.write_timeout_ms)) &&
           keep;
    conn.unsent.clear();
  }
  conn.keep_after_unsent = true;
  if (!keep) return Served::kClose;
  if (!conn.connection->HasBufferedInput()) return Served::kKeep;
  return ServeConnection(conn);
}

void HttpServer::Deferred(uint64_t /*id*/) {
  absl::MutexLock lock(&mu_);
  ++deferred_;
}

void HttpServer::Resume(uint64_t id, std::string unsent, bool keep_alive) {
  absl::MutexLock lock(&mu_);
  --deferred_;
  const auto it = conns_.find(id);
  if (it == conns_.end()) return;
  HandBackLocked(*it->second, std::move(unsent), keep_alive);
}

void HttpServer::HandBackLocked(Conn& conn, std::string unsent, bool keep_alive) {
  if (stopped_ || (!keep_alive && unsent.empty())) {
    CloseLocked(conn);
    return;
  }
  if (unsent.empty() && !conn.connection->HasBufferedInput()) {
    // The common case: the whole answer is written and nothing else has arrived yet.
    ArmLocked(conn);
    return;
  }
  // A worker finishes the answer (the answering thread must not wait on one slow client) or
  // serves the requests that are already waiting.
  conn.unsent = std::move(unsent);
  conn.keep_after_unsent = keep_alive;
  Enqueue(Work{conn.id, true});
}

HttpServer::Served HttpServer::ServeConnection(Conn& conn) {
  Connection& connection = *conn.connection;
  const HttpLimits& limits = options_.limits;
  if (!connection.Handshake(absl::Now() + absl::Milliseconds(limits.read_timeout_ms))) {
    return Served::kClose;
  }
  while (true) {
    HttpRequest request;
    request.tls = connection.tls();
    // The read timeout runs from the request's first byte: an idle connection waits in epoll.
    const absl::Time deadline = absl::Now() + absl::Milliseconds(limits.read_timeout_ms);
    std::optional<ParsedHead> head;
    while (!head) {
      if (!connection.input.empty()) {
        HeadResult parsed = ParseRequestHead(connection.input, limits.max_header_bytes, request);
        if (parsed.error) {
          Refuse(connection, request, *parsed.error);
          return Served::kClose;
        }
        if (parsed.head) {
          head = parsed.head;
          break;
        }
      }
      const Connection::ReadResult read = connection.Read(deadline);
      if (read == Connection::ReadResult::kData) continue;
      if (read == Connection::ReadResult::kTimeout && !connection.input.empty()) {
        Refuse(connection, request, HttpError{408, "the request did not arrive in time"});
      }
      return Served::kClose;
    }
    connection.input.erase(0, head->size);
    if (std::optional<HttpError> error = ReadBody(connection, head->framing, deadline, request)) {
      Refuse(connection, request, *error);
      return Served::kClose;
    }
    ResponseWriter response(connection, request, options_.common_headers,
                            absl::Milliseconds(limits.write_timeout_ms));
    if (stopping_.load(std::memory_order_acquire)) {
      response.CloseAfter();
    } else {
      response.AllowDefer(this, conn.id);
    }
    handler_.Handle(request, response);
    // The deferred response may already be done on another thread: touch nothing of `conn`.
    if (response.deferred()) return Served::kDeferred;
    if (!response.started()) {
      response.CloseAfter();
      response.Send(500, {{"Content-Type", "text/plain; charset=utf-8"}}, "no response\n");
    }
    if (!response.keep_alive()) return Served::kClose;
    if (!connection.HasBufferedInput()) return Served::kKeep;
  }
}

std::optional<HttpError> HttpServer::ReadBody(Connection& connection, const BodyFraming& framing,
                                              absl::Time deadline, HttpRequest& request) {
  const size_t max_body = options_.limits.max_body_bytes;
  if (!framing.chunked && framing.content_length == 0) return std::nullopt;
  if (!framing.chunked && framing.content_length > max_body) {
    return HttpError{413, absl::StrCat("the request body of ", framing.content_length,
                                       " bytes exceeds the limit of ", max_body, " bytes")};
  }
  if (framing.expect_continue && connection.input.empty() &&
      !connection.Write("HTTP/1.1 100 Continue\r\n\r\n",
                        absl::Now() + absl::Milliseconds(options_.limits.write_timeout_ms))) {
    return HttpError{400, "cannot write 100 Continue"};
  }
  const auto read_more = [&]() -> std::optional<HttpError> {
    switch (connection.Read(deadline)) {
      case Connection::ReadResult::kData:
        return std::nullopt;
      case Connection::ReadResult::kTimeout:
        return HttpError{408, "the request body did not arrive in time"};
      default:
        return HttpError{400, "the connection ended inside the request body"};
    }
  };
  if (framing.chunked) {
    ChunkedDecoder decoder(max_body);
    while (true) {
      size_t consumed = 0;
      const ChunkedDecoder::Result result = decoder.Feed(connection.input, consumed, request.body);
      connection.input.erase(0, consumed);
      switch (result) {
        case ChunkedDecoder::Result::kDone:
          return std::nullopt;
        case ChunkedDecoder::Result::kTooLarge:
          return HttpError{
              413, absl::StrCat("the request body exceeds the limit of ", max_body, " bytes")};
        case ChunkedDecoder::Result::kMalformed:
          return HttpError{400, "malformed chunked body"};
        case ChunkedDecoder::Result::kNeedMore:
          break;
      }
      if (std::optional<HttpError> error = read_more()) return error;
    }
  }
  const size_t length = framing.content_length;
  while (connection.input.size() < length) {
    if (std::optional<HttpError> error = read_more()) return error;
  }
  if (connection.input.size() == length) {
    request.body = std::move(connection.input);
    connection.input.clear();
  } else {
    request.body.assign(connection.input, 0, length);
    connection.input.erase(0, length);
  }
  return std::nullopt;
}

void HttpServer::Refuse(Connection& connection, const HttpRequest& request,
                        const HttpError& error) {
  ResponseWriter response(connection, request, options_.common_headers,
                          absl::Milliseconds(options_.limits.write_timeout_ms));
  response.CloseAfter();
  handler_.Refuse(request, error, response);
  if (!response.started()) {
    response.Send(error.status, {{"Content-Type", "text/plain; charset=utf-8"}},
                  error.message + "\n");
  }
  DrainBeforeClose(connection);
}

void HttpServer::Stop() {
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
    stopped_ = true;
    stopping_.store(true, std::memory_order_release);
    work_ready_.SignalAll();
  }
  // Wakes every event thread waiting in epoll (and every worker, through stopped_); a thread
  // answering a request finishes it first.
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t ignored = ::write(wake_fd_, &one, sizeof(one));
  if (sweeper_.joinable()) sweeper_.join();
  for (std::thread& thread : event_threads_) {
    if (thread.joinable()) thread.join();
  }
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  absl::MutexLock lock(&mu_);
  // A deferred response writes to its connection until it is done; its call ends at the latest
  // when gRPC's shutdown cancels it.
  mu_.Await(absl::Condition(
      +[](int* deferred) { return *deferred == 0; }, &deferred_));
  conns_.clear();
}

int HttpServer::OpenConnections() {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(conns_.size());
}

}  // namespace techmatch::server::http
