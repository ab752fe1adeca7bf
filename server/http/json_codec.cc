#include "server/http/json_codec.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace techmatch::server::http {
namespace {

constexpr absl::string_view kUrlPrefix = "type.googleapis.com";

std::string TypeUrl(absl::string_view full_name) {
  return absl::StrCat(kUrlPrefix, "/", full_name);
}

}  // namespace

JsonCodec::JsonCodec()
    : resolver_(google::protobuf::util::NewTypeResolverForDescriptorPool(
          std::string(kUrlPrefix), google::protobuf::DescriptorPool::generated_pool())) {}

JsonCodec::~JsonCodec() = default;

absl::StatusOr<std::string> JsonCodec::ToBinary(absl::string_view full_name,
                                                absl::string_view json) const {
  std::string binary;
  if (json.find_first_not_of(" \t\r\n") == absl::string_view::npos) return binary;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonToBinaryString(
      resolver_.get(), TypeUrl(full_name), google::protobuf::StringPiece(json.data(), json.size()),
      &binary, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("request is not valid JSON for ", full_name,
                                                   ": ", std::string(status.message())));
  }
  return binary;
}

absl::StatusOr<std::string> JsonCodec::ToJson(absl::string_view full_name,
                                              absl::string_view binary) const {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  const auto status = google::protobuf::util::BinaryToJsonString(
      resolver_.get(), TypeUrl(full_name), std::string(binary), &json, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("cannot write ", full_name, " as JSON: ", std::string(status.message())));
  }
  return json;
}

}  // namespace techmatch::server::http
