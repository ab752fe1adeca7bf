#include "server/http/http_flags.h"

namespace techmatch::server::http {

HttpOptions HttpFlags::Options() const {
  HttpOptions options;
  options.listen = listen;
  options.web_root = web_root;
  options.limits = limits;
  options.limits.idle_timeout_ms = idle_timeout_seconds * 1000;
  options.limits.read_timeout_ms = read_timeout_seconds * 1000;
  options.limits.write_timeout_ms = write_timeout_seconds * 1000;
  return options;
}

void AddHttpFlags(CLI::App& app, HttpFlags& flags) {
  app.add_option("--http_listen", flags.listen,
                 "host:port for HTTP (Connect protocol, portal files, /healthz); empty: off; "
                 "TLS with --tls_cert/--tls_key as for gRPC");
  app.add_option("--http_port_file", flags.port_file,
                 "write the bound HTTP port to this file once serving");
  app.add_option("--http_web_root", flags.web_root,
                 "directory of the web portal's files (default: ../share/techmatch/web next to "
                 "the executable)");
  HttpLimits& limits = flags.limits;
  app.add_option("--http_max_connections", limits.max_connections,
                 "open HTTP connections; one more is answered 503 and closed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_threads", limits.threads,
                 "HTTP worker threads (fixed pool) for requests that may wait: partial "
                 "requests, TLS, streams, files; unary calls run without holding one")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_max_streams", limits.max_streams,
                 "streaming calls over HTTP at once (each holds a worker); one more gets "
                 "resource_exhausted; must be below --http_threads")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_idle_timeout_seconds", flags.idle_timeout_seconds,
                 "a keep-alive HTTP connection idle this long is closed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_read_timeout_seconds", flags.read_timeout_seconds,
                 "a request must arrive whole within this from its first byte; else 408")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_write_timeout_seconds", flags.write_timeout_seconds,
                 "each write of a response must be taken within this; else the connection "
                 "closes")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--http_max_header_bytes", limits.max_header_bytes,
                 "request line and headers together; larger gets 431")
      ->check(CLI::Range(1024, 1 << 20))
      ->capture_default_str();
}

}  // namespace techmatch::server::http
