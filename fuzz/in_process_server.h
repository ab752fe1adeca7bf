// One techmatch server for a fuzz process: a fresh database in a temporary directory, seeded
// with a few records so that requests can refer to something that exists, and an in-process
// channel to it (no sockets). Every answer a fuzzer gets is checked by CheckStatus.
#ifndef TECHMATCH_FUZZ_IN_PROCESS_SERVER_H_
#define TECHMATCH_FUZZ_IN_PROCESS_SERVER_H_

#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"

namespace techmatch::fuzz {

// The process-wide server, started on first use (aborts when it cannot start).
std::shared_ptr<grpc::Channel> InProcessChannel();

// A client context with a deadline (and the credentials the server needs).
std::unique_ptr<grpc::ClientContext> NewContext();

// Aborts on UNKNOWN or INTERNAL, which a handler must never answer to malformed input
//, and on any code outside the documented set.
void CheckStatus(const grpc::Status& status, const std::string& method);

}  // namespace techmatch::fuzz

#endif  // TECHMATCH_FUZZ_IN_PROCESS_SERVER_H_
