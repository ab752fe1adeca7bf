// Each limit of the HTTP listener, with what a client sees when it reaches it.
#include <thread>

#include "absl/strings/str_cat.h"
#include "tests/http/http_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kHealthRequest[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

class ConnectionCapTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.max_connections = 2;
    return options;
  }
};

TEST_F(ConnectionCapTest, AConnectionPastTheCapIsAnswered503AndClosed) {
  RawClient first(http_port_);
  RawClient second(http_port_);
  // Both are served (and stay open, idle, holding no thread).
  ASSERT_TRUE(first.Send(kHealthRequest));
  EXPECT_THAT(first.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
  ASSERT_TRUE(second.Send(kHealthRequest));
  EXPECT_THAT(second.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
  RawClient third(http_port_);
  const std::string answer = third.ReadAll();
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 503"));
  EXPECT_THAT(answer, HasSubstr("too many connections"));
  // Once one closes, a new connection is served.
  first.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  first.ReadAll();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  RawClient fourth(http_port_);
  ASSERT_TRUE(fourth.Send(kHealthRequest));
  EXPECT_THAT(fourth.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
}

class IdleTimeoutTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.idle_timeout_ms = 500;
    return options;
  }
};

TEST_F(IdleTimeoutTest, AnIdleKeepAliveConnectionIsClosed) {
  RawClient client(http_port_);
  ASSERT_TRUE(client.Send(kHealthRequest));
  EXPECT_THAT(client.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
  // Kept open between requests...
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_TRUE(client.Send(kHealthRequest));
  EXPECT_THAT(client.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
  // ... and closed once idle past the timeout.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.ClosedWithin(std::chrono::seconds(3)));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(400));
  // A connection that never sends a request is closed likewise.
  RawClient silent(http_port_);
  EXPECT_TRUE(silent.ClosedWithin(std::chrono::seconds(3)));
}

class ReadTimeoutTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.read_timeout_ms = 500;
    options.limits.threads = 2;
    options.limits.max_streams = 1;
    return options;
  }
};

TEST_F(ReadTimeoutTest, ARequestThatStallsGets408) {
  RawClient client(http_port_);
  ASSERT_TRUE(
      client.Send("POST /techmatch.v1.NeedService/GetNeed HTTP/1.1\r\nHost: x\r\n"
                  "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = client.ReadAll();
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 408"));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(400));
}

// The pool is fixed: with both workers held, a third request that needs one (a file) waits for
// one instead of getting a thread of its own; a health check, answered without waiting on
// anything, is answered at once by an event thread.
TEST_F(ReadTimeoutTest, RequestsBeyondThePoolWaitForAWorker) {
  RawClient stall_a(http_port_);
  RawClient stall_b(http_port_);
  ASSERT_TRUE(stall_a.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // head never ends
  ASSERT_TRUE(stall_b.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  RawClient health(http_port_);
  ASSERT_TRUE(health.Send(kHealthRequest));
  EXPECT_THAT(health.ReadUntil("ok\n"), StartsWith("HTTP/1.1 200"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
  RawClient client(http_port_);
  ASSERT_TRUE(client.Send("GET /assets/app-3f9a.js HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_THAT(client.ReadUntil("console.log"), StartsWith("HTTP/1.1 200"));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
}

class WriteTimeoutTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.write_timeout_ms = 500;
    return options;
  }
};

TEST_F(WriteTimeoutTest, AClientThatStopsReadingIsDisconnected) {
  // Larger than what the socket buffers of both ends can hold.
  const std::string big(64 << 20, 'x');
  WriteFile("big.txt", big);
  RawClient client(http_port_);
  ASSERT_TRUE(client.Send("GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const std::string received = client.ReadAll(std::chrono::seconds(10));
  EXPECT_THAT(received, StartsWith("HTTP/1.1 200"));
  EXPECT_LT(received.size(), big.size());  // cut off, and the connection closed
  // The server goes on serving.
  EXPECT_EQ(Client()->Get("/healthz")->status, 200);
}

class HeaderLimitTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.max_header_bytes = 2048;
    return options;
  }
};

TEST_F(HeaderLimitTest, HeadersPastTheLimitGet431) {
  const auto fits = Client()->Get("/healthz", {{"X-Pad", std::string(1500, 'a')}});
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->status, 200);
  RawClient client(http_port_);
  // Many small headers count together.
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 200; ++i) absl::StrAppend(&request, "X-H", i, ": v\r\n");
  ASSERT_TRUE(client.Send(request + "\r\n"));
  EXPECT_THAT(client.ReadAll(), StartsWith("HTTP/1.1 431"));
}

class BodyLimitTest : public HttpTest {
  server::ServerOptions GrpcOptions() const override {
    server::ServerOptions options;
    options.limits.max_receive_message_bytes = 64 * 1024;
    return options;
  }
};

TEST_F(BodyLimitTest, ABodyPastTheReceiveLimitIsResourceExhausted) {
  const std::string within = R"({"name": "needs/)" + std::string(60 * 1024, 'a') + R"("})";
  const auto fits = PostJson("techmatch.v1.NeedService/GetNeed", within);
  ASSERT_TRUE(fits);
  EXPECT_NE(fits->status, 429);
  const std::string over = R"({"name": "needs/)" + std::string(70 * 1024, 'a') + R"("})";
  const auto refused = PostJson("techmatch.v1.NeedService/GetNeed", over);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_THAT(refused->body, HasSubstr("\"code\":\"resource_exhausted\""));
  EXPECT_THAT(refused->body, HasSubstr("65536"));
  // Chunked bodies are counted as they arrive.
  RawClient client(http_port_);
  std::string chunked =
      "POST /techmatch.v1.NeedService/GetNeed HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "1000\r\n" + std::string(4096, ' ') + "\r\n";
  client.Send(chunked);
  EXPECT_THAT(client.ReadAll(), StartsWith("HTTP/1.1 429"));
}

class StreamLimitTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    options.limits.threads = 3;
    options.limits.max_streams = 1;
    return options;
  }
};

TEST_F(StreamLimitTest, StreamsPastTheLimitAreResourceExhaustedWhileUnaryCallsGoOn) {
  CreateNeed(SampleNeed(), "pit");
  httplib::Headers headers = Auth();
  headers.emplace("Connect-Timeout-Ms", "1500");
  std::thread watcher([&] {
    Client()->Post("/techmatch.v1.MatchService/WatchMatches", headers,
                   Envelope(R"({"need": "needs/pit"})"), "application/connect+json");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto second =
      Client()->Post("/techmatch.v1.MatchService/WatchMatches", Auth(),
                     Envelope(R"({"need": "needs/pit"})"), "application/connect+json");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_THAT(Envelopes(second->body)[0].second, HasSubstr("\"resource_exhausted\""));
  const auto unary = PostJson("techmatch.v1.NeedService/GetNeed", R"({"name": "needs/pit"})");
  ASSERT_TRUE(unary);
  EXPECT_EQ(unary->status, 200);
  watcher.join();
}

TEST_F(StreamLimitTest, AWatcherWhoLeavesFreesItsSlot) {
  CreateNeed(SampleNeed(), "pit");
  const std::string watch = Envelope(R"({"need": "needs/pit"})");
  {
    RawClient leaving(http_port_);
    ASSERT_TRUE(leaving.Send(
        absl::StrCat("POST /techmatch.v1.MatchService/WatchMatches HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/connect+json\r\nAuthorization: Bearer ",
                     admin_token_, "\r\nContent-Length: ", watch.size(), "\r\n\r\n", watch)));
    EXPECT_THAT(leaving.ReadUntil("\r\n\r\n"), StartsWith("HTTP/1.1 200"));
  }  // closed without waiting for a match
  // The server notices within about a second; then the one slot is free again.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  httplib::Headers headers = Auth();
  headers.emplace("Connect-Timeout-Ms", "200");
  const auto next = Client()->Post("/techmatch.v1.MatchService/WatchMatches", headers, watch,
                                   "application/connect+json");
  ASSERT_TRUE(next);
  EXPECT_THAT(Envelopes(next->body)[0].second, HasSubstr("\"deadline_exceeded\""));
}

// HTTP/1.1 carries one exchange at a time on a connection: pipelined requests are answered in
// order, one after the other.
TEST_F(StreamLimitTest, PipelinedRequestsAreAnsweredInOrder) {
  RawClient client(http_port_);
  ASSERT_TRUE(client.Send(
      absl::StrCat("GET /assets/app-3f9a.js HTTP/1.1\r\nHost: x\r\n\r\n", kHealthRequest,
                   "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
  const std::string answers = client.ReadAll();
  const size_t script = answers.find("console.log");
  const size_t ok = answers.find("ok\n");
  ASSERT_NE(script, std::string::npos);
  ASSERT_NE(ok, std::string::npos);
  EXPECT_LT(script, ok);
  EXPECT_NE(answers.find("ok\n", ok + 1), std::string::npos);
}

}  // namespace
}  // namespace techmatch::testing
