#include "server/protobuf_logging.h"

#include <string>

#include "absl/strings/match.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace {

void LogThroughSpdlog(google::protobuf::LogLevel level, const char* filename, int line,
                      const std::string& message) {
  spdlog::log(ProtobufLogLevel(level, message), "protobuf ({}:{}): {}", filename, line, message);
}

}  // namespace

spdlog::level::level_enum ProtobufLogLevel(google::protobuf::LogLevel level,
                                           absl::string_view message) {
  switch (level) {
    case google::protobuf::LOGLEVEL_INFO:
      return spdlog::level::info;
    case google::protobuf::LOGLEVEL_WARNING:
      return spdlog::level::warn;
    case google::protobuf::LOGLEVEL_ERROR:
      // A request that does not parse is the client's doing and gets its answer; the same
      // words "when serializing" would be the server's own fault and stay an error.
      if (absl::StrContains(message, "invalid UTF-8 data when parsing")) {
        return spdlog::level::debug;
      }
      return spdlog::level::err;
    case google::protobuf::LOGLEVEL_FATAL:
      return spdlog::level::critical;
  }
  return spdlog::level::err;
}

void RouteProtobufLogsToSpdlog() { google::protobuf::SetLogHandler(&LogThroughSpdlog); }

}  // namespace techmatch::server
