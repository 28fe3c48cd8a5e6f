#include "engine/json_reader.h"

#include <cstdint>

#include "engine/byte_scan.h"

namespace claimgraph {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Whether any of the 8 bytes at p ends a plain run of a JSON string: a
// quote, a backslash or a control byte.
bool EndsPlainRun(const char* p) {
  const uint64_t w = LoadWord(p);
  return HasByte(w, '"') || HasByte(w, '\\') || HasByteBelow(w, 0x20);
}

}  // namespace

bool ReadJsonString(std::string_view in, size_t* pos, std::string* out) {
  size_t& at = *pos;
  if (at >= in.size() || in[at] != '"') return false;
  ++at;
  out->clear();
  while (true) {
    const size_t start = at;
    while (at + 8 <= in.size() && !EndsPlainRun(in.data() + at)) at += 8;
    while (at < in.size()) {
      const auto u = static_cast<unsigned char>(in[at]);
      if (u == '"' || u == '\\' || u < 0x20) break;
      ++at;
    }
    out->append(in.data() + start, at - start);
    if (at >= in.size()) return false;
    const char c = in[at];
    if (c == '"') {
      ++at;
      return true;
    }
    if (c != '\\' || at + 1 >= in.size()) return false;
    const char e = in[at + 1];
    at += 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out->push_back(e);
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        if (at + 4 > in.size()) return false;
        uint32_t cp = 0;
        for (size_t k = 0; k < 4; ++k) {
          const int h = HexValue(in[at + k]);
          if (h < 0) return false;
          cp = cp * 16 + static_cast<uint32_t>(h);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        at += 4;
        AppendUtf8(cp, out);
        break;
      }
      default:
        return false;
    }
  }
}

}  // namespace claimgraph
