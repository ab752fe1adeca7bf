// The HTTP listener under TLS: the gRPC certificate flags serve HTTPS on the HTTP port too,
// with Strict-Transport-Security; a plaintext request there gets no answer.
#include <cstdlib>

#include "tests/http/http_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;

class HttpTlsTest : public HttpTest {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/techmatch-http-tls-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    cert_dir_ = pattern;
    // A self-signed certificate for 127.0.0.1, made now.
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        cert_dir_ + "/key.pem' -out '" + cert_dir_ + "/cert.pem' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    HttpTest::SetUp();
  }
  void TearDown() override {
    HttpTest::TearDown();
    std::system(("rm -rf '" + cert_dir_ + "'").c_str());
  }
  server::ServerOptions GrpcOptions() const override {
    server::ServerOptions options;
    options.tls.cert_file = cert_dir_ + "/cert.pem";
    options.tls.key_file = cert_dir_ + "/key.pem";
    return options;
  }
  std::string cert_dir_;
};

TEST_F(HttpTlsTest, ServesHttpsWithTheGrpcCertificate) {
  httplib::SSLClient client("127.0.0.1", http_port_);
  client.set_ca_cert_path((cert_dir_ + "/cert.pem").c_str());
  client.enable_server_certificate_verification(true);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_THAT(health->get_header_value("Strict-Transport-Security"), HasSubstr("max-age="));
  const auto call =
      client.Post("/techmatch.v1.IndustryService/ListIndustries", Auth(), "{}", "application/json");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->status, 200);
  EXPECT_THAT(call->body, HasSubstr("industries/"));

  // Plaintext HTTP on the TLS port is not answered.
  RawClient plain(http_port_);
  ASSERT_TRUE(plain.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_THAT(plain.ReadAll(std::chrono::seconds(5)), Not(HasSubstr("200 OK")));
}

}  // namespace
}  // namespace techmatch::testing
