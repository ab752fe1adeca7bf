#include "core/common/filter.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/bounded_text.h"
#include "core/common/field_violations.h"
#include "core/common/resource_id.h"
#include "core/reference/region_code.h"

namespace techmatch {
namespace {

enum class TokenKind { kWord, kQuoted, kOp, kEnd };

struct Token {
  TokenKind kind;
  std::string text;
  size_t position;  // 1-based column, for messages.
};

absl::Status FilterError(std::string description) {
  return InvalidFieldError("filter", std::move(description));
}

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == ':' || c == '/' || c == '+' || static_cast<unsigned char>(c) >= 0x80;
}

absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    const size_t start = i;
    if (c == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value.push_back(text[i + 1]);
          i += 2;
        } else if (text[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          value.push_back(text[i++]);
        }
      }
      if (!closed) return FilterError(absl::StrCat("unterminated string at column ", start + 1));
      tokens.push_back({TokenKind::kQuoted, std::move(value), start + 1});
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      std::string op(1, c);
      ++i;
      if (i < text.size() && text[i] == '=') op.push_back(text[i++]);
      if (op == "!") return FilterError(absl::StrCat("expected '!=' at column ", start + 1));
      tokens.push_back({TokenKind::kOp, std::move(op), start + 1});
    } else if (IsWordChar(c)) {
      while (i < text.size() && IsWordChar(text[i])) ++i;
      tokens.push_back({TokenKind::kWord, std::string(text.substr(start, i - start)), start + 1});
    } else {
      return FilterError(
          absl::StrCat("unexpected character '", std::string(1, c), "' at column ", start + 1));
    }
  }
  tokens.push_back({TokenKind::kEnd, "", text.size() + 1});
  return tokens;
}

std::optional<FilterOp> OpFromText(absl::string_view op) {
  if (op == "=") return FilterOp::kEq;
  if (op == "!=") return FilterOp::kNe;
  if (op == "<") return FilterOp::kLt;
  if (op == "<=") return FilterOp::kLe;
  if (op == ">") return FilterOp::kGt;
  if (op == ">=") return FilterOp::kGe;
  return std::nullopt;
}

absl::string_view OpText(FilterOp op) {
  switch (op) {
    case FilterOp::kEq:
      return "=";
    case FilterOp::kNe:
      return "!=";
    case FilterOp::kLt:
      return "<";
    case FilterOp::kLe:
      return "<=";
    case FilterOp::kGt:
      return ">";
    case FilterOp::kGe:
      return ">=";
  }
  return "?";
}

std::string AllowedFields(const std::vector<FilterField>& fields) {
  if (fields.empty()) return "this resource has no filter fields";
  return absl::StrCat("allowed fields: ",
                      absl::StrJoin(fields, ", ", [](std::string* out, const FilterField& f) {
                        out->append(f.name);
                      }));
}

// "2300000.50" → 230000050 with two minor digits; nullopt when malformed or too large.
std::optional<int64_t> ParseAmount(absl::string_view text, int minor_digits) {
  const size_t dot = text.find('.');
  const absl::string_view whole = text.substr(0, dot);
  const absl::string_view fraction =
      dot == absl::string_view::npos ? absl::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != absl::string_view::npos && fraction.empty()) ||
      fraction.size() > static_cast<size_t>(minor_digits)) {
    return std::nullopt;
  }
  int64_t value = 0;
  auto append = [&value](char c) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    return !__builtin_mul_overflow(value, 10, &value) &&
           !__builtin_add_overflow(value, c - '0', &value);
  };
  for (char c : whole) {
    if (!append(c)) return std::nullopt;
  }
  for (int i = 0; i < minor_digits; ++i) {
    if (!append(static_cast<size_t>(i) < fraction.size() ? fraction[i] : '0')) return std::nullopt;
  }
  return value;
}

absl::StatusOr<FilterTerm> MakeTerm(const FilterField& field, FilterOp op, const Token& value) {
  const bool ordered = field.type == FilterFieldType::kInteger ||
                       field.type == FilterFieldType::kTime ||
                       field.type == FilterFieldType::kAmount;
  if (!ordered && op != FilterOp::kEq && op != FilterOp::kNe) {
    return FilterError(
        absl::StrCat("field '", field.name, "' supports only = and !=, not ", OpText(op)));
  }
  const std::string where = absl::StrCat(" at column ", value.position);
  switch (field.type) {
    case FilterFieldType::kString:
      return FilterTerm{field.name, op, value.text};
    case FilterFieldType::kRegion:
      if (!IsRegionCode(value.text)) {
        return FilterError(absl::StrCat("field '", field.name,
                                        "' takes a six-digit GB/T 2260 code such as 510500, got '",
                                        value.text, "'", where));
      }
      return FilterTerm{field.name, op, value.text};
    case FilterFieldType::kResource: {
      absl::StatusOr<std::string> id =
          ParseResourceNameOrId(value.text, field.collection, "filter");
      if (!id.ok()) {
        return FilterError(absl::StrCat("field '", field.name, "' takes '", field.collection,
                                        "/{id}', got '", BoundedText(value.text, kMaxEchoBytes),
                                        "'", where));
      }
      return FilterTerm{field.name, op, *id};
    }
    case FilterFieldType::kEnum:
      for (const std::string& allowed : field.enum_values) {
        if (allowed == value.text) return FilterTerm{field.name, op, value.text};
      }
      return FilterError(absl::StrCat("field '", field.name, "' takes one of ",
                                      absl::StrJoin(field.enum_values, ", "), ", got '", value.text,
                                      "'", where));
    case FilterFieldType::kInteger: {
      int64_t number;
      if (!absl::SimpleAtoi(value.text, &number)) {
        return FilterError(absl::StrCat("field '", field.name, "' takes an integer, got '",
                                        value.text, "'", where));
      }
      return FilterTerm{field.name, op, number};
    }
    case FilterFieldType::kTime: {
      absl::Time time;
      std::string error;
      if (!absl::ParseTime(absl::RFC3339_full, value.text, &time, &error)) {
        return FilterError(absl::StrCat("field '", field.name,
                                        "' takes an RFC 3339 time such as "
                                        "2026-11-01T09:00:00+08:00, got '",
                                        value.text, "'", where));
      }
      return FilterTerm{field.name, op, time};
    }
    case FilterFieldType::kAmount: {
      std::optional<int64_t> minor = ParseAmount(value.text, field.minor_digits);
      if (!minor) {
        return FilterError(absl::StrCat("field '", field.name,
                                        "' takes an amount in whole currency units with at most ",
                                        field.minor_digits, " decimals such as 2300000.50, got '",
                                        BoundedText(value.text, kMaxEchoBytes), "'", where));
      }
      return FilterTerm{field.name, op, *minor};
    }
  }
  return FilterError("unsupported field type");
}

}  // namespace

absl::StatusOr<std::vector<FilterTerm>> ParseFilter(absl::string_view text,
                                                    const std::vector<FilterField>& fields) {
  std::vector<FilterTerm> terms;
  absl::StatusOr<std::vector<Token>> tokens_or = Tokenize(text);
  if (!tokens_or.ok()) return tokens_or.status();
  const std::vector<Token>& tokens = *tokens_or;
  size_t i = 0;
  if (tokens[i].kind == TokenKind::kEnd) return terms;
  while (true) {
    const Token& name = tokens[i];
    if (name.kind != TokenKind::kWord) {
      return FilterError(absl::StrCat("expected a field name at column ", name.position));
    }
    const FilterField* field = nullptr;
    for (const FilterField& f : fields) {
      if (f.name == name.text) field = &f;
    }
    if (field == nullptr) {
      return FilterError(absl::StrCat("unknown field '", BoundedText(name.text, kMaxEchoBytes),
                                      "' at column ", name.position, "; ", AllowedFields(fields)));
    }
    const Token& op = tokens[i + 1];
    std::optional<FilterOp> parsed_op;
    if (op.kind == TokenKind::kOp) parsed_op = OpFromText(op.text);
    if (!parsed_op) {
      return FilterError(absl::StrCat("expected an operator (=, !=, <, <=, >, >=) after '",
                                      name.text, "' at column ", op.position));
    }
    const Token& value = tokens[i + 2];
    if (value.kind != TokenKind::kWord && value.kind != TokenKind::kQuoted) {
      return FilterError(absl::StrCat("expected a value after '", name.text, " ", op.text,
                                      "' at column ", value.position));
    }
    if (value.text.size() > kMaxFilterValueBytes) {
      return FilterError(absl::StrCat("the value at column ", value.position, " has ",
                                      value.text.size(), " bytes; at most ", kMaxFilterValueBytes,
                                      " are allowed"));
    }
    if (terms.size() == kMaxFilterTerms) {
      return FilterError(absl::StrCat("at most ", kMaxFilterTerms,
                                      " comparisons may be joined with AND; the one at column ",
                                      name.position, " is one too many"));
    }
    absl::StatusOr<FilterTerm> term = MakeTerm(*field, *parsed_op, value);
    if (!term.ok()) return term.status();
    terms.push_back(*std::move(term));
    i += 3;
    if (tokens[i].kind == TokenKind::kEnd) break;
    if (tokens[i].kind != TokenKind::kWord || tokens[i].text != "AND") {
      return FilterError(absl::StrCat("expected AND or the end at column ", tokens[i].position,
                                      ", got '", BoundedText(tokens[i].text, kMaxEchoBytes), "'"));
    }
    ++i;
    if (tokens[i].kind == TokenKind::kEnd) {
      return FilterError(
          absl::StrCat("expected a comparison after AND at column ", tokens[i].position));
    }
  }
  return terms;
}

std::string CanonicalFilter(const std::vector<FilterTerm>& terms) {
  return absl::StrJoin(terms, " AND ", [](std::string* out, const FilterTerm& t) {
    absl::StrAppend(out, t.field, OpText(t.op));
    if (const auto* s = std::get_if<std::string>(&t.value)) {
      absl::StrAppend(out, "\"", absl::CEscape(*s), "\"");
    } else if (const auto* n = std::get_if<int64_t>(&t.value)) {
      absl::StrAppend(out, *n);
    } else {
      absl::StrAppend(out, absl::ToUnixNanos(std::get<absl::Time>(t.value)), "ns");
    }
  });
}

}  // namespace techmatch
