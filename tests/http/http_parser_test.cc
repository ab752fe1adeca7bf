// The pure parts of the HTTP listener: request heads, chunked bodies, Connect envelopes, error
// bodies, cookies and path resolution.
#include "server/http/http_parser.h"

#include <optional>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "server/http/connect_envelope.h"
#include "server/http/connect_error.h"
#include "server/http/session_auth.h"

namespace techmatch::server::http {
namespace {

using ::testing::HasSubstr;

TEST(ParseRequestHeadTest, ReadsRequestLineHeadersAndFraming) {
  HttpRequest request;
  const std::string data =
      "POST /techmatch.v1.NeedService/GetNeed?x=1 HTTP/1.1\r\nHost: a\r\n"
      "Content-Type:  application/json \r\nContent-Length: 12\r\n\r\n{\"name\":\"x\"}";
  const HeadResult result = ParseRequestHead(data, 4096, request);
  ASSERT_TRUE(result.head);
  EXPECT_EQ(result.head->size, data.size() - 12);
  EXPECT_EQ(result.head->framing.content_length, 12u);
  EXPECT_FALSE(result.head->framing.chunked);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/techmatch.v1.NeedService/GetNeed");
  EXPECT_EQ(request.query, "x=1");
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_TRUE(request.keep_alive);
}

TEST(ParseRequestHeadTest, WaitsForTheWholeHead) {
  HttpRequest request;
  for (const char* partial :
       {"", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"}) {
    const HeadResult result = ParseRequestHead(partial, 4096, request);
    EXPECT_FALSE(result.head) << partial;
    EXPECT_FALSE(result.error) << partial;
  }
}

TEST(ParseRequestHeadTest, RefusesWhatItCannotServe) {
  const std::pair<std::string, int> cases[] = {
      {"GET / HTTP/1.1\r\nX: " + std::string(5000, 'a') + "\r\n\r\n", 431},
      {"GET / HTTP/1.1\r\nX: " + std::string(5000, 'a'), 431},  // no end in sight
      {"GET / HTTP/2.0\r\n\r\n", 505},
      {"GET http://a/ HTTP/1.1\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nExpect: magic\r\n\r\n", 417},
  };
  for (const auto& [data, status] : cases) {
    HttpRequest request;
    const HeadResult result = ParseRequestHead(data, 4096, request);
    ASSERT_TRUE(result.error) << data;
    EXPECT_EQ(result.error->status, status) << data;
  }
}

TEST(ParseRequestHeadTest, ConnectionHeaderAndVersionDecideKeepAlive) {
  const std::pair<std::string, bool> cases[] = {
      {"GET / HTTP/1.1\r\n\r\n", true},
      {"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false},
      {"GET / HTTP/1.0\r\n\r\n", false},
      {"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true},
  };
  for (const auto& [data, keep_alive] : cases) {
    HttpRequest request;
    ASSERT_TRUE(ParseRequestHead(data, 4096, request).head) << data;
    EXPECT_EQ(request.keep_alive, keep_alive) << data;
  }
}

TEST(ChunkedDecoderTest, DecodesPiecesAsTheyArrive) {
  const std::string body = "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  for (size_t split = 0; split <= body.size(); ++split) {
    ChunkedDecoder decoder(1000);
    std::string out;
    std::string pending = body.substr(0, split);
    size_t consumed = 0;
    ChunkedDecoder::Result result = decoder.Feed(pending, consumed, out);
    pending.erase(0, consumed);
    pending += body.substr(split);
    if (result != ChunkedDecoder::Result::kDone) {
      result = decoder.Feed(pending, consumed, out);
      pending.erase(0, consumed);
    }
    EXPECT_EQ(result, ChunkedDecoder::Result::kDone) << split;
    EXPECT_EQ(out, "Wikipedia") << split;
    EXPECT_EQ(pending, "NEXT") << split;
  }
}

TEST(ChunkedDecoderTest, RefusesOversizedAndMalformedBodies) {
  std::string out;
  size_t consumed = 0;
  ChunkedDecoder small(8);
  EXPECT_EQ(small.Feed("9\r\n123456789\r\n", consumed, out), ChunkedDecoder::Result::kTooLarge);
  ChunkedDecoder bad(100);
  EXPECT_EQ(bad.Feed("zz\r\n", consumed, out), ChunkedDecoder::Result::kMalformed);
  ChunkedDecoder no_crlf(100);
  EXPECT_EQ(no_crlf.Feed("2\r\nabX", consumed, out), ChunkedDecoder::Result::kMalformed);
}

TEST(HttpParserTest, MediaTypeAndPercentDecoding) {
  EXPECT_EQ(MediaType("Application/JSON; charset=utf-8"), "application/json");
  EXPECT_EQ(MediaType(""), "");
  EXPECT_EQ(PercentDecode("/a%2Fb%20c"), "/a/b c");
  EXPECT_EQ(PercentDecode("/%2"), std::nullopt);
  EXPECT_EQ(PercentDecode("/%zz"), std::nullopt);
}

TEST(ConnectEnvelopeTest, RoundTripsAndRefusesBadFraming) {
  const std::string body = Envelope(0, "one") + Envelope(0, "") + Envelope(0, "three");
  const auto messages = SplitEnvelopes(body);
  ASSERT_TRUE(messages.ok());
  EXPECT_THAT(*messages, ::testing::ElementsAre("one", "", "three"));
  EXPECT_EQ(SplitEnvelopes(body.substr(0, body.size() - 1)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SplitEnvelopes(Envelope(kEnvelopeCompressed, "x")).status().code(),
            absl::StatusCode::kUnimplemented);
  EXPECT_EQ(SplitEnvelopes(Envelope(kEnvelopeEndStream, "{}")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ConnectErrorTest, CodesMapToConnectNamesAndStatuses) {
  EXPECT_EQ(ConnectCodeName(grpc::StatusCode::INVALID_ARGUMENT), "invalid_argument");
  EXPECT_EQ(ConnectCodeName(grpc::StatusCode::CANCELLED), "canceled");
  const std::pair<grpc::StatusCode, int> statuses[] = {
      {grpc::StatusCode::CANCELLED, 499},
      {grpc::StatusCode::UNKNOWN, 500},
      {grpc::StatusCode::INVALID_ARGUMENT, 400},
      {grpc::StatusCode::DEADLINE_EXCEEDED, 504},
      {grpc::StatusCode::NOT_FOUND, 404},
      {grpc::StatusCode::ALREADY_EXISTS, 409},
      {grpc::StatusCode::PERMISSION_DENIED, 403},
      {grpc::StatusCode::RESOURCE_EXHAUSTED, 429},
      {grpc::StatusCode::FAILED_PRECONDITION, 400},
      {grpc::StatusCode::ABORTED, 409},
      {grpc::StatusCode::OUT_OF_RANGE, 400},
      {grpc::StatusCode::UNIMPLEMENTED, 501},
      {grpc::StatusCode::INTERNAL, 500},
      {grpc::StatusCode::UNAVAILABLE, 503},
      {grpc::StatusCode::DATA_LOSS, 500},
      {grpc::StatusCode::UNAUTHENTICATED, 401},
  };
  for (const auto& [code, status] : statuses) EXPECT_EQ(HttpStatusForCode(code), status) << code;
}

TEST(ConnectErrorTest, ErrorBodyEscapesTheMessageAndCarriesDetails) {
  google::rpc::BadRequest bad_request;
  auto* violation = bad_request.add_field_violations();
  violation->set_field("need.title");
  violation->set_description("is required");
  google::rpc::Status rich;
  rich.set_code(3);
  rich.add_details()->PackFrom(bad_request);
  const grpc::Status status(grpc::StatusCode::INVALID_ARGUMENT, "bad \"title\"\n",
                            rich.SerializeAsString());
  JsonCodec codec;
  const std::string json = ConnectErrorJson(status, codec);
  EXPECT_THAT(json, HasSubstr(R"("code":"invalid_argument")"));
  EXPECT_THAT(json, HasSubstr(R"("message":"bad \"title\"\n")"));
  EXPECT_THAT(json, HasSubstr(R"("type":"google.rpc.BadRequest")"));
  EXPECT_THAT(json, HasSubstr(R"("debug":{"fieldViolations":[{"field":"need.title")"));
  EXPECT_EQ(ConnectErrorJson(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), codec),
            R"({"code":"not_found"})");
}

TEST(SessionAuthTest, HeaderWinsAndCookieNeedsTheAntiForgeryHeader) {
  HttpRequest request;
  request.headers = {{"cookie", "a=b; techmatch_session=tok123"}};
  EXPECT_EQ(SessionToken(request), "tok123");
  EXPECT_EQ(CallAuthorization(request).status().code(), absl::StatusCode::kUnauthenticated);
  request.headers.emplace_back("connect-protocol-version", "1");
  EXPECT_EQ(*CallAuthorization(request), "Bearer tok123");
  request.headers.emplace_back("authorization", "Bearer other");
  EXPECT_EQ(*CallAuthorization(request), "Bearer other");

  HttpRequest injected;
  injected.headers = {{"cookie", "techmatch_session=a\rb"}};
  EXPECT_EQ(SessionToken(injected), "");
  EXPECT_EQ(*CallAuthorization(HttpRequest{}), "");
}

TEST(SessionAuthTest, CookiesAreHttpOnlyStrictAndSecureUnderTls) {
  const std::string cookie = SessionCookie("tok", true, absl::Hours(8));
  EXPECT_EQ(cookie,
            "techmatch_session=tok; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; "
            "Secure");
  EXPECT_THAT(SessionCookie("tok", false, absl::Hours(1)), Not(HasSubstr("Secure")));
  EXPECT_THAT(ExpiredSessionCookie(true), HasSubstr("Max-Age=0"));
}

}  // namespace
}  // namespace techmatch::server::http
