#include "graph/fact_maker.h"

#include <cstdio>

#include "graph/value_interval.h"

namespace claimgraph::testing {

namespace {

Period MakePeriod(const std::string& key) {
  Period p;
  p.year = std::stoi(key.substr(0, 4));
  if (key.size() == 4) {
    p.granularity = Granularity::kYear;
    p.start = key + "-01-01", p.end = key + "-12-31";
  } else if (key.substr(4) == "-9M") {
    p.granularity = Granularity::kNineMonths;
    p.start = key.substr(0, 4) + "-01-01", p.end = key.substr(0, 4) + "-09-30";
  } else {
    p.granularity = Granularity::kQuarter;
    p.quarter = key.back() - '0';
    const int first = (p.quarter - 1) * 3 + 1;
    char start[16];
    std::snprintf(start, sizeof(start), "%s-%02d-01", key.substr(0, 4).c_str(), first);
    p.start = start;
  }
  return p;
}

}  // namespace

StoredClaim MakeQuantity(const std::string& id, const std::string& source,
                         const std::string& published, const std::string& subject,
                         const std::string& metric, double amount, const std::string& text,
                         Qualifier qualifier, Modality modality, const std::string& period) {
  StoredClaim sc;
  sc.source = source;
  sc.published = published;
  Claim& c = sc.claim;
  c.claim_id = id;
  c.doc_id = "doc-" + id;
  c.kind = ClaimKind::kQuantity;
  c.subject.id = subject;
  c.metric = metric;
  c.modality = modality;
  c.negated = false;
  ClaimValue v;
  v.type = MentionType::kMoney;
  v.text = text;
  v.quantity.amount = amount;
  v.quantity.currency = "USD";
  v.quantity.qualifier = qualifier;
  v.quantity.low = qualifier == Qualifier::kAtMost ? -kUnbounded : amount;
  v.quantity.high = qualifier == Qualifier::kAtLeast ? kUnbounded : amount;
  if (!period.empty()) v.period = MakePeriod(period);
  c.value = v;
  return sc;
}

StoredClaim MakeStance(const std::string& id, const std::string& source, const std::string& subject,
                       double score) {
  StoredClaim sc;
  sc.source = source;
  sc.claim.claim_id = id;
  sc.claim.doc_id = "doc-" + id;
  sc.claim.kind = ClaimKind::kStance;
  sc.claim.subject.id = subject;
  sc.claim.modality = Modality::kOpinion;
  sc.claim.stance = score > 0 ? "positive" : "negative";
  sc.claim.score = score;
  return sc;
}

std::vector<ClaimFact> Facts(const std::vector<StoredClaim>& claims, StringTable* strings) {
  std::vector<ClaimFact> out;
  for (const StoredClaim& c : claims) out.push_back(MakeClaimFact(c, strings));
  return out;
}

}  // namespace claimgraph::testing
