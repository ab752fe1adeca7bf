#include "bench/analysed_offerings.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "bench/generators/offering_generator.h"

namespace techmatch::bench {
namespace {

constexpr uint64_t kSeed = 20260101;

void WriteString(std::ofstream& out, const std::string& s) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(s.data(), n);
}

std::string ReadString(std::ifstream& in) {
  uint32_t n = 0;
  in.read(reinterpret_cast<char*>(&n), sizeof n);
  std::string s(n, '\0');
  in.read(s.data(), n);
  return s;
}

template <typename T>
void WritePod(std::ofstream& out, T v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
T ReadPod(std::ifstream& in) {
  T v{};
  in.read(reinterpret_cast<char*>(&v), sizeof v);
  return v;
}

void WriteDoc(std::ofstream& out, const MatchProfile& p, const AnalyzedText& text) {
  WriteString(out, p.id);
  WriteString(out, p.owner_id);
  WritePod<uint32_t>(out, static_cast<uint32_t>(p.industry_codes.size()));
  for (const auto& c : p.industry_codes) WriteString(out, c);
  WritePod<uint32_t>(out, static_cast<uint32_t>(p.event_ids.size()));
  for (const auto& e : p.event_ids) WriteString(out, e);
  WritePod<uint8_t>(out, p.cooperation_modes);
  WritePod<int32_t>(out, p.trl);
  WritePod<int64_t>(out, p.amount_minor.value_or(-1));
  WritePod<int32_t>(out, text.length);
  WritePod<uint32_t>(out, static_cast<uint32_t>(text.terms.size()));
  for (const AnalyzedTerm& t : text.terms) {
    WriteString(out, t.term);
    WritePod<int32_t>(out, t.count);
  }
}

}  // namespace

absl::StatusOr<std::string> EnsureAnalysedOfferings(const std::string& dir, size_t count) {
  std::filesystem::create_directories(dir);
  const std::string path = absl::StrCat(dir, "/offerings-", kSeed, "-", count, ".bin");
  if (std::filesystem::exists(path)) return path;
  auto analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  auto generator = OfferingGenerator::Create(kSeed);
  if (!generator.ok()) return generator.status();
  const std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  for (size_t i = 0; i < count; ++i) {
    const Offering o = (*generator)->MakeOffering(i);
    WriteDoc(out, ProfileOfOffering(o), (*analyzer)->Analyze(MatchText(o.listing)));
    if ((i + 1) % 100000 == 0) std::fprintf(stderr, "  analysed %zu\n", i + 1);
  }
  out.close();
  std::filesystem::rename(tmp, path);
  return path;
}

AnalysedOfferingReader::AnalysedOfferingReader(const std::string& path, size_t count)
    : path_(path), count_(count), in_(path, std::ios::binary) {}

void AnalysedOfferingReader::Next(MatchProfile& p, AnalyzedText& text) {
  if (position_ == count_) {
    in_.close();
    in_.open(path_, std::ios::binary);
    position_ = 0;
  }
  ++position_;
  p = MatchProfile{};
  p.id = ReadString(in_);
  p.owner_id = ReadString(in_);
  p.industry_codes.resize(ReadPod<uint32_t>(in_));
  for (auto& c : p.industry_codes) c = ReadString(in_);
  p.event_ids.resize(ReadPod<uint32_t>(in_));
  for (auto& e : p.event_ids) e = ReadString(in_);
  p.cooperation_modes = ReadPod<uint8_t>(in_);
  p.trl = ReadPod<int32_t>(in_);
  const int64_t amount = ReadPod<int64_t>(in_);
  if (amount >= 0) p.amount_minor = amount;
  p.revision = 1;
  p.active = true;
  text.length = ReadPod<int32_t>(in_);
  text.terms.resize(ReadPod<uint32_t>(in_));
  for (AnalyzedTerm& t : text.terms) {
    t.term = ReadString(in_);
    t.surface.clear();
    t.count = ReadPod<int32_t>(in_);
  }
}

}  // namespace techmatch::bench
