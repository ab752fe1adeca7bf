#include "client/server_channel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "client/server_list.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "techmatch/v1/agreement.pb.h"
#include "techmatch/v1/audit.pb.h"
#include "techmatch/v1/commissioner.pb.h"
#include "techmatch/v1/event.pb.h"
#include "techmatch/v1/financing.pb.h"
#include "techmatch/v1/indicator.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/key.pb.h"
#include "techmatch/v1/match.pb.h"
#include "techmatch/v1/need.pb.h"
#include "techmatch/v1/offering.pb.h"
#include "techmatch/v1/organization.pb.h"
#include "techmatch/v1/project.pb.h"
#include "techmatch/v1/registration.pb.h"
#include "techmatch/v1/report.pb.h"
#include "techmatch/v1/session.pb.h"
#include "techmatch/v1/target.pb.h"
#include "techmatch/v1/thesaurus.pb.h"
#include "techmatch/v1/user.pb.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

ChannelTarget TargetFor(const std::string& flag) {
  absl::StatusOr<ServerList> servers = ParseServerList(flag);
  EXPECT_TRUE(servers.ok()) << servers.status();
  return ChannelTargetFor(*servers);
}

// The addresses of a target `scheme`ADDRESS,ADDRESS...; fails the test for another scheme.
std::vector<std::string> Addresses(const ChannelTarget& target, absl::string_view scheme) {
  absl::string_view list = target.target;
  EXPECT_TRUE(absl::ConsumePrefix(&list, scheme)) << target.target;
  if (scheme.empty()) {
    if (!absl::ConsumePrefix(&list, "ipv4:")) absl::ConsumePrefix(&list, "ipv6:");
  }
  return absl::StrSplit(list, ',');
}

bool HasServiceConfig(const ChannelTarget& target) {
  grpc_channel_args args = const_cast<grpc::ChannelArguments&>(target.arguments).c_channel_args();
  for (size_t i = 0; i < args.num_args; ++i) {
    if (std::string(args.args[i].key) == GRPC_ARG_SERVICE_CONFIG) return true;
  }
  return false;
}

TEST(ChannelTargetForTest, OneAddressOrUriGoesToGrpcAsBefore) {
  ChannelTarget one = TargetFor("tm.example.org:50051");
  EXPECT_EQ(one.target, "tm.example.org:50051");
  EXPECT_FALSE(HasServiceConfig(one));
  ChannelTarget uri = TargetFor("unix:/run/techmatch.sock");
  EXPECT_EQ(uri.target, "unix:/run/techmatch.sock");
  EXPECT_FALSE(HasServiceConfig(uri));
}

TEST(ChannelTargetForTest, SeveralIpv4) {
  ChannelTarget target = TargetFor("127.0.0.2:7000,127.0.0.1:50051,127.0.0.2:7001");
  EXPECT_THAT(Addresses(target, "ipv4:"),
              UnorderedElementsAre("127.0.0.1:50051", "127.0.0.2:7000", "127.0.0.2:7001"));
  EXPECT_TRUE(HasServiceConfig(target));
  EXPECT_THAT(target.unresolved, IsEmpty());
}

TEST(ChannelTargetForTest, MixedFamiliesAreOneIpv6Target) {
  ChannelTarget target = TargetFor("127.0.0.1:1,[::1]:2");
  EXPECT_THAT(Addresses(target, "ipv6:"), UnorderedElementsAre("[::1]:2", "[::ffff:127.0.0.1]:1"));
}

TEST(ChannelTargetForTest, TwoNamesOfOneServerGiveItOnePlace) {
  ChannelTarget target = TargetFor("localhost:7000,127.0.0.1:7000");
  const std::vector<std::string> addresses = Addresses(target, "");
  EXPECT_EQ(std::count_if(addresses.begin(), addresses.end(),
                          [](const std::string& address) {
                            return address == "127.0.0.1:7000" ||
                                   address == "[::ffff:127.0.0.1]:7000";
                          }),
            1)
      << target.target;
}

TEST(ChannelTargetForTest, OrderIsShuffledSoRunsStartOnDifferentServers) {
  std::set<std::string> firsts;
  for (int i = 0; i < 50 && firsts.size() < 2; ++i) {
    firsts.insert(Addresses(TargetFor("127.0.0.1:1,127.0.0.2:2"), "ipv4:").front());
  }
  EXPECT_EQ(firsts.size(), 2);
}

TEST(ChannelTargetForTest, UnresolvedNamesAreSkippedUntilNoneIsLeft) {
  ChannelTarget target = TargetFor("nowhere.invalid:1,127.0.0.1:2");
  EXPECT_EQ(target.target, "ipv4:127.0.0.1:2");
  ASSERT_EQ(target.unresolved.size(), 1);
  EXPECT_THAT(target.unresolved[0], HasSubstr("'nowhere.invalid:1'"));

  // None: the first as given, for gRPC to fail resolving at call time (UNAVAILABLE).
  ChannelTarget none = TargetFor("nowhere.invalid:1,nothere.invalid:2");
  EXPECT_EQ(none.target, "nowhere.invalid:1");
  EXPECT_EQ(none.unresolved.size(), 2);
  EXPECT_FALSE(HasServiceConfig(none));
}

// The methods of the config's retry policy, as "techmatch.v1.Service/Method".
std::set<std::string> RetriedMethods() {
  const std::string config = MultiServerServiceConfig();
  std::set<std::string> methods;
  const std::string service_key = R"("service": ")";
  const std::string method_key = R"("method": ")";
  for (size_t at = config.find(service_key); at != std::string::npos;
       at = config.find(service_key, at + 1)) {
    const size_t service = at + service_key.size();
    const size_t method = config.find(method_key, service) + method_key.size();
    methods.insert(config.substr(service, config.find('"', service) - service) + "/" +
                   config.substr(method, config.find('"', method) - method));
  }
  return methods;
}

TEST(MultiServerServiceConfigTest, RetriesEveryReadAndNoWrite) {
  // One message of each file, which also links its descriptor into this test.
  const google::protobuf::FileDescriptor* files[] = {
      techmatch::v1::Agreement::descriptor()->file(),
      techmatch::v1::AuditEvent::descriptor()->file(),
      techmatch::v1::Commissioner::descriptor()->file(),
      techmatch::v1::Event::descriptor()->file(),
      techmatch::v1::Financing::descriptor()->file(),
      techmatch::v1::Indicator::descriptor()->file(),
      techmatch::v1::Industry::descriptor()->file(),
      techmatch::v1::ApiKey::descriptor()->file(),
      techmatch::v1::MatchNeedRequest::descriptor()->file(),
      techmatch::v1::Need::descriptor()->file(),
      techmatch::v1::Offering::descriptor()->file(),
      techmatch::v1::Organization::descriptor()->file(),
      techmatch::v1::Project::descriptor()->file(),
      techmatch::v1::Application::descriptor()->file(),
      techmatch::v1::SummarizeAgreementsRequest::descriptor()->file(),
      techmatch::v1::Session::descriptor()->file(),
      techmatch::v1::Target::descriptor()->file(),
      techmatch::v1::ThesaurusEntry::descriptor()->file(),
      techmatch::v1::User::descriptor()->file(),
  };
  std::set<std::string> reads;
  int services = 0;
  for (const google::protobuf::FileDescriptor* file : files) {
    for (int s = 0; s < file->service_count(); ++s, ++services) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const std::string& name = service->method(m)->name();
        for (const char* read : {"Get", "List", "Match", "Watch", "Export", "Summarize"}) {
          if (absl::StartsWith(name, read)) reads.insert(service->full_name() + "/" + name);
        }
      }
    }
  }
  EXPECT_EQ(services, 19);
  EXPECT_THAT(reads, ::testing::Contains("techmatch.v1.MatchService/GetMeetingPlan"));
  EXPECT_EQ(RetriedMethods(), reads);
}

// A server of one IndustryService method that counts its calls and can fail them.
class FakeIndustries final : public techmatch::v1::IndustryService::Service {
 public:
  grpc::Status ListIndustries(grpc::ServerContext*, const techmatch::v1::ListIndustriesRequest*,
                              techmatch::v1::ListIndustriesResponse*) override {
    calls.fetch_add(1);
    if (fail) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "going away");
    return grpc::Status::OK;
  }
  grpc::Status CreateIndustry(grpc::ServerContext*, const techmatch::v1::CreateIndustryRequest*,
                              techmatch::v1::Industry*) override {
    creates.fetch_add(1);
    if (fail) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "going away");
    return grpc::Status::OK;
  }
  std::atomic<int> calls{0};
  std::atomic<int> creates{0};
  std::atomic<bool> fail{false};
};

struct FakeServer {
  FakeServer() {
    grpc::EnableDefaultHealthCheckService(true);  // "" is SERVING from the start.
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service);
    server = builder.BuildAndStart();
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port); }
  FakeIndustries service;
  int port = 0;
  std::unique_ptr<grpc::Server> server;
};

class SeveralServersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ChannelTarget target = TargetFor(a_.address() + "," + b_.address());
    stub_ = techmatch::v1::IndustryService::NewStub(grpc::CreateCustomChannel(
        target.target, grpc::InsecureChannelCredentials(), target.arguments));
  }
  grpc::Status Call() {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    techmatch::v1::ListIndustriesResponse response;
    return stub_->ListIndustries(&context, techmatch::v1::ListIndustriesRequest(), &response);
  }
  // Calls until `done` or 10 s; every call must succeed.
  template <typename Done>
  void CallUntil(Done done) {
    const absl::Time give_up = absl::Now() + absl::Seconds(10);
    while (!done() && absl::Now() < give_up) {
      grpc::Status status = Call();
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
  }

  FakeServer a_;
  FakeServer b_;
  std::unique_ptr<techmatch::v1::IndustryService::Stub> stub_;
};

TEST_F(SeveralServersTest, CallsAreSpreadOverServers) {
  CallUntil([&] { return a_.service.calls > 0 && b_.service.calls > 0; });
  EXPECT_GT(a_.service.calls, 0);
  EXPECT_GT(b_.service.calls, 0);
}

TEST_F(SeveralServersTest, NoCallsToAServerThatIsNotServing) {
  a_.server->GetHealthCheckService()->SetServingStatus("", false);
  int made = 0;
  CallUntil([&] { return ++made > 20; });
  EXPECT_EQ(a_.service.calls, 0);
  EXPECT_EQ(b_.service.calls, 20);
}

TEST_F(SeveralServersTest, UnavailableIsRetriedOnAnotherServer) {
  // Both ready first: while only one is, a retry can only go back to it.
  CallUntil([&] { return a_.service.calls > 0 && b_.service.calls > 0; });
  const int a_before = a_.service.calls;
  const int b_before = b_.service.calls;
  a_.service.fail = true;
  // Each call that fails on `a` is retried on `b`, and every call succeeds (CallUntil).
  CallUntil([&] { return a_.service.calls >= a_before + 3; });
  EXPECT_GE(a_.service.calls, a_before + 3);
  EXPECT_GE(b_.service.calls, b_before + 3);
}

TEST_F(SeveralServersTest, WritesAreNotRetried) {
  a_.service.fail = true;
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  int failed = 0;
  while (a_.service.creates == 0 && absl::Now() < give_up) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    techmatch::v1::Industry industry;
    grpc::Status status =
        stub_->CreateIndustry(&context, techmatch::v1::CreateIndustryRequest(), &industry);
    if (!status.ok()) {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
      ++failed;
    }
  }
  EXPECT_EQ(a_.service.creates, 1);
  EXPECT_EQ(failed, 1);  // The write A failed reached B neither.
}

TEST(SeveralServersDownTest, CallsFailAtOnceRatherThanWaitingForTheDeadline) {
  std::string addresses;
  {
    FakeServer a;
    FakeServer b;
    addresses = a.address() + "," + b.address();
  }  // Both stopped: nothing listens on their ports now.
  ChannelTarget target = TargetFor(addresses);
  auto stub = techmatch::v1::IndustryService::NewStub(grpc::CreateCustomChannel(
      target.target, grpc::InsecureChannelCredentials(), target.arguments));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  techmatch::v1::ListIndustriesResponse response;
  const absl::Time start = absl::Now();
  grpc::Status status =
      stub->ListIndustries(&context, techmatch::v1::ListIndustriesRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

}  // namespace
}  // namespace techmatch::client
