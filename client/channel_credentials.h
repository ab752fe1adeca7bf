// The credentials of the CLI's channel: plaintext, TLS (verifying the server against a CA), or
// mutual TLS (also presenting a client certificate).
#ifndef TECHMATCH_CLIENT_CHANNEL_CREDENTIALS_H_
#define TECHMATCH_CLIENT_CHANNEL_CREDENTIALS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/security/credentials.h"

namespace techmatch::client {

// PEM files; all empty means plaintext.
struct TlsFiles {
  std::string ca_file;    // CA that signed the server's certificate (system roots when empty).
  std::string cert_file;  // Client certificate chain, for mutual TLS; needs key_file.
  std::string key_file;
};

// Plaintext when no file is named, TLS otherwise. INVALID_ARGUMENT when only one of cert and
// key is named, FAILED_PRECONDITION when a file cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ChannelCredentialsFor(
    const TlsFiles& tls);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_CHANNEL_CREDENTIALS_H_
