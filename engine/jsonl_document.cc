#include "engine/jsonl_document.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/utf8.h"

namespace claimgraph {

namespace {

using nlohmann::json;

// Copies an optional string field; error when present with another type.
Status OptionalString(const json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("field \"") + key + "\" must be a string");
  }
  *out = it->get<std::string>();
  return Status::OK();
}

Status ReadId(const json& obj, std::string* id) {
  auto it = obj.find("id");
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (it->is_string()) {
    *id = it->get<std::string>();
  } else if (it->is_number_integer()) {
    *id = std::to_string(it->get<int64_t>());
  } else if (it->is_number_unsigned()) {
    *id = std::to_string(it->get<uint64_t>());
  } else {
    return Status::InvalidArgument("field \"id\" must be a string or an integer");
  }
  if (id->empty()) return Status::InvalidArgument("field \"id\" is empty");
  return Status::OK();
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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

// The one-pass decoder of the common line. Every function returns false for
// anything it does not handle, and the caller then asks nlohmann.
class FastLine {
 public:
  explicit FastLine(std::string_view in) : in_(in) {}

  bool Parse(Document* out) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return false;  // no "text": nlohmann words the error
    std::string key, scratch;
    while (true) {
      if (!String(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      const int field = FieldIndex(key);
      if (field >= 0 && (seen_ & (1u << field)) != 0) return false;  // twice: last one wins
      if (Peek() == '"') {
        std::string* value = field >= 0 ? &values_[field] : &scratch;
        if (!String(value)) return false;
        if (field >= 0) seen_ |= 1u << field;
      } else if (in_.substr(pos_, 4) == "null") {
        pos_ += 4;
        if (field >= 0) nulls_ |= 1u << field;
      } else {
        return false;  // numbers, objects, arrays, booleans
      }
      SkipSpace();
      if (Eat('}')) break;
      if (!Eat(',')) return false;
      SkipSpace();
    }
    SkipSpace();
    if (pos_ != in_.size()) return false;
    // Errors are left to nlohmann's path, which words them.
    if ((seen_ & (1u << kText)) == 0) return false;
    if ((nulls_ & (1u << kText)) != 0 || (nulls_ & seen_) != 0) return false;
    if ((seen_ & (1u << kId)) != 0 && values_[kId].empty()) return false;
    std::string* targets[] = {&out->id,        &out->text, &out->source,
                              &out->published, &out->url,  &out->title};
    for (int f = 0; f < kFields; ++f) {
      if ((seen_ & (1u << f)) != 0) *targets[f] = std::move(values_[f]);
    }
    return true;
  }

 private:
  enum Field { kId, kText, kSource, kPublished, kUrl, kTitle, kFields };

  static int FieldIndex(std::string_view key) {
    constexpr std::string_view kNames[] = {"id", "text", "source", "published", "url", "title"};
    for (int f = 0; f < kFields; ++f) {
      if (key == kNames[f]) return f;
    }
    return -1;
  }

  char Peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c || pos_ >= in_.size()) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < in_.size() && IsJsonSpace(in_[pos_])) ++pos_;
  }

  // A string at pos_, decoded into *out. Surrogate escapes and raw control
  // characters are left to nlohmann.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    while (true) {
      const size_t start = pos_;
      while (pos_ < in_.size()) {
        const auto u = static_cast<unsigned char>(in_[pos_]);
        if (u == '"' || u == '\\' || u < 0x20) break;
        ++pos_;
      }
      out->append(in_.data() + start, pos_ - start);
      if (pos_ >= in_.size()) return false;
      const char c = in_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\' || pos_ + 1 >= in_.size()) return false;
      const char e = in_[pos_ + 1];
      pos_ += 2;
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
          if (pos_ + 4 > in_.size()) return false;
          uint32_t cp = 0;
          for (size_t k = 0; k < 4; ++k) {
            const int h = HexValue(in_[pos_ + k]);
            if (h < 0) return false;
            cp = cp * 16 + static_cast<uint32_t>(h);
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return false;
          pos_ += 4;
          AppendUtf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string values_[kFields];
  unsigned seen_ = 0;   // fields with a string value
  unsigned nulls_ = 0;  // fields given as null
};

}  // namespace

Status ParseJsonlDocument(std::string_view line, Document* doc) {
  // nlohmann rejects invalid UTF-8 anywhere in the line; so does the fast
  // path, by leaving such lines to it.
  if (FindInvalidUtf8(line) == std::string_view::npos && FastLine(line).Parse(doc)) {
    return Status::OK();
  }
  return internal::ParseJsonlDocumentReference(line, doc);
}

Status internal::ParseJsonlDocumentReference(std::string_view line, Document* doc) {
  json obj = json::parse(line.begin(), line.end(), nullptr, false);
  if (obj.is_discarded()) return Status::InvalidArgument("malformed JSON");
  if (!obj.is_object()) return Status::InvalidArgument("line is not a JSON object");
  Status s = ReadId(obj, &doc->id);
  if (!s.ok()) return s;
  auto text = obj.find("text");
  if (text == obj.end()) return Status::InvalidArgument("missing field \"text\"");
  if (!text->is_string()) {
    return Status::InvalidArgument("field \"text\" must be a string");
  }
  doc->text = text->get<std::string>();
  for (auto [key, field] :
       {std::pair{"source", &doc->source}, std::pair{"published", &doc->published},
        std::pair{"url", &doc->url}, std::pair{"title", &doc->title}}) {
    s = OptionalString(obj, key, field);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace claimgraph
