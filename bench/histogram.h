// A latency histogram with bounded relative error (log-linear buckets, 128 per power of two:
// under 1% error), cheap enough to record every call of a load run.
#ifndef TECHMATCH_BENCH_HISTOGRAM_H_
#define TECHMATCH_BENCH_HISTOGRAM_H_

#include <cstdint>
#include <vector>

namespace techmatch::bench {

class Histogram {
 public:
  Histogram() : buckets_(kExponents * kSubBuckets, 0) {}

  void Record(int64_t nanos) {
    if (nanos < 0) nanos = 0;
    ++buckets_[Index(static_cast<uint64_t>(nanos))];
    ++count_;
  }
  void Merge(const Histogram& other) {
    for (size_t i = 0; i < buckets_.size(); ++i) buckets_[i] += other.buckets_[i];
    count_ += other.count_;
  }
  uint64_t count() const { return count_; }

  // The value at quantile q (0..1), as the upper edge of its bucket; 0 when empty.
  int64_t Quantile(double q) const {
    if (count_ == 0) return 0;
    const uint64_t rank = static_cast<uint64_t>(q * static_cast<double>(count_ - 1)) + 1;
    uint64_t seen = 0;
    for (size_t i = 0; i < buckets_.size(); ++i) {
      seen += buckets_[i];
      if (seen >= rank) return static_cast<int64_t>(UpperEdge(i));
    }
    return static_cast<int64_t>(UpperEdge(buckets_.size() - 1));
  }

 private:
  static constexpr int kSubBits = 7;
  static constexpr uint64_t kSubBuckets = 1u << kSubBits;
  static constexpr int kExponents = 64 - kSubBits + 1;

  // Values below 2^(kSubBits+1) have a bucket each; above, the top kSubBits+1 bits choose it.
  static size_t Index(uint64_t v) {
    if (v < 2 * kSubBuckets) return static_cast<size_t>(v);
    const int exponent = 63 - __builtin_clzll(v) - kSubBits;  // >= 1
    const uint64_t mantissa = (v >> exponent) - kSubBuckets;  // 0..kSubBuckets-1
    return static_cast<size_t>(exponent + 1) * kSubBuckets + static_cast<size_t>(mantissa);
  }
  static uint64_t UpperEdge(size_t index) {
    if (index < 2 * kSubBuckets) return index;
    const uint64_t exponent = index / kSubBuckets - 1;
    const uint64_t mantissa = index % kSubBuckets;
    return ((kSubBuckets + mantissa + 1) << exponent) - 1;
  }

  std::vector<uint64_t> buckets_;
  uint64_t count_ = 0;
};

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_HISTOGRAM_H_
