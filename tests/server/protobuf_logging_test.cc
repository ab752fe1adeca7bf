// Protobuf's log lines through spdlog: a malformed request's UTF-8 complaint at debug level
// (a client causes it at will), everything else at its own severity.
#include "server/protobuf_logging.h"

#include <memory>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "spdlog/sinks/ostream_sink.h"
#include "spdlog/spdlog.h"
#include "techmatch/v1/need.pb.h"

namespace techmatch::server {
namespace {

using ::testing::HasSubstr;

TEST(ProtobufLoggingTest, LevelsKeepTheirSeverityButTheClientsUtf8Complaint) {
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_ERROR,
                             "String field 'techmatch.v1.Need.title' contains invalid UTF-8 data "
                             "when parsing a protocol buffer. Use the 'bytes' type if you intend "
                             "to send raw bytes. "),
            spdlog::level::debug);
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_ERROR,
                             "String field 'techmatch.v1.Need.title' contains invalid UTF-8 data "
                             "when serializing a protocol buffer."),
            spdlog::level::err);
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_ERROR, "anything else"),
            spdlog::level::err);
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_WARNING, "w"), spdlog::level::warn);
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_INFO, "i"), spdlog::level::info);
  EXPECT_EQ(ProtobufLogLevel(google::protobuf::LOGLEVEL_FATAL, "f"), spdlog::level::critical);
}

TEST(ProtobufLoggingTest, ParsingAMalformedMessageLogsOneDebugLineThroughSpdlog) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%l|%v");
  logger->set_level(spdlog::level::trace);
  const std::shared_ptr<spdlog::logger> previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  google::protobuf::LogHandler* const protobuf_default = google::protobuf::SetLogHandler(nullptr);
  RouteProtobufLogsToSpdlog();

  v1::Need need;
  need.set_title("bad \xff title");
  const std::string bytes = need.SerializeAsString();  // logs "when serializing" (error)
  out.str("");
  v1::Need parsed;
  EXPECT_FALSE(parsed.ParseFromString(bytes));

  google::protobuf::SetLogHandler(protobuf_default);
  spdlog::set_default_logger(previous);
  EXPECT_THAT(out.str(), HasSubstr("debug|protobuf ("));
  EXPECT_THAT(out.str(), HasSubstr("invalid UTF-8 data when parsing"));
}

}  // namespace
}  // namespace techmatch::server
