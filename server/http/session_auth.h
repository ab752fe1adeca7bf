// How an HTTP call presents its credentials to the gRPC guard: the Authorization header as sent,
// or, for browsers, a session token in the `techmatch_session` cookie (HttpOnly, so page scripts
// never see it; SameSite=Strict; Secure under TLS) turned into "Bearer <token>".
//
// Cross-site request forgery: a browser attaches cookies to requests other sites make it send.
// Such a request can only be a "simple" one (a form or a no-cors fetch: GET/POST with a
// form/text content type and no custom headers) unless the target grants a CORS preflight,
// which this server never does (it answers no OPTIONS with Access-Control-* headers). So a call
// authenticated by the cookie must carry the Connect-Protocol-Version header, and (as every
// Connect call must) a JSON or proto content type: neither can be sent cross-site without the
// preflight, so a forged request either lacks them (refused here, or 415) or never leaves the
// browser. Calls with an Authorization header need no such check: a browser never adds one
// on its own.
#ifndef TECHMATCH_SERVER_HTTP_SESSION_AUTH_H_
#define TECHMATCH_SERVER_HTTP_SESSION_AUTH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/http/http_request.h"

namespace techmatch::server::http {

inline constexpr absl::string_view kSessionCookieName = "techmatch_session";

// The session token among the request's cookies, or "" (also for a value with characters a
// token never has).
std::string SessionToken(const HttpRequest& request);

// The Set-Cookie value that stores `token` for `max_age`, and the one that removes it.
std::string SessionCookie(absl::string_view token, bool secure, absl::Duration max_age);
std::string ExpiredSessionCookie(bool secure);

// True when the request carries a header a cross-site form or simple fetch cannot send.
bool HasAntiForgeryHeader(const HttpRequest& request);

// The `authorization` metadata for the call: the Authorization header, else "Bearer <session>"
// from the cookie, else "" (the guard then answers UNAUTHENTICATED where a key is needed).
// UNAUTHENTICATED when only a cookie is presented without the anti-forgery header.
absl::StatusOr<std::string> CallAuthorization(const HttpRequest& request);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_SESSION_AUTH_H_
