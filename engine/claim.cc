#include "engine/claim.h"

namespace claimgraph {

std::string_view ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kQuantity:
      return "quantity";
    case ClaimKind::kRelative:
      return "relative";
    case ClaimKind::kStatus:
      return "status";
    case ClaimKind::kStance:
      return "stance";
    case ClaimKind::kScore:
      return "score";
    case ClaimKind::kRelation:
      return "relation";
  }
  return "unknown";
}

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kReported:
      return "reported";
    case Modality::kForecast:
      return "forecast";
    case Modality::kEstimate:
      return "estimate";
    case Modality::kGuidance:
      return "guidance";
    case Modality::kTarget:
      return "target";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kConditional:
      return "conditional";
    case Modality::kOpinion:
      return "opinion";
  }
  return "unknown";
}

}  // namespace claimgraph
