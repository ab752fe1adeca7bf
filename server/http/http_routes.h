// What each HTTP path is: /healthz, /session (browsers' sign-in, who is signed in, sign-out),
// the Connect bridge for /techmatch.v1.*/*, and the portal's static files for the rest.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_
#define TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_

#include "server/health_service.h"
#include "server/http/connect_bridge.h"
#include "server/http/http_server.h"
#include "server/http/static_files.h"

namespace techmatch::server::http {

class HttpRoutes final : public HttpHandler {
 public:
  // /healthz answers as `health` does: 200 while SERVING, else 503 with the reason.
  HttpRoutes(ConnectBridge& bridge, const StaticFiles& files, const HealthService& health)
      : bridge_(bridge), files_(files), health_(health) {}

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
  const HealthService& health_;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_ROUTES_H_
