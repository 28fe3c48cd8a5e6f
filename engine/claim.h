// Claim: one typed statement a document makes, with its provenance.
//
// "Free cash flow fell to $1.2 billion from nearly $26 billion a year
// earlier" is a kQuantity claim: subject Amazon, metric free_cash_flow,
// value 1.2e9 USD, prior ~2.6e10 USD for the year before, modality
// reported, evidence = the sentence. Every field comes from the text, the
// catalog or the document's metadata; nothing is invented. Plain value
// type; safe to share read-only across threads. Wire format:
// schemas/claim.schema.json.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/entity.h"
#include "engine/mention.h"

namespace claimgraph {

enum class ClaimKind {
  kQuantity,  // a metric has a value
  kRelative,  // X is 30% better than Y on a metric
  kStatus,    // sold out, fully booked, reserved before release
  kStance,    // an opinion on an entity, positive or negative
  kScore,     // a document-level score from metadata (Sentiment Score 0.72)
  kRelation,  // subject -relation-> object, stated in text ("Anthropic runs on Trainium")
};

enum class Modality : uint8_t {
  kReported,
  kForecast,
  kEstimate,
  kGuidance,
  kTarget,
  kHypothetical,  // "would be $50 billion if operated as a standalone business"
  kConditional,   // "if enterprise AI spend pauses, ..."
  kOpinion,
};

std::string_view ClaimKindName(ClaimKind kind);
std::string_view ModalityName(Modality modality);

struct ClaimSubject {
  std::string id;  // empty when nothing in the document identifies it (JSON null)
  std::string name;
  EntityType type = EntityType::kCompany;
};

// A value as stated: the mention it came from, and its period if any.
struct ClaimValue {
  MentionType type = MentionType::kNumber;
  Quantity quantity;
  size_t start = 0;  // the mention's span in the document
  size_t end = 0;
  std::string text;
  std::optional<Period> period;
  std::string period_text;
};

struct Speaker {
  std::string name;
  std::string role;  // from the catalog or the text ("CEO"); may be empty
  std::string id;    // catalog id when known
};

struct Claim {
  std::string claim_id;  // deterministic: same input + same rules = same id
  std::string doc_id;
  ClaimKind kind = ClaimKind::kQuantity;
  ClaimSubject subject;
  std::string metric;  // canonical metric id; empty = null
  std::optional<ClaimValue> value;
  std::optional<ClaimValue> prior;   // the compared-with value
  std::optional<ClaimValue> change;  // a stated change ("up 18%")
  std::string change_direction;      // "up", "down" or empty
  Modality modality = Modality::kReported;
  bool negated = false;
  std::optional<Speaker> speaker;
  size_t evidence_start = 0;  // the sentence, byte offsets
  size_t evidence_end = 0;
  std::string evidence_text;
  std::string rule;     // which rule fired
  std::string ruleset;  // hash of the loaded rule files
  // The words of the evidence sentence that the ruleset's term vocabulary
  // holds (the evidence words of schemas/questions.json's topics), lower
  // case, sorted, each once: the by_term index ("AMZN" + "chips").
  std::vector<std::string> terms;
  // Kind-specific:
  std::string comparator;  // kRelative: what the subject is compared with
  std::string status;      // kStatus: "sold_out", "fully_booked", ...
  std::string stance;      // kStance: "positive" / "negative"
  double score = 0;        // kStance: polarity score; kScore: the metadata value
  std::string label;       // kScore: the metadata label ("Sentiment Score")
  // kRelation: the relation id from schemas/rules.json ("runs_on",
  // "customer_of", "displaced") and the entity at the other end.
  std::string relation;
  ClaimSubject object;
};

}  // namespace claimgraph
