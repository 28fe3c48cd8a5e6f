#include "engine/metadata_trailer.h"

#include <cctype>
#include <string>

namespace claimgraph {

namespace {

constexpr size_t kMaxTrailerLineBytes = 48;
constexpr int kMaxTrailerLineWords = 6;
constexpr size_t kMaxTrailerLines = 40;

struct Line {
  size_t start;  // first byte of the trimmed line
  size_t end;    // one past the last byte of the trimmed line
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Line Trim(std::string_view text, size_t start, size_t end) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  return {start, end};
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A short line without sentence punctuation, the shape of a label or value.
bool IsTrailerShaped(std::string_view s) {
  if (s.empty() || s.size() > kMaxTrailerLineBytes) return false;
  if (CountWords(s) > kMaxTrailerLineWords) return false;
  char last = s.back();
  return last != '.' && last != '!' && last != '?' && last != ',' && last != ';' && last != ':' &&
         last != '"';
}

// Every word starts with an upper-case ASCII letter ("Sentiment Score").
bool IsLabel(std::string_view s) {
  bool at_word_start = true;
  bool saw_word = false;
  for (char c : s) {
    if (IsSpace(c)) {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      if (!std::isupper(static_cast<unsigned char>(c))) return false;
      saw_word = true;
    }
    at_word_start = false;
  }
  return saw_word;
}

}  // namespace

size_t FindMetadataTrailer(std::string_view text, std::vector<MetadataField>* fields) {
  // Collect trailer-shaped lines from the end, skipping blank ones.
  std::vector<Line> lines;
  size_t end = text.size();
  bool reached_prose = false;
  while (end > 0 && lines.size() <= kMaxTrailerLines) {
    size_t nl = text.rfind('\n', end - 1);
    size_t start = (nl == std::string_view::npos) ? 0 : nl + 1;
    Line line = Trim(text, start, end);
    end = (nl == std::string_view::npos) ? 0 : nl;
    if (line.start == line.end) continue;
    if (!IsTrailerShaped(text.substr(line.start, line.end - line.start))) {
      reached_prose = true;
      break;
    }
    lines.push_back(line);
  }
  // A document made only of short lines has no prose to set a trailer apart.
  if (!reached_prose || lines.size() < 2 || lines.size() > kMaxTrailerLines) {
    return text.size();
  }

  // Lines were collected backwards; pair labels with the value after them.
  std::vector<MetadataField> found;
  bool any_value = false;
  for (size_t i = lines.size(); i-- > 0;) {
    std::string_view s = text.substr(lines[i].start, lines[i].end - lines[i].start);
    if (!IsLabel(s)) {
      if (found.empty() || !found.back().value.empty()) return text.size();
      found.back().value = std::string(s);
      found.back().end = lines[i].end;
      any_value = true;
      continue;
    }
    found.push_back({std::string(s), std::string(), lines[i].start, lines[i].end});
  }
  if (!any_value) return text.size();
  size_t trailer_start = lines.back().start;
  for (auto& f : found) fields->push_back(std::move(f));
  return trailer_start;
}

}  // namespace claimgraph
