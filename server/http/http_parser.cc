#include "server/http/http_parser.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"

namespace techmatch::server::http {
namespace {

bool IsTokenChar(char c) {
  if (absl::ascii_isalnum(static_cast<unsigned char>(c))) return true;
  return absl::string_view("!#$%&'*+-.^_`|~").find(c) != absl::string_view::npos;
}

bool IsToken(absl::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

// The end of the head (just past its blank line) in `data`, or npos. Lines may end in CRLF or
// a bare LF, as RFC 9112 lets a recipient accept.
size_t HeadEnd(absl::string_view data) {
  size_t from = 0;
  while (true) {
    const size_t newline = data.find('\n', from);
    if (newline == absl::string_view::npos) return absl::string_view::npos;
    const size_t next = newline + 1;
    if (next < data.size() && data[next] == '\n') return next + 1;
    if (next + 1 < data.size() && data[next] == '\r' && data[next + 1] == '\n') return next + 2;
    if (next >= data.size() || (data[next] == '\r' && next + 1 >= data.size())) {
      return absl::string_view::npos;
    }
    from = next;
  }
}

HeadResult Fail(int status, std::string message) {
  return HeadResult{std::nullopt, HttpError{status, std::move(message)}};
}

}  // namespace

HeadResult ParseRequestHead(absl::string_view data, size_t max_head_bytes, HttpRequest& request) {
  const size_t end = HeadEnd(data.substr(0, std::min(data.size(), max_head_bytes + 2)));
  if (end == absl::string_view::npos || end > max_head_bytes) {
    if (data.size() >= max_head_bytes) {
      return Fail(431,
                  "request line and headers exceed " + std::to_string(max_head_bytes) + " bytes");
    }
    return {};
  }
  std::vector<absl::string_view> lines = absl::StrSplit(data.substr(0, end), '\n');
  for (absl::string_view& line : lines) absl::ConsumeSuffix(&line, "\r");
  // RFC 9112 §2.2: empty lines before the request line are ignored.
  size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  if (first >= lines.size()) return Fail(400, "empty request");

  const std::vector<absl::string_view> parts = absl::StrSplit(lines[first], ' ');
  if (parts.size() != 3 || !IsToken(parts[0])) return Fail(400, "malformed request line");
  request.method = std::string(parts[0]);
  const absl::string_view target = parts[1];
  if (target.empty() || target[0] != '/') return Fail(400, "request target must be a path");
  const size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  request.query = question == absl::string_view::npos ? std::string()
                                                      : std::string(target.substr(question + 1));
  if (parts[2] == "HTTP/1.1") {
    request.minor_version = 1;
  } else if (parts[2] == "HTTP/1.0") {
    request.minor_version = 0;
  } else if (absl::StartsWith(parts[2], "HTTP/")) {
    return Fail(505, "only HTTP/1.0 and HTTP/1.1 are served");
  } else {
    return Fail(400, "malformed request line");
  }

  request.headers.clear();
  ParsedHead head;
  head.size = end;
  std::optional<uint64_t> content_length;
  bool has_transfer_encoding = false;
  bool close = request.minor_version == 0;
  for (size_t i = first + 1; i < lines.size(); ++i) {
    const absl::string_view line = lines[i];
    if (line.empty()) continue;  // the blank line ending the head
    if (line[0] == ' ' || line[0] == '\t') return Fail(400, "folded header lines are refused");
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos || !IsToken(line.substr(0, colon))) {
      return Fail(400, "malformed header line");
    }
    std::string name = absl::AsciiStrToLower(line.substr(0, colon));
    const absl::string_view value = absl::StripAsciiWhitespace(line.substr(colon + 1));
    if (name == "content-length") {
      uint64_t length = 0;
      if (value.empty() || !std::all_of(value.begin(), value.end(), absl::ascii_isdigit) ||
          !absl::SimpleAtoi(value, &length) || (content_length && *content_length != length)) {
        return Fail(400, "malformed Content-Length");
      }
      content_length = length;
    } else if (name == "transfer-encoding") {
      if (!absl::EqualsIgnoreCase(value, "chunked") || has_transfer_encoding) {
        return Fail(501, "the only transfer coding accepted is chunked");
      }
      has_transfer_encoding = true;
    } else if (name == "connection") {
      for (absl::string_view token : absl::StrSplit(value, ',')) {
        token = absl::StripAsciiWhitespace(token);
        if (absl::EqualsIgnoreCase(token, "close")) close = true;
        if (absl::EqualsIgnoreCase(token, "keep-alive")) close = false;
      }
    } else if (name == "expect") {
      if (!absl::EqualsIgnoreCase(value, "100-continue")) {
        return Fail(417, "the only expectation met is 100-continue");
      }
      head.framing.expect_continue = true;
    }
    request.headers.emplace_back(std::move(name), std::string(value));
  }
  // Both framings at once is how requests are smuggled past proxies (RFC 9112 §6.3).
  if (has_transfer_encoding && content_length) {
    return Fail(400, "Content-Length together with Transfer-Encoding");
  }
  head.framing.chunked = has_transfer_encoding;
  head.framing.content_length = content_length.value_or(0);
  request.keep_alive = !close;
  return HeadResult{head, std::nullopt};
}

ChunkedDecoder::Result ChunkedDecoder::Feed(absl::string_view data, size_t& consumed,
                                            std::string& body) {
  consumed = 0;
  while (consumed < data.size()) {
    const absl::string_view rest = data.substr(consumed);
    switch (state_) {
      case State::kSize: {
        const size_t newline = rest.find('\n');
        if (newline == absl::string_view::npos) {
          return rest.size() > 1024 ? Result::kMalformed : Result::kNeedMore;
        }
        absl::string_view line = rest.substr(0, newline);
        absl::ConsumeSuffix(&line, "\r");
        line = line.substr(0, line.find(';'));  // chunk extensions are ignored
        line = absl::StripAsciiWhitespace(line);
        uint64_t size = 0;
        if (line.empty() || line.size() > 15 ||
            !std::all_of(line.begin(), line.end(), absl::ascii_isxdigit) ||
            !absl::SimpleHexAtoi(line, &size)) {
          return Result::kMalformed;
        }
        consumed += newline + 1;
        if (size == 0) {
          state_ = State::kTrailer;
        } else {
          if (body.size() + size > max_body_bytes_) return Result::kTooLarge;
          remaining_ = size;
          state_ = State::kData;
        }
        break;
      }
      case State::kData: {
        const size_t take = std::min<uint64_t>(remaining_, rest.size());
        body.append(rest.data(), take);
        consumed += take;
        remaining_ -= take;
        if (remaining_ == 0) state_ = State::kDataEnd;
        break;
      }
      case State::kDataEnd: {
        if (absl::StartsWith(rest, "\r\n")) {
          consumed += 2;
        } else if (rest[0] == '\n') {
          consumed += 1;
        } else if (rest == "\r") {
          return Result::kNeedMore;
        } else {
          return Result::kMalformed;
        }
        state_ = State::kSize;
        break;
      }
      case State::kTrailer: {
        // Trailer fields are read and dropped, up to the blank line.
        const size_t newline = rest.find('\n');
        if (newline == absl::string_view::npos) {
          return rest.size() > 8192 ? Result::kMalformed : Result::kNeedMore;
        }
        absl::string_view line = rest.substr(0, newline);
        absl::ConsumeSuffix(&line, "\r");
        consumed += newline + 1;
        if (line.empty()) return Result::kDone;
        break;
      }
    }
  }
  return Result::kNeedMore;
}

std::string MediaType(absl::string_view content_type) {
  return absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(content_type.substr(0, content_type.find(';'))));
}

std::optional<std::string> PercentDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size() || !absl::ascii_isxdigit(text[i + 1]) ||
        !absl::ascii_isxdigit(text[i + 2])) {
      return std::nullopt;
    }
    int value = 0;
    for (const char c : text.substr(i + 1, 2)) {
      value = value * 16 + (absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10);
    }
    out.push_back(static_cast<char>(value));
    i += 2;
  }
  return out;
}

}  // namespace techmatch::server::http
