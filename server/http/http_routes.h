// What each HTTP path is: /healthz, /session (browsers' sign-in, who is signed in, sign-out),
// the Connect bridge for /techmatch.v1.*/*, and the portal's static files for the rest.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_
#define TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_

#include <atomic>

#include "server/http/connect_bridge.h"
#include "server/http/http_server.h"
#include "server/http/static_files.h"

namespace techmatch::server::http {

class HttpRoutes final : public HttpHandler {
 public:
  HttpRoutes(ConnectBridge& bridge, const StaticFiles& files) : bridge_(bridge), files_(files) {}

  // /healthz answers 503 from now on (the server is shutting down).
  void SetDraining() { draining_.store(true, std::memory_order_release); }

  void Handle(const HttpRequest& request, ResponseWriter& response) override;
  // Health checks and unary Connect calls (which defer their answers).
  bool Quick(const HttpRequest& request) override;
  void Refuse(const HttpRequest& request, const HttpError& error,
              ResponseWriter& response) override;

 private:
  void Health(const HttpRequest& request, ResponseWriter& response) const;
  void Session(const HttpRequest& request, ResponseWriter& response) const;
  void SignIn(const HttpRequest& request, bool secure, ResponseWriter& response) const;
  void SignedIn(const HttpRequest& request, ResponseWriter& response) const;
  void SignOut(const HttpRequest& request, bool secure, ResponseWriter& response) const;
  static HttpRequest JsonCall(const HttpRequest& request, absl::string_view body);

  ConnectBridge& bridge_;
  const StaticFiles& files_;
  std::atomic<bool> draining_{false};
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_
