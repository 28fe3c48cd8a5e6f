#include "extractors/phrase_matcher.h"

namespace claimgraph {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Bytes of a multi-byte UTF-8 letter count as word characters too, so that a
// word phrase does not match inside "Kčs" or "naïve".
bool IsWordByte(char c) { return IsAsciiAlnum(c) || (static_cast<unsigned char>(c) >= 0x80); }

// Matches phrase backwards so that its last byte is text[end-1]; returns the
// start offset or npos.
size_t MatchBackward(std::string_view text, size_t end, std::string_view phrase) {
  size_t i = end;
  size_t j = phrase.size();
  while (j > 0) {
    char p = phrase[j - 1];
    if (p == ' ') {
      if (i == 0 || !IsAsciiSpace(text[i - 1])) return std::string_view::npos;
      while (i > 0 && IsAsciiSpace(text[i - 1])) --i;
    } else {
      if (i == 0 || Lower(text[i - 1]) != p) return std::string_view::npos;
      --i;
    }
    --j;
  }
  return i;
}

size_t MatchForward(std::string_view text, size_t start, std::string_view phrase) {
  size_t i = start;
  for (char p : phrase) {
    if (p == ' ') {
      if (i >= text.size() || !IsAsciiSpace(text[i])) return std::string_view::npos;
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    } else {
      if (i >= text.size() || Lower(text[i]) != p) return std::string_view::npos;
      ++i;
    }
  }
  return i;
}

}  // namespace

void PhraseMatcher::Add(std::string_view phrase, int id) {
  std::string norm;
  for (char c : phrase) {
    if (IsAsciiSpace(c)) {
      if (!norm.empty() && norm.back() != ' ') norm.push_back(' ');
    } else {
      norm.push_back(Lower(c));
    }
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  if (norm.empty()) return;
  int index = static_cast<int>(phrases_.size());
  by_first_[static_cast<unsigned char>(norm.front())].push_back(index);
  by_last_[static_cast<unsigned char>(norm.back())].push_back(index);
  phrases_.push_back({std::move(norm), id});
}

void PhraseMatcher::AddAll(const std::vector<std::string>& phrases, int id) {
  for (const auto& p : phrases) Add(p, id);
}

PhraseMatch PhraseMatcher::EndingAt(std::string_view text, size_t end, bool skip_space) const {
  if (skip_space) {
    while (end > 0 && IsAsciiSpace(text[end - 1])) --end;
  }
  PhraseMatch best;
  if (end == 0) return best;
  for (int i : by_last_[static_cast<unsigned char>(Lower(text[end - 1]))]) {
    const Phrase& p = phrases_[static_cast<size_t>(i)];
    size_t start = MatchBackward(text, end, p.text);
    if (start == std::string_view::npos) continue;
    if (IsWordByte(p.text.front()) && IsAsciiAlnum(p.text.front()) && start > 0 &&
        IsWordByte(text[start - 1])) {
      continue;
    }
    if (!best.found() || start < best.start) best = {start, end, p.id};
  }
  return best;
}

PhraseMatch PhraseMatcher::StartingAt(std::string_view text, size_t start, bool skip_space) const {
  if (skip_space) {
    while (start < text.size() && IsAsciiSpace(text[start])) ++start;
  }
  PhraseMatch best;
  if (start >= text.size()) return best;
  for (int i : by_first_[static_cast<unsigned char>(Lower(text[start]))]) {
    const Phrase& p = phrases_[static_cast<size_t>(i)];
    size_t end = MatchForward(text, start, p.text);
    if (end == std::string_view::npos) continue;
    if (IsAsciiAlnum(p.text.back()) && end < text.size() && IsWordByte(text[end])) {
      continue;
    }
    if (!best.found() || end > best.end) best = {start, end, p.id};
  }
  return best;
}

}  // namespace claimgraph
