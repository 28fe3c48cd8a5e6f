// JsonWriter: a small, fast, append-only JSON emitter for output lines.
//
// Output is one JSON value built into a caller-owned std::string. Keys and
// strings are escaped per RFC 8259 (control characters as \u00XX); the input
// must be valid UTF-8, which DocumentReader guarantees for document text.
// Doubles are written in the shortest form that round-trips; NaN and
// infinities (which JSON cannot hold) are written as null.
//
// Not thread-safe; use one writer per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph {

class JsonWriter {
 public:
  // REQUIRES: out outlives the writer.
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // Writes "key": inside an object; the next call writes its value.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Double(double value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Bool(bool value);
  void Null();

  // Convenience: Key(key) followed by the value.
  void Field(std::string_view key, std::string_view value) { Key(key), String(value); }
  void Field(std::string_view key, const char* value) { Key(key), String(value); }
  void Field(std::string_view key, double value) { Key(key), Double(value); }
  void Field(std::string_view key, int64_t value) { Key(key), Int(value); }
  void Field(std::string_view key, uint64_t value) { Key(key), Uint(value); }
  void Field(std::string_view key, int value) { Key(key), Int(value); }
  void Field(std::string_view key, bool value) { Key(key), Bool(value); }

 private:
  void Separate();

  std::string* out_;
  bool need_comma_ = false;
};

// Appends `value` to *out as a quoted, escaped JSON string.
void AppendJsonString(std::string_view value, std::string* out);

// The most bytes WriteJsonString writes for `size` bytes of input: every
// byte escaped as \u00XX, plus the quotes.
constexpr size_t JsonStringBound(size_t size) { return 6 * size + 2; }

// Writes `value` at dst as a quoted, escaped JSON string, the same bytes as
// AppendJsonString, and returns the end of what it wrote.
// REQUIRES: dst has room for JsonStringBound(value.size()) bytes.
char* WriteJsonString(std::string_view value, char* dst);

}  // namespace claimgraph
