// The techmatch-server flags of the HTTP listener (--http_*), each limit with its default.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_FLAGS_H_
#define TECHMATCH_SERVER_HTTP_HTTP_FLAGS_H_

#include <string>

#include "CLI/CLI.hpp"
#include "server/http/http_listener.h"

namespace techmatch::server::http {

struct HttpFlags {
  std::string listen;
  std::string port_file;
  std::string web_root;
  HttpLimits limits;
  // Flags speak seconds; HttpLimits milliseconds.
  int idle_timeout_seconds = HttpLimits().idle_timeout_ms / 1000;
  int read_timeout_seconds = HttpLimits().read_timeout_ms / 1000;
  int write_timeout_seconds = HttpLimits().write_timeout_ms / 1000;

  HttpOptions Options() const;
};

void AddHttpFlags(CLI::App& app, HttpFlags& flags);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_FLAGS_H_
