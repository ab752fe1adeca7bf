#include "server/http/http_response.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace techmatch::server::http {

absl::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 499:
      return "Client Closed Request";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "";
  }
}

ResponseWriter::ResponseWriter(Connection& connection, const HttpRequest& request,
                               const HeaderList& common_headers, absl::Duration write_timeout)
    : connection_(connection),
      common_headers_(common_headers),
      write_timeout_(write_timeout),
      head_only_(request.method == "HEAD"),
      http10_(request.minor_version == 0),
      keep_alive_(request.keep_alive) {}

void ResponseWriter::AppendHead(int status, const HeaderList& headers, std::string& out) const {
  absl::StrAppend(&out, http10_ ? "HTTP/1.0 " : "HTTP/1.1 ", status, " ", ReasonPhrase(status),
                  "\r\n");
  for (const HeaderList* list : {&common_headers_, &headers}) {
    for (const auto& [name, value] : *list) absl::StrAppend(&out, name, ": ", value, "\r\n");
  }
  if (!keep_alive_) {
    out += "Connection: close\r\n";
  } else if (http10_) {
    out += "Connection: keep-alive\r\n";
  }
}

bool ResponseWriter::Write(absl::string_view data) {
  if (failed_) return false;
  if (unsent_ != nullptr) {
    // Deferred: never wait here; what the socket does not take now waits in order for a worker.
    if (unsent_->empty()) {
      const int64_t written = connection_.TryWrite(data);
      if (written < 0) {
        failed_ = true;
        keep_alive_ = false;
        return false;
      }
      data.remove_prefix(static_cast<size_t>(written));
    }
    unsent_->append(data.data(), data.size());
    return true;
  }
  if (!connection_.Write(data, absl::Now() + write_timeout_)) {
    failed_ = true;
    keep_alive_ = false;
  }
  return !failed_;
}

bool ResponseWriter::Send(int status, const HeaderList& headers, absl::string_view body) {
  if (started_) return false;
  started_ = true;
  status_ = status;
  std::string out;
  out.reserve(512 + (head_only_ ? 0 : body.size()));
  AppendHead(status, headers, out);
  absl::StrAppend(&out, "Content-Length: ", body.size(), "\r\n\r\n");
  if (!head_only_) out.append(body.data(), body.size());
  return Write(out);
}

std::unique_ptr<DeferredResponse> ResponseWriter::Defer() {
  if (host_ == nullptr || started_ || deferred_) return nullptr;
  deferred_ = true;
  host_->Deferred(connection_id_);
  return std::make_unique<DeferredResponse>(*this, *host_, connection_id_);
}

bool ResponseWriter::StartStream(int status, const HeaderList& headers) {
  if (started_) return false;
  started_ = true;
  status_ = status;
  // HTTP/1.0 has no chunked coding: the body ends when the connection does.
  if (http10_) keep_alive_ = false;
  chunked_ = !http10_;
  std::string out;
  AppendHead(status, headers, out);
  if (chunked_) out += "Transfer-Encoding: chunked\r\n";
  out += "\r\n";
  return Write(out);
}

bool ResponseWriter::WriteChunk(absl::string_view data) {
  if (!started_ || data.empty() || head_only_) return !failed_;
  if (!chunked_) return Write(data);
  std::string out = absl::StrCat(absl::Hex(data.size()), "\r\n");
  out.append(data.data(), data.size());
  out += "\r\n";
  return Write(out);
}

bool ResponseWriter::FinishStream() {
  if (!started_ || !chunked_ || head_only_) return !failed_;
  return Write("0\r\n\r\n");
}

DeferredResponse::DeferredResponse(const ResponseWriter& writer, DeferralHost& host,
                                   uint64_t connection_id)
    : writer_(writer), host_(host), connection_id_(connection_id) {
  writer_.host_ = nullptr;
  writer_.deferred_ = false;
  writer_.unsent_ = &unsent_;
}

DeferredResponse::~DeferredResponse() {
  if (!writer_.started()) {
    writer_.CloseAfter();
    writer_.Send(500, {{"Content-Type", "text/plain; charset=utf-8"}}, "no response\n");
  }
  host_.Resume(connection_id_, writer_.failed() ? std::string() : std::move(unsent_),
               writer_.keep_alive());
}

}  // namespace techmatch::server::http
