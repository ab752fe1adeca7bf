// The cap on open gRPC connections, total and per client address, for the server binary.
//
// gRPC 1.51 has no such limit, and its accept loop stops for good after an accept4() failure
// other than EAGAIN/ECONNABORTED: a flood of idle connections that uses up the descriptors
// (EMFILE) leaves the server alive but deaf. gRPC's own accept must stay in charge (TLS, the
// HTTP/2 handshake), so the binary interposes accept4() and close() (connection_cap.cc defines
// them; only the techmatch-server executable links it, so tests and tools keep libc's): on the
// listening sockets of the gRPC port, a connection over either cap is accepted and closed at
// once, before gRPC sees it; an accept4() that finds no descriptor free accepts and closes the
// pending connection through a reserved descriptor; and gRPC is only ever told EAGAIN, which
// its loop waits out. The real functions are found with dlsym(RTLD_NEXT), so ASan's
// interceptors still run beneath.
#ifndef TECHMATCH_SERVER_CONNECTION_CAP_H_
#define TECHMATCH_SERVER_CONNECTION_CAP_H_

#include <cstdint>

#include "absl/status/status.h"

namespace techmatch::server {

struct ConnectionCapStats {
  int64_t open = 0;     // connections open now
  int64_t peak = 0;     // most open at once
  int64_t refused = 0;  // accepted and closed at once: over a cap, or out of descriptors
};

// Raises RLIMIT_NOFILE's soft limit to the hard limit and returns the soft limit now.
int64_t RaiseDescriptorLimit();

// Caps the connections accepted on the listening sockets bound to TCP `port` at `max_total`
// (lowered to half of the descriptor limit `descriptor_limit` when above it, so that the rest
// stays for the database, the HTTP listener and gRPC's own) and at `max_per_address` from one
// client address. Call once, after gRPC is listening. FAILED_PRECONDITION when no listening
// socket of `port` is found.
absl::Status CapConnections(int port, int max_total, int max_per_address, int64_t descriptor_limit);

ConnectionCapStats GetConnectionCapStats();

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_CONNECTION_CAP_H_
