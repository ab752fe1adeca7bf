// Checks every request message's shape before anything is converted or looked up: each list
// (repeated field, at any depth) holds at most its documented number of entries, and each enum
// field holds a value its enum defines. Walks the message's descriptor, so a field added later
// is covered without a change here.
#ifndef TECHMATCH_SERVER_REQUEST_BOUNDS_H_
#define TECHMATCH_SERVER_REQUEST_BOUNDS_H_

#include <cstddef>

#include "absl/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace techmatch::server {

// The most entries `field` may hold in a request (README, "Limits").
size_t MaxEntries(const google::protobuf::FieldDescriptor& field);

// OK, or INVALID_ARGUMENT naming each oversized list (whose entries are then not looked at)
// and each enum field holding an undefined number.
absl::Status CheckRequestBounds(const google::protobuf::Message& request);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_REQUEST_BOUNDS_H_
