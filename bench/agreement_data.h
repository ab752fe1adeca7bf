// The agreements summarize_bench loads, generated deterministically (seed 42) and handed to a
// sink row by row, so that the SQLite and the PostgreSQL loads hold the same data: 600
// universities and institutes, 3,000 enterprises and 60 government bodies in 40 regions, 12
// events, then the agreements (5% framework agreements, the rest technology contracts; 1-2
// industries and 2-3 parties each; six amounts of up to 100億元; sign times over five years).
#ifndef TECHMATCH_BENCH_AGREEMENT_DATA_H_
#define TECHMATCH_BENCH_AGREEMENT_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace techmatch::bench {

struct GeneratedAgreement {
  std::string id;
  std::string kind;
  // (organization id, role) in position order.
  std::vector<std::pair<std::string, std::string>> parties;
  std::optional<std::string> event_id;
  std::vector<std::string> industries;
  int64_t sign_time_nanos = 0;
  int64_t sign_month = 0;
  // contract_amount, total_investment, expected_sales_revenue, expected_profit_tax,
  // realized_output_value, realized_profit_tax: the columns' order.
  std::optional<int64_t> amounts[6];
  std::string state;
};

class AgreementSink {
 public:
  virtual ~AgreementSink() = default;
  virtual void Organization(const std::string& id, const char* kind,
                            const std::string& region_code) = 0;
  virtual void Event(const std::string& id) = 0;
  virtual void Agreement(const GeneratedAgreement& agreement) = 0;
};

// The organizations, then the events, then `count` agreements a00000000, a00000001, ...
void GenerateAgreements(int64_t count, AgreementSink& sink);

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_AGREEMENT_DATA_H_
