// Unary Connect calls do not hold a worker while they run: a worker starts each call and moves
// on, and the answer is written when the call completes. These tests hold the listener to two
// workers and check that every answer reaches its own connection, in order, and that the
// server stops cleanly with calls in flight.
#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/http/http_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class CallsInFlightTest : public HttpTest {
  server::http::HttpOptions Options() const override {
    server::http::HttpOptions options;
    // The smallest pool the limits allow.
    options.limits.threads = 2;
    options.limits.max_streams = 1;
    return options;
  }
};

std::string GetNeedRequest(const std::string& token, const std::string& id, bool close = false) {
  const std::string body = absl::StrCat(R"({"name": "needs/)", id, R"("})");
  return absl::StrCat("POST /techmatch.v1.NeedService/GetNeed HTTP/1.1\r\nHost: x\r\n",
                      "Content-Type: application/json\r\nAuthorization: Bearer ", token,
                      "\r\nContent-Length: ", body.size(), "\r\n",
                      close ? "Connection: close\r\n" : "", "\r\n", body);
}

// Many connections with calls in flight at once, through two workers: each connection gets the
// answers to its own requests, in binary and JSON.
TEST_F(CallsInFlightTest, EveryConnectionGetsItsOwnAnswers) {
  constexpr int kConnections = 24;
  constexpr int kCallsEach = 10;
  for (int i = 0; i < kConnections; ++i) {
    CreateNeed(SampleNeed(absl::StrCat("need ", i)), absl::StrCat("n", i));
  }
  std::atomic<int> right{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kConnections; ++i) {
    clients.emplace_back([&, i] {
      auto client = Client();
      for (int call = 0; call < kCallsEach; ++call) {
        v1::GetNeedRequest request;
        request.set_name(absl::StrCat("needs/n", i));
        if (call % 2 == 0) {
          const auto result = client->Post("/techmatch.v1.NeedService/GetNeed", Auth(),
                                           request.SerializeAsString(), "application/proto");
          v1::Need need;
          if (result && result->status == 200 && need.ParseFromString(result->body) &&
              need.title() == absl::StrCat("need ", i)) {
            ++right;
          }
        } else {
          const auto result =
              client->Post("/techmatch.v1.NeedService/GetNeed", Auth(),
                           absl::StrCat(R"({"name": "needs/n)", i, R"("})"), "application/json");
          if (result && result->status == 200 &&
              result->body.find(absl::StrCat("\"need ", i, "\"")) != std::string::npos) {
            ++right;
          }
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(right.load(), kConnections * kCallsEach);
}

// Requests pipelined on one connection are answered in order, each after its call completes,
// and the connection closes after the one that asks for it.
TEST_F(CallsInFlightTest, PipelinedCallsAreAnsweredInOrder) {
  CreateNeed(SampleNeed("first"), "a");
  CreateNeed(SampleNeed("second"), "b");
  CreateNeed(SampleNeed("third"), "c");
  RawClient client(http_port_);
  ASSERT_TRUE(client.Send(absl::StrCat(
      GetNeedRequest(admin_token_, "a"), GetNeedRequest(admin_token_, "b"),
      GetNeedRequest(admin_token_, "missing"), GetNeedRequest(admin_token_, "c", true))));
  const std::string answers = client.ReadAll();
  EXPECT_THAT(answers, StartsWith("HTTP/1.1 200"));
  const size_t first = answers.find("\"first\"");
  const size_t second = answers.find("\"second\"");
  const size_t missing = answers.find("HTTP/1.1 404");
  const size_t third = answers.find("\"third\"");
  ASSERT_NE(first, std::string::npos) << answers;
  ASSERT_NE(second, std::string::npos) << answers;
  ASSERT_NE(missing, std::string::npos) << answers;
  ASSERT_NE(third, std::string::npos) << answers;
  EXPECT_LT(first, second);
  EXPECT_LT(second, missing);
  EXPECT_LT(missing, third);
  EXPECT_THAT(answers.substr(missing), HasSubstr("Connection: close"));
}

// A client that sends its call and leaves without reading leaves the worker free for others.
TEST_F(CallsInFlightTest, AClientThatLeavesMidCallHoldsNothing) {
  CreateNeed(SampleNeed("kept"), "k");
  for (int i = 0; i < 20; ++i) {
    RawClient leaving(http_port_);
    ASSERT_TRUE(leaving.Send(GetNeedRequest(admin_token_, "k")));
  }  // closed before the answer
  const auto result = PostJson("techmatch.v1.NeedService/GetNeed", R"({"name": "needs/k"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_THAT(result->body, HasSubstr("\"kept\""));
}

// Stopping the server with calls in flight waits for their answers, then closes.
TEST_F(CallsInFlightTest, ShutdownWithCallsInFlightIsClean) {
  CreateNeed(SampleNeed("late"), "l");
  std::vector<std::unique_ptr<RawClient>> clients;
  for (int i = 0; i < 16; ++i) {
    clients.push_back(std::make_unique<RawClient>(http_port_));
    ASSERT_TRUE(clients.back()->Send(GetNeedRequest(admin_token_, "l")));
  }
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  for (auto& client : clients) {
    // Each connection got its answer (or was closed unanswered if the call came after the
    // stop), and none is left hanging.
    const std::string answer = client->ReadAll(std::chrono::seconds(5));
    if (!answer.empty()) {
      EXPECT_THAT(answer, StartsWith("HTTP/1.1 "));
    }
    EXPECT_TRUE(client->ClosedWithin(std::chrono::seconds(5)));
  }
}

}  // namespace
}  // namespace techmatch::testing
