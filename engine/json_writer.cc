#include "engine/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace claimgraph {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Whether any of the 8 bytes in v needs escaping: below 0x20, '"' or '\\'.
// Exact (no false positives) for each of the three tests.
inline bool AnyToEscape(uint64_t v) {
  const uint64_t control = (v - kOnes * 0x20) & ~v;
  const uint64_t quote = ((v ^ (kOnes * '"')) - kOnes) & ~(v ^ (kOnes * '"'));
  const uint64_t backslash = ((v ^ (kOnes * '\\')) - kOnes) & ~(v ^ (kOnes * '\\'));
  return ((control | quote | backslash) & kHighs) != 0;
}

}  // namespace

char* WriteJsonString(std::string_view value, char* dst) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* src = value.data();
  const size_t size = value.size();
  *dst++ = '"';
  size_t i = 0;
  while (i < size) {
    // 8 plain bytes at a time: most text has nothing to escape.
    if (i + 8 <= size) {
      uint64_t chunk;
      std::memcpy(&chunk, src + i, 8);
      if (!AnyToEscape(chunk)) {
        std::memcpy(dst, &chunk, 8);
        dst += 8;
        i += 8;
        continue;
      }
    }
    const char c = src[i++];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && c != '"' && c != '\\') {
      *dst++ = c;
      continue;
    }
    *dst++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *dst++ = c;
        break;
      case '\n':
        *dst++ = 'n';
        break;
      case '\r':
        *dst++ = 'r';
        break;
      case '\t':
        *dst++ = 't';
        break;
      default:
        std::memcpy(dst, "u00", 3);
        dst[3] = kHex[u >> 4];
        dst[4] = kHex[u & 0xF];
        dst += 5;
    }
  }
  *dst++ = '"';
  return dst;
}

void AppendJsonString(std::string_view value, std::string* out) {
  const size_t old_size = out->size();
  out->resize(old_size + JsonStringBound(value.size()));
  char* end = WriteJsonString(value, out->data() + old_size);
  out->resize(static_cast<size_t>(end - out->data()));
}

void JsonWriter::Separate() {
  if (need_comma_) out_->push_back(',');
  need_comma_ = true;
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  need_comma_ = false;
}

void JsonWriter::EndObject() {
  out_->push_back('}');
  need_comma_ = true;
}

void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  need_comma_ = false;
}

void JsonWriter::EndArray() {
  out_->push_back(']');
  need_comma_ = true;
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  // Keys are short names that rarely need escaping: one append when so.
  bool plain = key.size() <= 32;
  for (size_t i = 0; plain && i < key.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    plain = c >= 0x20 && c != '"' && c != '\\';
  }
  if (plain) {
    char buf[36];
    buf[0] = '"';
    std::memcpy(buf + 1, key.data(), key.size());
    buf[key.size() + 1] = '"';
    buf[key.size() + 2] = ':';
    out_->append(buf, key.size() + 3);
  } else {
    AppendJsonString(key, out_);
    out_->push_back(':');
  }
  need_comma_ = false;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(value, out_);
}

void JsonWriter::Double(double value) {
  Separate();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof(buf), value);
  out_->append(buf, res.ptr);
}

void JsonWriter::Int(int64_t value) {
  Separate();
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), value);
  out_->append(buf, res.ptr);
}

void JsonWriter::Uint(uint64_t value) {
  Separate();
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), value);
  out_->append(buf, res.ptr);
}

void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

}  // namespace claimgraph
