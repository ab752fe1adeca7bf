#include "server/http/http_routes.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "server/http/session_auth.h"
#include "techmatch/v1/session.pb.h"

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

bool HttpRoutes::Quick(const HttpRequest& request) {
  if (request.path == "/healthz") return true;
  if (request.method != "POST" || request.path == "/session") return false;
  const ConnectMethod* method = bridge_.Find(request.path);
  return method != nullptr && !method->streaming();
}

void HttpRoutes::Health(const HttpRequest& request, ResponseWriter& response) const {
  if (request.method != "GET" && request.method != "HEAD") {
    MethodNotAllowed("GET, HEAD", response);
    return;
  }
  const absl::Status state = health_.State();
  if (!state.ok()) {
    response.Send(503, TextHeaders(), absl::StrCat(state.message(), "\n"));
  } else {
    response.Send(200, TextHeaders(), "ok\n");
  }
}

// Sign-in for browsers. POST /session takes CreateSession's request (JSON or proto, as any
// Connect call) and answers its response without the token, which goes into the
// `techmatch_session` cookie instead, so page scripts never see it. GET /session answers who
// the call's credentials (the cookie or the Authorization header) belong to, as a
// CreateSessionResponse holding only `user` (GetUser of `users/me`: the user, or the API key
// as a user); without valid credentials the guard's 401. DELETE /session ends the session
// the credentials name through DeleteSession and clears the cookie; without a credential it
// only clears the cookie. All three need the anti-forgery header: another site must not sign a
// user in (to an account of its choosing) or out, and a cookie alone authenticates nothing.
void HttpRoutes::Session(const HttpRequest& request, ResponseWriter& response) const {
  if (request.method != "POST" && request.method != "DELETE" && request.method != "GET") {
    MethodNotAllowed("GET, POST, DELETE", response);
    return;
  }
  if (!HasAntiForgeryHeader(request)) {
    response.Send(403, TextHeaders(), "Connect-Protocol-Version: 1 is required\n");
    return;
  }
  const bool secure = request.tls;
  if (request.method == "POST") {
    SignIn(request, secure, response);
  } else if (request.method == "GET") {
    SignedIn(request, response);
  } else {
    SignOut(request, secure, response);
  }
}

// A copy of `request` as a JSON POST of `body`, for a call the route makes on the caller's
// behalf with the caller's credentials.
HttpRequest HttpRoutes::JsonCall(const HttpRequest& request, absl::string_view body) {
  HttpRequest call = request;
  call.method = "POST";
  call.body = std::string(body);
  std::erase_if(call.headers, [](const auto& header) {
    return header.first == "content-type" || header.first == "content-encoding";
  });
  call.headers.emplace_back("content-type", "application/json");
  return call;
}

void HttpRoutes::SignIn(const HttpRequest& request, bool secure, ResponseWriter& response) const {
  const ConnectMethod* method = bridge_.Find("/techmatch.v1.SessionService/CreateSession");
  if (method == nullptr) {
    response.Send(501, TextHeaders(), "sign-in is not available on this server\n");
    return;
  }
  bridge_.ServeAnswering(
      *method, request, response,
      [this, secure](const std::string& binary, bool json, ResponseWriter& out) {
        v1::CreateSessionResponse signed_in;
        if (!signed_in.ParseFromString(binary) || signed_in.token().empty()) {
          out.Send(500, TextHeaders(), "sign-in answered without a session\n");
          return;
        }
        const absl::Duration lifetime =
            absl::FromUnixSeconds(signed_in.expire_time().seconds()) - absl::Now();
        const std::string cookie =
            SessionCookie(signed_in.token(), secure, std::max(lifetime, absl::ZeroDuration()));
        signed_in.clear_token();
        bridge_.SendMessage("techmatch.v1.CreateSessionResponse", signed_in.SerializeAsString(),
                            json, {{"Set-Cookie", cookie}}, out);
      });
}

void HttpRoutes::SignedIn(const HttpRequest& request, ResponseWriter& response) const {
  const ConnectMethod* method = bridge_.Find("/techmatch.v1.UserService/GetUser");
  if (method == nullptr) {
    response.Send(501, TextHeaders(), "sign-in is not available on this server\n");
    return;
  }
  bridge_.ServeAnswering(*method, JsonCall(request, R"({"name":"users/me"})"), response,
                         [this](const std::string& binary, bool /*json*/, ResponseWriter& out) {
                           v1::CreateSessionResponse answer;
                           if (!answer.mutable_user()->ParseFromString(binary)) {
                             out.Send(500, TextHeaders(), "users/me answered no user\n");
                             return;
                           }
                           bridge_.SendMessage("techmatch.v1.CreateSessionResponse",
                                               answer.SerializeAsString(),
                                               /*json=*/true, {}, out);
                         });
}

void HttpRoutes::SignOut(const HttpRequest& request, bool secure, ResponseWriter& response) const {
  const ConnectMethod* method = bridge_.Find("/techmatch.v1.SessionService/DeleteSession");
  if (method == nullptr || (SessionToken(request).empty() && !request.HasHeader("authorization"))) {
    response.Send(
        204, {{"Set-Cookie", ExpiredSessionCookie(secure)}, {"Cache-Control", "no-store"}}, "");
    return;
  }
  bridge_.ServeAnswering(
      *method, JsonCall(request, "{}"), response,
      [secure](const std::string& /*binary*/, bool /*json*/, ResponseWriter& out) {
        out.Send(204, {{"Set-Cookie", ExpiredSessionCookie(secure)}, {"Cache-Control", "no-store"}},
                 "");
      });
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
