// The portal's files and /healthz over HTTP: caching and security headers, no listing, no way
// out of the web root, and health going 503 when the server shuts down.
#include <sys/stat.h>

#include <thread>

#include "tests/http/http_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

using StaticFilesTest = HttpTest;

void ExpectSecurityHeaders(const httplib::Response& response) {
  const std::string csp = response.get_header_value("Content-Security-Policy");
  EXPECT_THAT(csp, HasSubstr("default-src 'self'"));
  EXPECT_THAT(csp, HasSubstr("script-src 'self'"));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-inline")));
  EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'"));
  EXPECT_EQ(response.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.get_header_value("Referrer-Policy"), "no-referrer");
}

TEST_F(StaticFilesTest, IndexAtTheRootIsRevalidated) {
  const auto result = Client()->Get("/");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "<!doctype html><title>techmatch</title>");
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(result->get_header_value("Cache-Control"), "no-cache");
  ExpectSecurityHeaders(*result);
  const auto by_name = Client()->Get("/index.html");
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->body, result->body);
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYear) {
  const auto result = Client()->Get("/assets/app-3f9a.js");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "console.log('portal');");
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(result->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(*result);
  // HEAD: the headers, no body.
  const auto head = Client()->Head("/assets/app-3f9a.js");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("Content-Length"), "22");
  EXPECT_TRUE(head->body.empty());
}

TEST_F(StaticFilesTest, MissingFilesAndDirectoriesAreNotFound) {
  for (const char* path : {"/nope.html", "/assets/", "/assets", "/assets/missing.js"}) {
    const auto result = Client()->Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
    EXPECT_THAT(result->body, Not(HasSubstr("app-3f9a.js"))) << "listing at " << path;
  }
}

TEST_F(StaticFilesTest, PathsLeavingTheWebRootAreRefused) {
  // A file beside the web root that must never be served.
  std::ofstream(dir_ + "/secret.txt") << "secret";
  ASSERT_EQ(::symlink((dir_ + "/secret.txt").c_str(), (web_root_ + "/link.txt").c_str()), 0);
  for (const std::string path :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
        "/assets/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt",
        "//secret.txt", "/./index.html", "/link.txt", "/%00index.html", "/index.html%00.js",
        "/test.db", "/../test.db", "/%zz"}) {
    RawClient raw(http_port_);
    ASSERT_TRUE(raw.connected());
    ASSERT_TRUE(raw.Send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const std::string answer = raw.ReadAll();
    EXPECT_THAT(answer, StartsWith("HTTP/1.1 404")) << path;
    EXPECT_THAT(answer, Not(HasSubstr("secret"))) << path;
  }
}

TEST_F(StaticFilesTest, HealthzIsOkWhileServingAnd503WhenShuttingDown) {
  const auto ok = Client()->Get("/healthz");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "ok\n");

  // An import left open keeps the shutdown in its grace period while /healthz is asked.
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + admin_token_);
  v1::ImportSummary summary;
  auto writer = needs_->ImportNeeds(&context, &summary);
  v1::ImportNeedsRequest row;
  *row.mutable_need() = SampleNeed();
  ASSERT_TRUE(writer->Write(row));
  // A long grace, ended early by finishing the import: a loaded machine must not let it run
  // out before /healthz is asked. Asked until it stops answering 200 (the shutdown has begun).
  std::thread stopper([&] { server_->Shutdown(absl::Seconds(30)); });
  int draining_status = 200;
  std::string draining_body;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (draining_status == 200 && absl::Now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto draining = Client()->Get("/healthz");
    draining_status = draining ? draining->status : 0;
    draining_body = draining ? draining->body : "";
  }
  writer->WritesDone();
  writer->Finish();
  stopper.join();
  EXPECT_EQ(draining_status, 503);
  EXPECT_EQ(draining_body, "shutting down\n");
  // Stopped: nothing listens any more.
  EXPECT_FALSE(Client()->Get("/healthz"));
}

}  // namespace
}  // namespace techmatch::testing
