// Turning a failed RPC into text a person can act on (AIP-193 rich errors).
#ifndef TECHMATCH_CLIENT_STATUS_REPORT_H_
#define TECHMATCH_CLIENT_STATUS_REPORT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"
#include "grpcpp/support/status.h"

namespace techmatch::client {

// "INVALID_ARGUMENT", "NOT_FOUND", ...
std::string StatusCodeName(grpc::StatusCode code);

// The field violations carried in the status details (`grpc-status-details-bin` decoded as
// google.rpc.Status, BadRequest unpacked from its details); empty when there are none.
std::vector<google::rpc::BadRequest::FieldViolation> FieldViolationsOf(const grpc::Status& status);

// "error: INVALID_ARGUMENT: <message>" then one "  <field>: <description>" line per field
// violation, and the ErrorInfo reason when the server sent one.
std::string DescribeStatus(const grpc::Status& status);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_STATUS_REPORT_H_
