// Protobuf's canonical JSON mapping (proto3 JSON names, unknown fields refused) for the
// messages of the generated descriptor pool, converting straight between JSON text and the
// binary wire form the in-process channel carries: no message object in between.
#ifndef TECHMATCH_SERVER_HTTP_JSON_CODEC_H_
#define TECHMATCH_SERVER_HTTP_JSON_CODEC_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/util/type_resolver.h"

namespace techmatch::server::http {

class JsonCodec {
 public:
  JsonCodec();
  ~JsonCodec();

  // The binary form of the JSON `json` of message type `full_name` ("techmatch.v1.Need").
  // INVALID_ARGUMENT for malformed JSON, an unknown field or a value of the wrong kind.
  // Empty text is the empty message.
  absl::StatusOr<std::string> ToBinary(absl::string_view full_name, absl::string_view json) const;
  // The JSON of the binary message `binary` (fields at their default left out).
  absl::StatusOr<std::string> ToJson(absl::string_view full_name, absl::string_view binary) const;

 private:
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver_;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_JSON_CODEC_H_
