#include "extractors/ascii_classes.h"

namespace claimgraph {

std::string AsciiClasses(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'p') {
      const size_t close = pattern.find('}', i);
      if (i + 2 >= pattern.size() || pattern[i + 2] != '{' || close == std::string_view::npos) {
        return "";
      }
      const std::string_view name = pattern.substr(i + 3, close - i - 3);
      std::string_view ranges;
      if (name == "L") {
        ranges = "A-Za-z";
      } else if (name == "Lu") {
        ranges = "A-Z";
      } else if (name == "N") {
        ranges = "0-9";
      } else {
        return "";
      }
      if (in_class) {
        out += ranges;
      } else {
        out += '[';
        out += ranges;
        out += ']';
      }
      i = close;
    } else if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
    } else {
      if (c == '[' && !in_class) {
        in_class = true;
        out += c;
        if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
        if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // a literal ]
        continue;
      }
      if (c == ']' && in_class) in_class = false;
      out += c;
    }
  }
  return out;
}

}  // namespace claimgraph
