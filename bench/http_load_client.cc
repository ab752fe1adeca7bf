// Closed-loop HTTP load for the Connect bridge: NeedService.GetNeed of seeded needs over
// keep-alive HTTP/1.1 connections, in Connect JSON or binary (application/proto), so that a run
// can be set beside load_client's native gRPC figure on the same server.
//
// One thread drives every connection with epoll: each connection has one call in flight at a
// time (HTTP/1.1 without pipelining), so --connections is the number of calls outstanding, as
// load_client's --outstanding. Needs are asked for in the same scattered order as load_client.
//
// Prints one line: RESULT scenario=get_json|get_proto mode=closed qps=... p50_us= p90_us=
// p99_us= p999_us= calls= errors= completed= (completed: every successful call, warm-up
// included, to divide a server's CPU time by).
//
//   http_load_client --target=127.0.0.1:PORT --codec=json --connections=32 --seconds=5
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "bench/histogram.h"
#include "techmatch/v1/need.pb.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string target;
  std::string codec = "json";
  int connections = 32;
  double seconds = 5;
  double warmup = 1;
  int needs = 10000;
  std::string token;
};

// The same spread as load_client's, so both ask for the same needs in the same order.
uint64_t Scatter(uint64_t n) { return (n * 0x9E3779B97F4A7C15ull) >> 16; }

struct Conn {
  int fd = -1;
  std::string out;
  size_t written = 0;
  std::string in;
  Clock::time_point sent;
};

class Driver {
 public:
  explicit Driver(const Options& options) : options_(options) {
    const size_t colon = options.target.rfind(':');
    host_ = options.target.substr(0, colon);
    absl::SimpleAtoi(options.target.substr(colon + 1), &port_);
    head_ =
        absl::StrCat("POST /techmatch.v1.NeedService/GetNeed HTTP/1.1\r\nHost: ", host_,
                     "\r\nContent-Type: application/", options.codec == "json" ? "json" : "proto",
                     "\r\nConnect-Protocol-Version: 1\r\n");
    if (!options.token.empty())
      absl::StrAppend(&head_, "Authorization: Bearer ", options.token, "\r\n");
  }

  bool Connect(Conn& conn) {
    conn.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    if (::inet_pton(AF_INET, host_.c_str(), &address.sin_addr) != 1) return false;
    const int one = 1;
    ::setsockopt(conn.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    const int rc = ::connect(conn.fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    return rc == 0 || errno == EINPROGRESS;
  }

  void Start(Conn& conn) {
    const uint64_t n = next_++;
    const std::string name = absl::StrCat("needs/n", Scatter(n) % options_.needs);
    std::string body;
    if (options_.codec == "json") {
      body = absl::StrCat("{\"name\":\"", name, "\"}");
    } else {
      v1::GetNeedRequest request;
      request.set_name(name);
      body = request.SerializeAsString();
    }
    conn.out = absl::StrCat(head_, "Content-Length: ", body.size(), "\r\n\r\n", body);
    conn.written = 0;
    conn.in.clear();
    conn.sent = Clock::now();
    Flush(conn);
  }

  void Flush(Conn& conn) {
    while (conn.written < conn.out.size()) {
      const ssize_t n = ::send(conn.fd, conn.out.data() + conn.written,
                               conn.out.size() - conn.written, MSG_NOSIGNAL);
      if (n <= 0) return;  // EAGAIN: EPOLLOUT finishes it
      conn.written += static_cast<size_t>(n);
    }
  }

  // Reads what is there; true when a whole response has arrived (then `status` is set).
  bool Receive(Conn& conn, int& status, bool& broken) {
    char buffer[16384];
    while (true) {
      const ssize_t n = ::recv(conn.fd, buffer, sizeof(buffer), 0);
      if (n > 0) {
        conn.in.append(buffer, n);
        continue;
      }
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) broken = true;
      break;
    }
    const size_t head_end = conn.in.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    const size_t length_at = conn.in.find("Content-Length: ");
    if (length_at == std::string::npos || length_at > head_end) {
      broken = true;
      return false;
    }
    size_t length = 0;
    absl::SimpleAtoi(
        conn.in.substr(length_at + 16, conn.in.find("\r\n", length_at) - length_at - 16), &length);
    if (conn.in.size() < head_end + 4 + length) return false;
    absl::SimpleAtoi(conn.in.substr(9, 3), &status);
    return true;
  }

  int Run() {
    const int epoll = ::epoll_create1(0);
    std::vector<Conn> conns(options_.connections);
    for (size_t i = 0; i < conns.size(); ++i) {
      if (!Connect(conns[i])) {
        std::fprintf(stderr, "cannot connect to %s\n", options_.target.c_str());
        return 2;
      }
      epoll_event event{};
      event.events = EPOLLIN | EPOLLOUT | EPOLLET;
      event.data.u64 = i;
      ::epoll_ctl(epoll, EPOLL_CTL_ADD, conns[i].fd, &event);
      Start(conns[i]);
    }
    const Clock::time_point begin = Clock::now();
    const Clock::time_point measure_from =
        begin +
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options_.warmup));
    const Clock::time_point end =
        measure_from + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(options_.seconds));
    Histogram latency;
    uint64_t errors = 0, completed = 0;
    std::string first_error;
    epoll_event events[256];
    while (Clock::now() < end) {
      const int n = ::epoll_wait(epoll, events, 256, 100);
      for (int i = 0; i < n; ++i) {
        Conn& conn = conns[events[i].data.u64];
        if (events[i].events & EPOLLOUT) Flush(conn);
        int status = 0;
        bool broken = false;
        if (!Receive(conn, status, broken)) {
          if (broken) {
            std::fprintf(stderr, "connection closed by the server\n");
            return 1;
          }
          continue;
        }
        const Clock::time_point now = Clock::now();
        if (status == 200) {
          ++completed;
          if (now >= measure_from && now < end) latency.Record((now - conn.sent).count());
        } else if (now >= measure_from) {
          if (first_error.empty()) first_error = conn.in.substr(0, 300);
          ++errors;
        }
        Start(conn);
      }
    }
    for (Conn& conn : conns) ::close(conn.fd);
    ::close(epoll);
    auto us = [&](double q) { return latency.Quantile(q) / 1000.0; };
    std::printf(
        "RESULT scenario=get_%s mode=closed qps=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f "
        "p999_us=%.1f calls=%llu errors=%llu completed=%llu\n",
        options_.codec.c_str(), latency.count() / options_.seconds, us(0.5), us(0.9), us(0.99),
        us(0.999), static_cast<unsigned long long>(latency.count()),
        static_cast<unsigned long long>(errors), static_cast<unsigned long long>(completed));
    if (errors > 0) std::fprintf(stderr, "first error: %s\n", first_error.c_str());
    return errors > 0 ? 1 : 0;
  }

 private:
  const Options& options_;
  std::string host_;
  int port_ = 0;
  std::string head_;
  uint64_t next_ = 0;
};

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  techmatch::bench::Options options;
  CLI::App app{"http_load_client: closed-loop GetNeed over the Connect protocol"};
  app.add_option("--target", options.target, "127.0.0.1:PORT of the HTTP listener")->required();
  app.add_option("--codec", options.codec, "json | proto")
      ->check(CLI::IsMember({"json", "proto"}))
      ->capture_default_str();
  app.add_option("--connections", options.connections,
                 "keep-alive connections, one call in flight on each")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--seconds", options.seconds, "measured seconds")->capture_default_str();
  app.add_option("--warmup", options.warmup, "seconds before measuring")->capture_default_str();
  app.add_option("--needs", options.needs, "seeded needs n0..n<needs-1>")->capture_default_str();
  app.add_option("--token", options.token, "bearer token for the Authorization header");
  CLI11_PARSE(app, argc, argv);
  techmatch::bench::Driver driver(options);
  return driver.Run();
}
