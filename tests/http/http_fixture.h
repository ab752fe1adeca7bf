// A seeded techmatch server with its HTTP listener on port 0, an httplib client for it, and
// helpers for raw sockets and Connect envelopes.
#ifndef TECHMATCH_TESTS_HTTP_HTTP_FIXTURE_H_
#define TECHMATCH_TESTS_HTTP_HTTP_FIXTURE_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "httplib.h"
#include "server/http/http_listener.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {

// The messages of a Connect stream body: (flags, payload) for each envelope.
inline std::vector<std::pair<int, std::string>> Envelopes(const std::string& body) {
  std::vector<std::pair<int, std::string>> out;
  size_t at = 0;
  while (at + 5 <= body.size()) {
    const auto byte = [&](size_t i) {
      return static_cast<uint32_t>(static_cast<uint8_t>(body[i]));
    };
    const uint32_t size =
        byte(at + 1) << 24 | byte(at + 2) << 16 | byte(at + 3) << 8 | byte(at + 4);
    out.emplace_back(static_cast<int>(byte(at)), body.substr(at + 5, size));
    at += 5 + size;
  }
  EXPECT_EQ(at, body.size()) << "trailing bytes in a Connect stream body";
  return out;
}

inline std::string Envelope(const std::string& message, uint8_t flags = 0) {
  std::string out(1, static_cast<char>(flags));
  const uint32_t size = static_cast<uint32_t>(message.size());
  for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<char>((size >> shift) & 0xff));
  return out + message;
}

// A plain TCP client for what httplib will not send: malformed or partial requests, pipelining.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Reads until the server closes the connection or `timeout` passes.
  std::string ReadAll(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (ReadSome(out, deadline)) {
    }
    return out;
  }
  // Reads until `out` contains `marker`, the connection closes or `timeout` passes.
  std::string ReadUntil(const std::string& marker,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (out.find(marker) == std::string::npos && ReadSome(out, deadline)) {
    }
    return out;
  }
  // True when the server closed the connection (reading gives end of file or a reset) within
  // `timeout`, discarding whatever else arrives.
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    std::string ignored;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char buffer[65536];
      if (::recv(fd_, buffer, sizeof(buffer), 0) <= 0) return true;
    }
  }
  int fd() const { return fd_; }

 private:
  bool ReadSome(std::string& out, std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[65536];
    const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n <= 0) return false;
    out.append(buffer, n);
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
};

class HttpTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    web_root_ = dir_ + "/web";
    ASSERT_EQ(std::system(("mkdir -p '" + web_root_ + "/assets'").c_str()), 0);
    WriteFile("index.html", "<!doctype html><title>techmatch</title>");
    WriteFile("assets/app-3f9a.js", "console.log('portal');");
    server::http::HttpOptions options = Options();
    options.listen = "127.0.0.1:0";
    options.web_root = web_root_;
    absl::StatusOr<int> port = server::http::StartHttp(*server_, GrpcOptions(), options);
    ASSERT_TRUE(port.ok()) << port.status();
    http_port_ = *port;
  }

  // Overridden by tests of one limit.
  virtual server::http::HttpOptions Options() const { return {}; }
  virtual server::ServerOptions GrpcOptions() const { return {}; }

  void WriteFile(const std::string& name, const std::string& content) {
    std::ofstream(web_root_ + "/" + name, std::ios::binary) << content;
  }

  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", http_port_);
    client->set_read_timeout(20, 0);
    client->set_keep_alive(true);
    return client;
  }

  httplib::Headers Auth(const std::string& token = "") const {
    return {{"Authorization", "Bearer " + (token.empty() ? admin_token_ : token)},
            {"Connect-Protocol-Version", "1"}};
  }

  // A unary Connect JSON call; the result holds status and body.
  httplib::Result PostJson(const std::string& procedure, const std::string& json,
                           httplib::Headers headers) const {
    return Client()->Post(("/" + procedure).c_str(), headers, json, "application/json");
  }
  httplib::Result PostJson(const std::string& procedure, const std::string& json) const {
    return PostJson(procedure, json, Auth());
  }

  std::string web_root_;
  int http_port_ = 0;
};

}  // namespace techmatch::testing

#endif  // TECHMATCH_TESTS_HTTP_HTTP_FIXTURE_H_
