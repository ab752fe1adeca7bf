#include "client/session.h"

#include <chrono>
#include <utility>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace techmatch::client {

Session::Session(std::string target, absl::Duration timeout,
                 std::shared_ptr<grpc::ChannelCredentials> credentials, std::string token)
    : target_(std::move(target)),
      timeout_(timeout),
      credentials_(std::move(credentials)),
      authorization_(token.empty() ? "" : "Bearer " + token) {}

std::unique_ptr<grpc::ClientContext> Session::NewContext(double scale) const {
  return NewContextFor(timeout_ * scale);
}

std::unique_ptr<grpc::ClientContext> Session::NewContextFor(absl::Duration duration) const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (duration != absl::InfiniteDuration()) {
    context->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(duration));
  }
  // Metadata rather than call credentials: gRPC sends call credentials only over TLS, and the
  // server may listen in plain TCP on a trusted network.
  if (!authorization_.empty()) context->AddMetadata("authorization", authorization_);
  return context;
}

const std::shared_ptr<grpc::Channel>& Session::channel() {
  if (channel_ == nullptr) {
    channel_ = grpc::CreateChannel(target_, credentials_);
  }
  return channel_;
}

}  // namespace techmatch::client
