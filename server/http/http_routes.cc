#include "server/http/http_routes.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/http/session_auth.h"

namespace techmatch::server::http {
namespace {

const HeaderList& TextHeaders() {
  static const HeaderList* const headers =
      new HeaderList{{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}};
  return *headers;
}

void MethodNotAllowed(absl::string_view allow, ResponseWriter& response) {
  response.Send(405, {{"Content-Type", "text/plain; charset=utf-8"}, {"Allow", std::string(allow)}},
                absl::StrCat("method not allowed; allowed: ", allow, "\n"));
}

bool IsIdentifier(absl::string_view text) {
  return !text.empty() && !absl::ascii_isdigit(text[0]) &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return absl::ascii_isalnum(c) || c == '_'; });
}

// "/pkg.Service/Method": what a Connect client would call.
bool LooksLikeProcedure(absl::string_view path) {
  const std::vector<absl::string_view> parts = absl::StrSplit(path.substr(1), '/');
  if (!absl::StartsWith(path, "/") || parts.size() != 2 || !IsIdentifier(parts[1])) return false;
  const std::vector<absl::string_view> names = absl::StrSplit(parts[0], '.');
  return names.size() >= 2 && std::all_of(names.begin(), names.end(), IsIdentifier);
}

}  // namespace

void HttpRoutes::Handle(const HttpRequest& request, ResponseWriter& response) {
  if (request.path == "/healthz") {
    Health(request, response);
    return;
  }
  if (request.path == "/session") {
    Session(request, response);
    return;
  }
  if (const ConnectMethod* method = bridge_.Find(request.path)) {
    if (request.method != "POST") {
      MethodNotAllowed("POST", response);
      return;
    }
    bridge_.Serve(*method, request, response);
    return;
  }
  if (request.method == "POST" || LooksLikeProcedure(request.path)) {
    // Connect's answer for a procedure that does not exist (clients read 404 as unimplemented).
    bridge_.SendError(
        grpc::Status(grpc::StatusCode::UNIMPLEMENTED, absl::StrCat("no procedure ", request.path)),
        response, 404);
    return;
  }
  if (request.method != "GET" && request.method != "HEAD") {
    MethodNotAllowed("GET, HEAD", response);
    return;
  }
  files_.Serve(request, response);
}

void HttpRoutes::Health(const HttpRequest& request, ResponseWriter& response) const {
  if (request.method != "GET" && request.method != "HEAD") {
    MethodNotAllowed("GET, HEAD", response);
    return;
  }
  if (draining_.load(std::memory_order_acquire)) {
    response.Send(503, TextHeaders(), "shutting down\n");
  } else {
    response.Send(200, TextHeaders(), "ok\n");
  }
}

// Sign-in for browsers. DELETE /session signs out (clears the cookie; no RPC needed). POST
// /session is where sign-in goes once SessionService.CreateSession exists: forward the body
// to it through the bridge as any call, and answer 204 with
// Set-Cookie: SessionCookie(token, request.tls, lifetime) instead of the token in the body.
// Until then it answers 501.
void HttpRoutes::Session(const HttpRequest& request, ResponseWriter& response) const {
  if (request.method == "DELETE") {
    // The same anti-forgery rule as cookie-authenticated calls: another site must not be able
    // to sign a user out either.
    if (!HasAntiForgeryHeader(request)) {
      response.Send(403, TextHeaders(), "Connect-Protocol-Version: 1 is required\n");
      return;
    }
    response.Send(
        204, {{"Set-Cookie", ExpiredSessionCookie(request.tls)}, {"Cache-Control", "no-store"}},
        "");
    return;
  }
  if (request.method == "POST") {
    response.Send(501, TextHeaders(), "sign-in by session is not available on this server yet\n");
    return;
  }
  MethodNotAllowed("POST, DELETE", response);
}

void HttpRoutes::Refuse(const HttpRequest& request, const HttpError& error,
                        ResponseWriter& response) {
  // A body over the limit is what gRPC calls RESOURCE_EXHAUSTED; Connect clients read that
  // from the error body (and its 429) as they would from a gRPC server.
  if (error.status == 413 && !request.path.empty()) {
    bridge_.SendError(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                   absl::StrCat(error.message, " (--max_receive_message_bytes)")),
                      response);
    return;
  }
  response.Send(error.status, TextHeaders(), error.message + "\n");
}

}  // namespace techmatch::server::http
