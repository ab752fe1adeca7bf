// The import streams (ImportNeeds, ImportOfferings) as the use cases read them: each message
// of the client stream converted into a row (usecases/imports.h), and the summary back.
#ifndef TECHMATCH_SERVER_IMPORT_STREAM_H_
#define TECHMATCH_SERVER_IMPORT_STREAM_H_

#include <functional>
#include <utility>

#include "server/parsed_stream.h"
#include "techmatch/v1/common.pb.h"
#include "usecases/imports.h"

namespace techmatch::server {

// The rows of `reader`, each converted by `convert`.
template <typename Request, typename R>
class ImportRowReader final : public usecases::RowSource<usecases::ImportRow<R>> {
 public:
  using Convert = std::function<usecases::ImportRow<R>(const Request&)>;
  ImportRowReader(ParsingReader<Request>& reader, Convert convert)
      : reader_(reader), convert_(std::move(convert)) {}

  bool Next(usecases::ImportRow<R>& row) override {
    if (!reader_.Read(&message_)) return false;
    row = convert_(message_);
    return true;
  }
  // A message that does not parse names its position in the stream (parsed_stream.h).
  absl::Status status() const override { return reader_.status(); }

 private:
  ParsingReader<Request>& reader_;
  Convert convert_;
  Request message_;
};

void ImportSummaryToProto(const usecases::ImportSummary& summary, v1::ImportSummary& out);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_IMPORT_STREAM_H_
