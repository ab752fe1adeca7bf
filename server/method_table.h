// Which RPC a call is, found from its request message instead of a path typed by hand: every
// RPC of techmatch's services takes a request message of its own, named after it (buf lint's
// RPC_REQUEST_STANDARD_NAME, proto/buf.yaml), so the request's descriptor names the method.
// The table is built once from the generated service descriptors (a request type shared by
// two methods aborts the start); a lookup hashes a descriptor pointer.
#ifndef TECHMATCH_SERVER_METHOD_TABLE_H_
#define TECHMATCH_SERVER_METHOD_TABLE_H_

#include <string>
#include <vector>

#include "core/auth/permissions.h"
#include "google/protobuf/descriptor.h"

namespace techmatch::server {

struct Method {
  const google::protobuf::MethodDescriptor* descriptor;
  std::string path;        // "/techmatch.v1.NeedService/CreateNeed", as gRPC names it
  const MethodRule* rule;  // From core/auth/permissions.h; null when it has none (denied).
};

// The method taking `request` as its request message, or null for a message no method takes.
const Method* MethodOf(const google::protobuf::Descriptor* request);

// The index of the method taking `request` among its service's methods: their order in the
// .proto, which is the order the generated grpc::Service registers them in. Aborts when no
// method takes `request`.
int MethodIndexOf(const google::protobuf::Descriptor* request);

// The services the server serves (those whose generated code the binary links).
const std::vector<const google::protobuf::ServiceDescriptor*>& ServedServices();

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_METHOD_TABLE_H_
