// Splitting one fuzz input into the pieces a target needs, so that libFuzzer's mutations of
// any byte stay meaningful.
#ifndef TECHMATCH_FUZZ_FUZZ_INPUT_H_
#define TECHMATCH_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace techmatch::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}

  // One byte (0 when the input is used up).
  uint8_t Byte() { return position_ < size_ ? static_cast<uint8_t>(data_[position_++]) : 0; }
  // Bytes up to (not including) the next NUL, which is consumed.
  std::string UntilNul() {
    std::string out;
    while (position_ < size_ && data_[position_] != '\0') out.push_back(data_[position_++]);
    if (position_ < size_) ++position_;
    return out;
  }
  // Everything not yet consumed.
  std::string Rest() {
    std::string out(data_ + position_, size_ - position_);
    position_ = size_;
    return out;
  }
  bool empty() const { return position_ >= size_; }

 private:
  const char* data_;
  size_t size_;
  size_t position_ = 0;
};

}  // namespace techmatch::fuzz

#endif  // TECHMATCH_FUZZ_FUZZ_INPUT_H_
