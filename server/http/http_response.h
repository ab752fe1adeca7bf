// Writes one HTTP/1.1 response to a connection: whole (Content-Length) or streamed (chunked,
// each piece sent as it is written), with the listener's common headers on every response.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_
#define TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/http/http_connection.h"
#include "server/http/http_request.h"

namespace techmatch::server::http {

// "Not Found" for 404, and so on ("" for a status without a phrase here).
absl::string_view ReasonPhrase(int status);

class ResponseWriter {
 public:
  ResponseWriter(Connection& connection, const HttpRequest& request,
                 const HeaderList& common_headers, absl::Duration write_timeout);

  // A whole response. For HEAD the body is not sent (Content-Length still gives its size).
  // False when the client did not take it within the write timeout (the connection is then
  // closed).
  bool Send(int status, const HeaderList& headers, absl::string_view body);

  // A response whose body follows in pieces, each sent at once: StartStream, WriteChunk...,
  // FinishStream. Chunked under HTTP/1.1; under HTTP/1.0 the body runs to the connection's
  // close.
  bool StartStream(int status, const HeaderList& headers);
  bool WriteChunk(absl::string_view data);
  bool FinishStream();

  // The connection is closed after this response (its request was not read whole, or the
  // server is stopping). Call before the response starts.
  void CloseAfter() { keep_alive_ = false; }

  // The client hung up (a long stream checks this while it waits for the next message).
  bool ClientGone() const { return connection_.PeerGone(); }

  bool keep_alive() const { return keep_alive_ && !failed_; }
  bool started() const { return started_; }
  bool failed() const { return failed_; }
  int status() const { return status_; }

 private:
  void AppendHead(int status, const HeaderList& headers, std::string& out) const;
  bool Write(absl::string_view data);

  Connection& connection_;
  const HeaderList& common_headers_;
  absl::Duration write_timeout_;
  bool head_only_;
  bool http10_;
  bool keep_alive_;
  bool started_ = false;
  bool chunked_ = false;
  bool failed_ = false;
  int status_ = 0;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_
