// The headers every HTTP answer carries, so that a page the portal serves cannot be framed,
// sniffed into another type, or made to run script other than the portal's own files.
#ifndef TECHMATCH_SERVER_HTTP_SECURITY_HEADERS_H_
#define TECHMATCH_SERVER_HTTP_SECURITY_HEADERS_H_

#include "server/http/http_request.h"

namespace techmatch::server::http {

// Content-Security-Policy (only the origin's own files: no inline script or style, no eval, no
// framing), X-Content-Type-Options, Referrer-Policy, X-Frame-Options; under TLS also
// Strict-Transport-Security.
HeaderList SecurityHeaders(bool tls);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_SECURITY_HEADERS_H_
