// Speakers, status, stance and relation claims.
#include <algorithm>
#include <cmath>

#include "engine/utf8.h"
#include "extractors/claim_internal.h"

namespace claimgraph {

std::optional<Speaker> SentenceAssembler::SpeakerFor(size_t start, size_t end,
                                                     const Clause& c) const {
  const std::string_view text = ctx_.text;
  const ClaimRules& r = *ctx_.rules;
  auto speaker_from = [&](const EntityMention& e) {
    Speaker sp{e.name, "", e.id};
    if (const CatalogEntity* ce = ctx_.catalog->Find(e.id)) sp.role = ce->role;
    return sp;
  };
  auto pronoun_speaker = [&](size_t verb_start) -> std::optional<Speaker> {
    PhraseMatch p = r.pronouns.EndingAt(text, verb_start, true);
    if (!p.found()) {  // "He also noted": one adverb between
      size_t word_start = verb_start;
      while (word_start > 0 && IsAsciiSpace(text[word_start - 1])) --word_start;
      while (word_start > 0 && IsAsciiAlnum(text[word_start - 1])) --word_start;
      p = r.pronouns.EndingAt(text, word_start, true);
    }
    if (!p.found()) return std::nullopt;
    const EntityMention* person = ctx_.LastPersonBefore(p.start);
    if (person == nullptr) return std::nullopt;
    return speaker_from(*person);
  };
  for (const PhraseMatch& m : Cues(r.speaker_verbs, s_.span.start, s_.span.end)) {
    bool eligible = c.Contains(m.start) || (m.start < start && ClauseAt(m.start).end >= start) ||
                    (m.start > end && TokensBetween(text, m.end, s_.span.end) <= 2);
    if (!eligible) continue;
    bool according = AsciiLowered(text.substr(m.start, m.end - m.start)) == "according to";
    for (const EntityMention* e : s_.entities) {
      bool before = !according && e->end <= m.start && TokensBetween(text, e->end, m.start) <= 1;
      // "..., said Jassy." but not "says Trainium could save": the name after
      // the verb must end the clause.
      size_t next = e->end;
      while (next < text.size() && IsAsciiSpace(text[next])) ++next;
      bool closes = next >= s_.span.end || text[next] == ',' || text[next] == '.';
      bool after = e->start >= m.end && TokensBetween(text, m.end, e->start) == 0 && closes;
      if (before || after) return speaker_from(*e);
    }
    if (!according) {
      if (auto sp = pronoun_speaker(m.start)) return sp;
    }
  }
  // "In his shareholder letter, he stated": attributed to the last person.
  for (const PhraseMatch& m : Cues(r.speaker_sources, s_.span.start, s_.span.end)) {
    if (m.start < start) {
      if (const EntityMention* person = ctx_.LastPersonBefore(m.start))
        return speaker_from(*person);
    }
  }
  return std::nullopt;
}

void SentenceAssembler::StatusClaims(std::vector<Claim>* out) {
  const ClaimRules& r = *ctx_.rules;
  // A status needs something named before its cue: without a company or
  // product in the sentence, its cues need not be scanned at all.
  if (std::none_of(s_.entities.begin(), s_.entities.end(),
                   [](const EntityMention* e) { return e->type != EntityType::kPerson; })) {
    return;
  }
  for (const PhraseMatch& m : Cues(r.status, s_.span.start, s_.span.end)) {
    const EntityMention* subject = nullptr;
    for (const EntityMention* e : s_.entities) {
      if (e->end <= m.start && e->type != EntityType::kPerson) subject = e;
    }
    if (subject == nullptr) continue;  // a status of nothing named is no claim
    Claim claim =
        NewClaim(ClaimKind::kStatus, "status/" + r.status_names[static_cast<size_t>(m.index)]);
    claim.status = r.status_names[static_cast<size_t>(m.index)];
    SetSubject(subject, &claim);
    Clause c = ClauseAt(m.start);
    claim.modality = ModalityOf(c);
    claim.negated = NegatedBefore(m.start, std::max(c.start, subject->end));
    out->push_back(std::move(claim));
  }
}

void SentenceAssembler::StanceClaim(std::vector<Claim>* out) {
  const EntityMention* subject = nullptr;
  for (const EntityMention* e : s_.entities) {
    if (e->type != EntityType::kPerson) {
      subject = e;
      break;
    }
  }
  if (subject == nullptr) return;
  std::string_view sentence = ctx_.text.substr(s_.span.start, s_.span.end - s_.span.start);
  StanceScore score = ctx_.stance->Score(sentence, ctx_.stance_scratch);
  if (score.polarity == Polarity::kNeutral ||
      std::fabs(score.score) < ctx_.rules->stance_min_abs_score) {
    return;
  }
  Claim claim = NewClaim(ClaimKind::kStance, "stance/lexicon");
  SetSubject(subject, &claim);
  claim.stance = std::string(PolarityName(score.polarity));
  claim.score = score.score;
  claim.modality = Modality::kOpinion;
  out->push_back(std::move(claim));
}

void SentenceAssembler::RelationClaims(std::vector<Claim>* out) {
  const RelationExtractor& relations = ctx_.rules->relations;
  if (relations.empty() || s_.entities.size() < 2) return;
  std::vector<std::string> seen;  // "Anthropic runs on Trainium and runs on Trainium2" once each
  for (const Clause& c : Clauses()) {
    for (const RelationMatch& m : relations.Find(ctx_.text, c.start, c.end, s_.entities)) {
      std::string key = m.relation + '\x1f' + m.subject->id + '\x1f' + m.object->id;
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      Claim claim =
          NewClaim(ClaimKind::kRelation, "relation/" + m.relation + (m.from_role ? "/role" : ""));
      SetSubject(m.subject, &claim);
      claim.relation = m.relation;
      claim.object = {m.object->id, m.object->name, m.object->type};
      claim.modality = ModalityOf(c);
      claim.negated = NegatedBefore(m.verb_start, std::max(c.start, m.before_end));
      claim.speaker = SpeakerFor(m.verb_start, m.verb_end, c);
      out->push_back(std::move(claim));
    }
  }
}

}  // namespace claimgraph
