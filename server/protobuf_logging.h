// Protobuf's own log lines go through the server's logger (spdlog) instead of protobuf's default
// handler, which writes them to stderr in a format of its own.
//
// One of them a client can cause at will: the parser's "String field '…' contains invalid UTF-8
// data when parsing a protocol buffer", once per malformed request — which the server already
// answers INVALID_ARGUMENT (server/malformed_request_interceptor.h). That line goes at debug
// level, so a client cannot fill the log with it; everything else keeps its severity.
#ifndef TECHMATCH_SERVER_PROTOBUF_LOGGING_H_
#define TECHMATCH_SERVER_PROTOBUF_LOGGING_H_

#include "absl/strings/string_view.h"
// Protobuf 3.21 declares LogLevel and SetLogHandler in its portability layer, "stubs/".
#include "google/protobuf/stubs/logging.h"
#include "spdlog/common.h"

namespace techmatch::server {

// The spdlog level for one protobuf log line.
spdlog::level::level_enum ProtobufLogLevel(google::protobuf::LogLevel level,
                                           absl::string_view message);

// Installs the handler, for the whole process (protobuf keeps one). Call once at start-up,
// before any thread that parses messages runs: protobuf's SetLogHandler is not thread-safe.
void RouteProtobufLogsToSpdlog();

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PROTOBUF_LOGGING_H_
