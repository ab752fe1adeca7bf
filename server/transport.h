// How the server meets the network: TLS (optionally mutual) and the limits that keep one client
// from exhausting the server for the others.
#ifndef TECHMATCH_SERVER_TRANSPORT_H_
#define TECHMATCH_SERVER_TRANSPORT_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace techmatch::server {

// PEM files. No cert and key: plaintext. A client CA too: clients must present a certificate
// signed by it (mutual TLS).
struct TlsFiles {
  std::string cert_file;
  std::string key_file;
  std::string client_ca_file;
};

struct TransportLimits {
  // Largest request message accepted; a larger one is refused with RESOURCE_EXHAUSTED.
  int max_receive_message_bytes = 4 << 20;
  // Largest response message sent; a larger one fails with RESOURCE_EXHAUSTED.
  int max_send_message_bytes = 16 << 20;
  // Concurrent calls per connection (HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS); a client's further
  // calls wait for one of its own to finish.
  int max_concurrent_streams = 100;
  // Keepalive enforcement: a client pinging more often than this without data gets a strike;
  // after `max_ping_strikes` strikes its connection is closed (GOAWAY ENHANCE_YOUR_CALM).
  int min_ping_interval_ms = 30000;
  int max_ping_strikes = 2;
  // Threads serving calls across all clients; a call arriving when all are busy is answered
  // RESOURCE_EXHAUSTED at once instead of queueing without bound.
  int max_threads = 200;
  // Open client connections, in all and from one client address; more are closed as soon as
  // they are accepted (server/connection_cap.h; the server binary only).
  int max_connections = 2000;
  int max_connections_per_address = 100;
  // A connection with no call in flight for this long is closed (GOAWAY).
  int connection_idle_ms = 300000;
  // A connection is asked to go away (GOAWAY; clients reconnect) after this long, and closed
  // `connection_age_grace_ms` later with whatever calls it still carries.
  int connection_age_ms = 7200000;
  int connection_age_grace_ms = 600000;
  // A connection that has not completed its TLS handshake and sent HTTP/2 settings this long
  // after it was accepted is closed.
  int handshake_timeout_ms = 10000;
};

// The credentials for `tls`: insecure when no file is named, TLS with cert and key, mutual TLS
// with a client CA too. INVALID_ARGUMENT for an incomplete combination, FAILED_PRECONDITION for
// a file that cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(const TlsFiles& tls);

// INVALID_ARGUMENT naming the first limit that is not positive.
absl::Status ValidateLimits(const TransportLimits& limits);

// Sets `limits` on `builder`; call ValidateLimits first.
void ApplyLimits(const TransportLimits& limits, grpc::ServerBuilder& builder);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_TRANSPORT_H_
