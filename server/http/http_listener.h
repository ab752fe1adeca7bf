// Starts the HTTP listener beside a running TechmatchServer: the Connect bridge over the
// server's in-process channel, the portal's static files, /healthz; it stops with the server.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_LISTENER_H_
#define TECHMATCH_SERVER_HTTP_HTTP_LISTENER_H_

#include <string>

#include "absl/status/statusor.h"
#include "server/http/http_limits.h"
#include "server/techmatch_server.h"

namespace techmatch::server::http {

struct HttpOptions {
  // host:port; port 0 picks a free port.
  std::string listen;
  // The portal's files; "" for DefaultWebRoot().
  std::string web_root;
  // max_body_bytes is taken from the gRPC receive limit (ServerOptions), not from here.
  HttpLimits limits;
};

// share/techmatch/web of the installation: ../share/techmatch/web from the directory of the
// running executable.
std::string DefaultWebRoot();

// Binds `options.listen` and serves until `server` shuts down. TLS (and mutual TLS) when
// `server_options.tls` names files, as for gRPC. Returns the bound port.
absl::StatusOr<int> StartHttp(TechmatchServer& server, const ServerOptions& server_options,
                              const HttpOptions& options);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_LISTENER_H_
