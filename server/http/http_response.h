// Writes one HTTP/1.1 response to a connection: whole (Content-Length) or streamed (chunked,
// each piece sent as it is written), with the listener's common headers on every response.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_
#define TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/http/http_connection.h"
#include "server/http/http_request.h"

namespace techmatch::server::http {

// "Not Found" for 404, and so on ("" for a status without a phrase here).
absl::string_view ReasonPhrase(int status);

// Where a deferred response hands its connection back (the HttpServer that read the request).
class DeferralHost {
 public:
  virtual ~DeferralHost() = default;
  // A response of connection `id` is deferred: the connection waits, reading nothing more.
  virtual void Deferred(uint64_t id) = 0;
  // The deferred response of connection `id` is done. `unsent`: the part of it the socket did not
  // take at once, for a worker to write (the thread that answered must not wait on one client);
  // `keep_alive`: serve the connection on once that is written.
  virtual void Resume(uint64_t id, std::string unsent, bool keep_alive) = 0;
};

class DeferredResponse;

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

  // The server lets this response be deferred (`host` must outlive it).
  void AllowDefer(DeferralHost* host, uint64_t connection_id) {
    host_ = host;
    connection_id_ = connection_id;
  }
  // Takes this response out of the request's thread, to be sent later from any thread (when a
  // call completes): null when the server does not allow it or a response has started. The
  // connection reads nothing more until the returned response is destroyed.
  std::unique_ptr<DeferredResponse> Defer();
  // Writes never wait for the client: what the socket does not take at once is appended to
  // `unsent` (for a worker to write). Call before the response starts.
  void WriteWithoutWaiting(std::string* unsent) { unsent_ = unsent; }
  bool deferred() const { return deferred_; }

  // The client hung up (a long stream checks this while it waits for the next message).
  bool ClientGone() const { return connection_.PeerGone(); }

  bool keep_alive() const { return keep_alive_ && !failed_; }
  bool started() const { return started_; }
  bool failed() const { return failed_; }
  int status() const { return status_; }

 private:
  friend class DeferredResponse;

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
  DeferralHost* host_ = nullptr;
  uint64_t connection_id_ = 0;
  bool deferred_ = false;
  // Set in a deferred response: writes take what the socket accepts now and keep the rest here.
  std::string* unsent_ = nullptr;
};

// A response sent after its request's thread has moved on: Send or the stream calls through
// writer() from any one thread; destroying it hands the connection back to the server (with a
// 500 if nothing was sent). Writes never wait for the client: what the socket does not take at
// once is written by a server worker afterwards.
class DeferredResponse {
 public:
  DeferredResponse(const ResponseWriter& writer, DeferralHost& host, uint64_t connection_id);
  ~DeferredResponse();
  DeferredResponse(const DeferredResponse&) = delete;
  DeferredResponse& operator=(const DeferredResponse&) = delete;

  ResponseWriter& writer() { return writer_; }

 private:
  ResponseWriter writer_;
  DeferralHost& host_;
  const uint64_t connection_id_;
  std::string unsent_;
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_RESPONSE_H_
