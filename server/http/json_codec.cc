#include "server/http/json_codec.h"

#include "absl/container/flat_hash_map.h"
#include "absl/memory/memory.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/type.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace techmatch::server::http {
namespace {

constexpr absl::string_view kUrlPrefix = "type.googleapis.com";

std::string TypeUrl(absl::string_view full_name) {
  return absl::StrCat(kUrlPrefix, "/", full_name);
}

// Protobuf's JSON converter asks its resolver for every message and enum type it meets, on
// every call, and the descriptor-pool resolver builds a google.protobuf.Type from the
// descriptor each time (names, type URLs, JSON names, options: dozens of allocations for a
// Need). This one builds each type once and hands out copies.
class CachingTypeResolver final : public google::protobuf::util::TypeResolver {
 public:
  explicit CachingTypeResolver(std::unique_ptr<TypeResolver> resolver)
      : resolver_(std::move(resolver)) {}

  google::protobuf::util::Status ResolveMessageType(const std::string& type_url,
                                                    google::protobuf::Type* type) override {
    return Resolve(type_url, types_, type, &TypeResolver::ResolveMessageType);
  }
  google::protobuf::util::Status ResolveEnumType(const std::string& type_url,
                                                 google::protobuf::Enum* type) override {
    return Resolve(type_url, enums_, type, &TypeResolver::ResolveEnumType);
  }

 private:
  template <typename T>
  google::protobuf::util::Status Resolve(
      const std::string& type_url, absl::flat_hash_map<std::string, std::unique_ptr<T>>& cache,
      T* out, google::protobuf::util::Status (TypeResolver::*resolve)(const std::string&, T*)) {
    {
      absl::ReaderMutexLock lock(&mu_);
      if (const auto it = cache.find(type_url); it != cache.end()) {
        *out = *it->second;
        return google::protobuf::util::Status();
      }
    }
    auto built = std::make_unique<T>();
    // Only URLs that resolve are kept, so the cache holds at most the pool's types.
    google::protobuf::util::Status status = (resolver_.get()->*resolve)(type_url, built.get());
    if (!status.ok()) return status;
    *out = *built;
    absl::MutexLock lock(&mu_);
    cache.try_emplace(type_url, std::move(built));
    return status;
  }

  std::unique_ptr<TypeResolver> resolver_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<google::protobuf::Type>> types_
      ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::unique_ptr<google::protobuf::Enum>> enums_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace

JsonCodec::JsonCodec()
    : resolver_(std::make_unique<CachingTypeResolver>(
          absl::WrapUnique(google::protobuf::util::NewTypeResolverForDescriptorPool(
              std::string(kUrlPrefix), google::protobuf::DescriptorPool::generated_pool())))) {}

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
