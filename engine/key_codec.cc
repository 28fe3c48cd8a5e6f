#include "engine/key_codec.h"

namespace claimgraph {

namespace {

constexpr char kEscape = '\x00';
constexpr char kEscapedZero = '\xff';
constexpr char kTerminator = '\x01';

}  // namespace

void AppendKeyComponent(std::string_view component, std::string* key) {
  for (char c : component) {
    key->push_back(c);
    if (c == kEscape) key->push_back(kEscapedZero);
  }
  key->push_back(kEscape);
  key->push_back(kTerminator);
}

std::string EncodeKey(std::initializer_list<std::string_view> components) {
  std::string key;
  for (std::string_view c : components) AppendKeyComponent(c, &key);
  return key;
}

bool DecodeKeyInto(std::string_view key, std::vector<std::string>* parts) {
  size_t n = 0;
  for (size_t i = 0; i < key.size(); ++n) {
    if (n == parts->size()) parts->emplace_back();
    std::string& part = (*parts)[n];
    part.clear();
    while (true) {
      const size_t escape = key.find(kEscape, i);
      if (escape == std::string_view::npos || escape + 1 == key.size()) return false;
      part.append(key.substr(i, escape - i));
      i = escape + 2;
      if (key[escape + 1] == kTerminator) break;
      if (key[escape + 1] != kEscapedZero) return false;
      part.push_back(kEscape);
    }
  }
  parts->resize(n);
  return true;
}

std::optional<std::vector<std::string>> DecodeKey(std::string_view key) {
  std::vector<std::string> parts;
  if (!DecodeKeyInto(key, &parts)) return std::nullopt;
  return parts;
}

std::string_view ClaimIndexName(ClaimIndex index) {
  switch (index) {
    case ClaimIndex::kBySubject:
      return "by_subject";
    case ClaimIndex::kByMetric:
      return "by_metric";
    case ClaimIndex::kByBlock:
      return "by_block";
    case ClaimIndex::kByDoc:
      return "by_doc";
    case ClaimIndex::kBySource:
      return "by_source";
    case ClaimIndex::kBySpeaker:
      return "by_speaker";
    case ClaimIndex::kByTerm:
      return "by_term";
  }
  return "by_unknown";
}

std::string_view IndexDate(std::string_view published) {
  if (published.size() < 10) return {};
  std::string_view d = published.substr(0, 10);
  for (size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return {};
  }
  return d;
}

void AppendClaimIndexKeys(ClaimIndex index, const Claim& claim, std::string_view source,
                          std::string_view published, std::vector<std::string>* keys) {
  const std::string& subject = claim.subject.id;
  const std::string_view date = IndexDate(published);
  switch (index) {
    case ClaimIndex::kBySubject:
      if (!subject.empty()) keys->push_back(EncodeKey({subject, date, claim.claim_id}));
      return;
    case ClaimIndex::kByMetric:
      if (!claim.metric.empty()) keys->push_back(EncodeKey({claim.metric, date, claim.claim_id}));
      return;
    case ClaimIndex::kByBlock:
      if (subject.empty() || claim.metric.empty()) return;
      keys->push_back(
          EncodeKey({subject, claim.metric, ClaimPeriodKey(claim), date, claim.claim_id}));
      return;
    case ClaimIndex::kByDoc:
      keys->push_back(EncodeKey({claim.doc_id, claim.claim_id}));
      return;
    case ClaimIndex::kBySource:
      if (!source.empty()) keys->push_back(EncodeKey({source, date, claim.claim_id}));
      return;
    case ClaimIndex::kBySpeaker:
      if (!claim.speaker || claim.speaker->id.empty()) return;
      keys->push_back(EncodeKey({claim.speaker->id, date, claim.claim_id}));
      return;
    case ClaimIndex::kByTerm:
      // Under the claim's subject, and under "" (any subject), which a
      // question with a topic but no company reads.
      for (const std::string& term : claim.terms) {
        if (!subject.empty()) keys->push_back(EncodeKey({subject, term, date, claim.claim_id}));
        keys->push_back(EncodeKey({"", term, date, claim.claim_id}));
      }
      return;
  }
}

std::string PeriodKey(const Period& p) {
  if (p.year <= 0) return "";
  const std::string year = std::to_string(p.year);
  switch (p.granularity) {
    case Granularity::kFiscalYear:
      return "FY" + year;
    case Granularity::kYear:
      return p.fiscal ? "FY" + year : year;
    case Granularity::kQuarter:
      if (p.quarter >= 1 && p.quarter <= 4) {
        return (p.fiscal ? "FY" : "") + year + "-Q" + std::to_string(p.quarter);
      }
      break;
    case Granularity::kHalf:
      if (p.start.size() >= 7) return year + (p.start.substr(5, 2) >= "07" ? "-H2" : "-H1");
      break;
    case Granularity::kMonth:
      if (p.start.size() >= 7) return p.start.substr(0, 7);
      break;
    case Granularity::kDay:
      if (p.start.size() >= 10) return p.start.substr(0, 10);
      break;
    default:
      break;
  }
  if (!p.start.empty() && !p.end.empty()) return p.start + ".." + p.end;
  return year;
}

std::string ClaimPeriodKey(const Claim& claim) {
  if (!claim.value || !claim.value->period) return "";
  return PeriodKey(*claim.value->period);
}

}  // namespace claimgraph
