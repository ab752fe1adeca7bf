#include "server/http/http_listener.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <climits>
#include <memory>

#include "absl/strings/str_cat.h"
#include "grpcpp/support/channel_arguments.h"
#include "server/http/connect_bridge.h"
#include "server/http/http_routes.h"
#include "server/http/http_server.h"
#include "server/http/security_headers.h"
#include "server/http/static_files.h"
#include "spdlog/spdlog.h"

namespace techmatch::server::http {
namespace {

std::string OpenSslError() {
  char text[256] = "unknown error";
  if (const unsigned long error = ERR_get_error(); error != 0) {
    ERR_error_string_n(error, text, sizeof(text));
  }
  return text;
}

absl::StatusOr<SslContext> TlsContext(const TlsFiles& tls) {
  SslContext context(SSL_CTX_new(TLS_server_method()));
  if (!context) return absl::InternalError("cannot create a TLS context");
  SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(context.get(), tls.cert_file.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(context.get(), tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(context.get()) != 1) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot load the TLS certificate and key for HTTP: ", OpenSslError()));
  }
  if (!tls.client_ca_file.empty()) {
    if (SSL_CTX_load_verify_locations(context.get(), tls.client_ca_file.c_str(), nullptr) != 1) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot load the client CA for HTTP: ", OpenSslError()));
    }
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }
  return context;
}

// The listener and what it serves, owned by the TechmatchServer it serves beside.
class HttpCompanion final : public Companion {
 public:
  HttpCompanion(std::shared_ptr<grpc::Channel> channel, const std::string& web_root,
                int max_streams, const HealthService& health)
      : bridge_(std::move(channel), max_streams),
        files_(web_root),
        routes_(bridge_, files_, health) {}

  absl::StatusOr<int> Start(HttpServerOptions options) {
    auto server = HttpServer::Start(std::move(options), routes_);
    if (!server.ok()) return server.status();
    server_ = *std::move(server);
    return server_->port();
  }

  // /healthz already answers 503: health went NOT_SERVING first.
  void Draining() override { bridge_.StopCalls(); }
  void Stop() override {
    if (server_) server_->Stop();
  }

 private:
  ConnectBridge bridge_;
  StaticFiles files_;
  HttpRoutes routes_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace

std::string DefaultWebRoot() {
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n <= 0) return "share/techmatch/web";
  std::string path(exe, n);
  return path.substr(0, path.rfind('/')) + "/../share/techmatch/web";
}

absl::StatusOr<int> StartHttp(TechmatchServer& server, const ServerOptions& server_options,
                              const HttpOptions& options) {
  HttpServerOptions http;
  http.listen = options.listen;
  http.limits = options.limits;
  http.limits.max_body_bytes = server_options.limits.max_receive_message_bytes;
  const bool tls = !server_options.tls.cert_file.empty();
  if (tls) {
    absl::StatusOr<SslContext> context = TlsContext(server_options.tls);
    if (!context.ok()) return context.status();
    http.tls = *std::move(context);
  }
  http.common_headers = SecurityHeaders(tls);
  const std::string web_root = options.web_root.empty() ? DefaultWebRoot() : options.web_root;
  // The bridge is a client inside the server: it needs no retry machinery (which keeps a copy of
  // every message in case a retry policy wants it) nor the full client filter stack (the server
  // still enforces each call's deadline), and takes answers up to the server's send limit.
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  args.SetInt(GRPC_ARG_MINIMAL_STACK, 1);
  args.SetMaxReceiveMessageSize(server_options.limits.max_send_message_bytes);
  auto companion = std::make_unique<HttpCompanion>(server.InProcessChannel(args), web_root,
                                                   options.limits.max_streams, server.health());
  absl::StatusOr<int> port = companion->Start(std::move(http));
  if (!port.ok()) return port.status();
  server.Attach(std::move(companion));
  if (::access(web_root.c_str(), R_OK) != 0) {
    spdlog::warn("http: web root {} is missing; static files answer 404", web_root);
  }
  spdlog::info("HTTP (Connect, portal files from {}) listening on port {} ({})", web_root, *port,
               tls ? "TLS" : "plaintext");
  return *port;
}

}  // namespace techmatch::server::http
