// The method table and the rule table agree both ways: every method of every techmatch service
// in the descriptor pool is found from its request message and has an access rule, and every
// rule names a real method. (security_test.cc checks the same against what a running server
// registers.)
#include "server/method_table.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/auth/permissions.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "gtest/gtest.h"
#include "techmatch/v1/need.pb.h"

namespace techmatch::server {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;

// Every service of package techmatch.* compiled into this binary.
std::vector<const ServiceDescriptor*> TechmatchServicesInThePool() {
  std::vector<std::string> files;
  EXPECT_TRUE(DescriptorPool::internal_generated_database()->FindAllFileNames(&files));
  std::vector<const ServiceDescriptor*> services;
  for (const std::string& name : files) {
    const google::protobuf::FileDescriptor* file =
        DescriptorPool::generated_pool()->FindFileByName(name);
    if (file == nullptr || !absl::StartsWith(file->package(), "techmatch.")) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  return services;
}

TEST(MethodTableTest, EveryMethodInThePoolIsFoundByItsRequestAndHasARule) {
  const std::vector<const ServiceDescriptor*> services = TechmatchServicesInThePool();
  ASSERT_GE(services.size(), 9u);
  const std::set<const ServiceDescriptor*> served(ServedServices().begin(), ServedServices().end());
  size_t methods = 0;
  for (const ServiceDescriptor* service : services) {
    EXPECT_TRUE(served.count(service)) << service->full_name() << " is not served";
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      const Method* found = MethodOf(method->input_type());
      ASSERT_NE(found, nullptr) << method->full_name();
      EXPECT_EQ(found->descriptor, method);
      EXPECT_EQ(found->path, absl::StrCat("/", service->full_name(), "/", method->name()));
      EXPECT_NE(found->rule, nullptr)
          << found->path << " has no rule in core/auth/permissions.cc: everyone is refused";
      EXPECT_EQ(found->rule, FindMethodRule(found->path));
      ++methods;
    }
  }
  EXPECT_EQ(methods, MethodRules().size());
}

TEST(MethodTableTest, EveryRuleNamesARealMethod) {
  for (const NamedRule& named : MethodRules()) {
    // "/package.Service/Method"
    const size_t slash = named.method.rfind('/');
    ASSERT_TRUE(slash != std::string::npos && slash > 1) << named.method;
    const ServiceDescriptor* service =
        DescriptorPool::generated_pool()->FindServiceByName(named.method.substr(1, slash - 1));
    ASSERT_NE(service, nullptr) << "rule for an unknown service: " << named.method;
    const MethodDescriptor* method = service->FindMethodByName(named.method.substr(slash + 1));
    ASSERT_NE(method, nullptr) << "rule for an unknown method: " << named.method;
    const Method* found = MethodOf(method->input_type());
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->path, named.method);
  }
}

TEST(MethodTableTest, MessagesNoMethodTakesAreNotMethods) {
  EXPECT_EQ(MethodOf(v1::Need::descriptor()), nullptr);
  EXPECT_EQ(MethodOf(v1::ListNeedsResponse::descriptor()), nullptr);
  ASSERT_NE(MethodOf(v1::ListNeedsRequest::descriptor()), nullptr);
  EXPECT_EQ(MethodOf(v1::ListNeedsRequest::descriptor())->path,
            "/techmatch.v1.NeedService/ListNeeds");
}

}  // namespace
}  // namespace techmatch::server
