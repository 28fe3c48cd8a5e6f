#include "cli/analysis_print.h"

#include <cstdio>

#include "cli/claim_table.h"
#include "cli/value_format.h"
#include "engine/claim_json.h"
#include "engine/json_writer.h"
#include "graph/claim_fact.h"

namespace claimgraph::cli {

namespace {

const StoredClaim* Lookup(const ClaimsById& claims, const std::string& id) {
  auto it = claims.find(id);
  return it == claims.end() ? nullptr : &it->second;
}

// The claim JSON of `query --format jsonl` plus the document's fields.
void AppendClaimObject(const StoredClaim* sc, const std::string& id, std::string* out) {
  if (sc == nullptr) {
    *out += "{\"claim_id\":";
    AppendJsonString(id, out);
    *out += ",\"missing\":true}";
    return;
  }
  std::string claim;
  AppendClaimJson(sc->claim, &claim);
  while (!claim.empty() && (claim.back() == '\n' || claim.back() == '}')) {
    const bool brace = claim.back() == '}';
    claim.pop_back();
    if (brace) break;
  }
  *out += claim;
  for (auto [key, value] :
       {std::pair{"source", &sc->source}, std::pair{"published", &sc->published},
        std::pair{"title", &sc->title}}) {
    *out += ",\"" + std::string(key) + "\":";
    if (value->empty()) {
      *out += "null";
    } else {
      AppendJsonString(*value, out);
    }
  }
  *out += ",\"source_key\":";
  AppendJsonString(SourceKey(*sc), out);
  *out += "}";
}

std::string ValueOf(const StoredClaim& sc) {
  const Claim& c = sc.claim;
  std::string v = c.kind == ClaimKind::kStance ? c.stance : FormatClaimValue(c.value);
  if (c.kind == ClaimKind::kQuantity && c.modality != Modality::kReported) {
    v += " (" + std::string(ModalityName(c.modality)) + ")";
  }
  return c.negated ? "not " + v : v;
}

std::string Speaker(const Claim& c) { return c.speaker ? c.speaker->name : ""; }

std::string Date(const StoredClaim& sc) {
  return sc.published.empty() ? "undated" : sc.published.substr(0, 10);
}

void AppendSide(const char* tag, const StoredClaim* sc, const std::string& id, std::string* out) {
  if (sc == nullptr) {
    *out += std::string("  ") + tag + ": claim " + id + " (no longer in the store)\n";
    return;
  }
  const std::string speaker = Speaker(sc->claim);
  char line[1024];
  std::snprintf(line, sizeof(line), "  %s: %-16s %-24s %-18s %-10s %s\n", tag,
                Snippet(sc->claim.subject.id, 16).c_str(), Snippet(ValueOf(*sc), 24).c_str(),
                Snippet(SourceKey(*sc), 18).c_str(), Date(*sc).c_str(),
                speaker.empty() ? "" : ("(" + speaker + ")").c_str());
  *out += line;
  *out += "     \"" + Snippet(sc->claim.evidence_text, 110) + "\"\n";
}

std::string Html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr const char* kCss =
    "body{font-family:Georgia,serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}table{border-collapse:collapse;width:100%;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left}"
    "th{background:#f2f2f2}.finding{border:1px solid #bbb;border-radius:6px;margin:1.2em 0;"
    "padding:.6em 1em}.label{display:inline-block;padding:.1em .5em;border-radius:4px;"
    "font-family:sans-serif;font-size:.85em;color:#fff;background:#777}"
    ".conflict{background:#b3261e}.scale,.stale,.period_mismatch,.same_source{background:#8a6d00}"
    ".agree,.rounding,.met{background:#2e7d32}.beat,.miss{background:#1565c0}"
    ".why{margin:.5em 0 0;font-style:italic}.ev{color:#555}.bar{background:#2e7d32;height:.8em}"
    ".muted{color:#666;font-size:.9em}";

void AppendHtmlHead(const std::string& title, std::string* out) {
  *out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html(title) +
          "</title><style>" + kCss + "</style></head><body>\n<h1>" + Html(title) + "</h1>\n";
}

void AppendHtmlClaim(const StoredClaim* sc, const std::string& id, std::string* out) {
  if (sc == nullptr) {
    *out += "<td>claim " + Html(id) + " (no longer in the store)</td>";
    return;
  }
  const std::string speaker = Speaker(sc->claim);
  *out += "<td><b>" +
          Html(sc->claim.subject.name.empty() ? sc->claim.subject.id : sc->claim.subject.name) +
          "</b> " + Html(sc->claim.metric) + ": <b>" + Html(ValueOf(*sc)) + "</b><br>" +
          Html(SourceKey(*sc)) + ", " + Html(Date(*sc)) +
          (speaker.empty() ? "" : ", said by " + Html(speaker)) +
          (sc->title.empty() ? "" : "<br><i>" + Html(sc->title) + "</i>") +
          "<br><span class=\"ev\">&ldquo;" + Html(sc->claim.evidence_text) + "&rdquo;</span></td>";
}

std::string Stats(const AnalysisStats& stats) {
  std::string s = std::to_string(stats.claims) +
                  " claims analyzed: " + std::to_string(stats.numeric) + " compared by value, " +
                  std::to_string(stats.stance) + " stances";
  for (const auto& [reason, n] : stats.not_compared) {
    s += ", " + std::to_string(n) + " not compared (" + reason + ")";
  }
  return s + ".";
}

}  // namespace

void AppendFindingsJsonl(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                         std::string* out) {
  for (const Finding* f : findings) {
    *out += "{\"kind\":";
    AppendJsonString(FindingKindName(f->kind), out);
    for (auto [key, value] :
         {std::pair{"label", std::string(FindingLabelName(f->label))},
          std::pair{"subject", f->subject}, std::pair{"other_subject", f->other_subject},
          std::pair{"metric", f->metric}, std::pair{"period", f->period}}) {
      *out += ",\"" + std::string(key) + "\":";
      if (value.empty()) {
        *out += "null";
      } else {
        AppendJsonString(value, out);
      }
    }
    *out += ",\"a\":";
    AppendClaimObject(Lookup(claims, f->a_claim_id), f->a_claim_id, out);
    *out += ",\"b\":";
    AppendClaimObject(Lookup(claims, f->b_claim_id), f->b_claim_id, out);
    *out += ",\"a_count\":" + std::to_string(f->a_count) +
            ",\"b_count\":" + std::to_string(f->b_count) + ",\"explanation\":";
    AppendJsonString(f->explanation, out);
    *out += "}\n";
  }
}

void AppendFindingsTable(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                         std::string* out) {
  for (const Finding* f : findings) {
    *out += "[" + std::string(FindingLabelName(f->label)) + "] " +
            std::string(FindingKindName(f->kind)) + "  " + f->subject +
            (f->other_subject.empty() ? "" : " vs " + f->other_subject) + "  " +
            (f->metric.empty() ? "-" : f->metric) + "  " + (f->period.empty() ? "" : f->period) +
            "  (" + std::to_string(f->a_count) + " vs " + std::to_string(f->b_count) + " claims)\n";
    AppendSide("a", Lookup(claims, f->a_claim_id), f->a_claim_id, out);
    AppendSide("b", Lookup(claims, f->b_claim_id), f->b_claim_id, out);
    *out += "  why: " + f->explanation + "\n\n";
  }
  *out += std::to_string(findings.size()) + (findings.size() == 1 ? " finding\n" : " findings\n");
}

void AppendFindingsHtml(const std::vector<const Finding*>& findings, const ClaimsById& claims,
                        const AnalysisStats& stats, std::string* out) {
  AppendHtmlHead("claimgraph: where sources disagree", out);
  *out += "<p class=\"muted\">" + Html(Stats(stats)) + " " + std::to_string(findings.size()) +
          " findings below. Labels: conflict = the values cannot both be true; other labels are "
          "consistent or explained (see docs/CONSISTENCY.md).</p>\n";
  for (const Finding* f : findings) {
    const std::string label(FindingLabelName(f->label));
    *out += "<div class=\"finding\"><span class=\"label " + label + "\">" + label + "</span> " +
            Html(std::string(FindingKindName(f->kind))) + " &middot; <b>" + Html(f->subject) +
            (f->other_subject.empty() ? "" : " vs " + Html(f->other_subject)) + "</b> " +
            Html(f->metric) + " <span class=\"muted\">" + Html(f->period) + " &middot; " +
            std::to_string(f->a_count) + " vs " + std::to_string(f->b_count) +
            " claims</span>\n<table><tr>";
    AppendHtmlClaim(Lookup(claims, f->a_claim_id), f->a_claim_id, out);
    AppendHtmlClaim(Lookup(claims, f->b_claim_id), f->b_claim_id, out);
    *out += "</tr></table><p class=\"why\">" + Html(f->explanation) + "</p></div>\n";
  }
  *out += "</body></html>\n";
}

void AppendSourcesJsonl(const std::vector<const SourceScore*>& sources, std::string* out) {
  for (const SourceScore* s : sources) {
    JsonWriter w(out);
    w.BeginObject();
    w.Field("source", s->source);
    w.Field("claims", s->claims);
    w.Field("corroborated", s->corroborated);
    w.Field("contradicted", s->contradicted);
    w.Field("unique", s->unique);
    w.Field("not_compared", s->not_compared);
    w.Field("reliability", s->reliability);
    w.EndObject();
    *out += "\n";
  }
}

void AppendSourcesTable(const std::vector<const SourceScore*>& sources, const AnalysisStats& stats,
                        std::string* out) {
  char line[512];
  std::snprintf(line, sizeof(line), "  %-36s %7s %12s %12s %7s %12s %11s\n", "SOURCE", "CLAIMS",
                "CORROBORATED", "CONTRADICTED", "UNIQUE", "NOT_COMPARED", "RELIABILITY");
  *out += line;
  for (const SourceScore* s : sources) {
    std::snprintf(line, sizeof(line), "  %-36s %7llu %12llu %12llu %7llu %12llu %11.3f\n",
                  Snippet(s->source, 36).c_str(), static_cast<unsigned long long>(s->claims),
                  static_cast<unsigned long long>(s->corroborated),
                  static_cast<unsigned long long>(s->contradicted),
                  static_cast<unsigned long long>(s->unique),
                  static_cast<unsigned long long>(s->not_compared), s->reliability);
    *out += line;
  }
  *out += std::to_string(sources.size()) + " sources; " + Stats(stats) + " Truth discovery " +
          (stats.converged ? "converged" : "stopped without converging") + " after " +
          std::to_string(stats.iterations) + " rounds.\n";
}

void AppendSourcesHtml(const std::vector<const SourceScore*>& sources, const AnalysisStats& stats,
                       std::string* out) {
  AppendHtmlHead("claimgraph: source consistency", out);
  *out += "<p class=\"muted\">" + Html(Stats(stats)) +
          " Reliability comes from iterative truth discovery: a source is reliable when its "
          "values are also stated by other reliable sources and not contradicted "
          "(docs/CONSISTENCY.md). Prior reliability is 0.8.</p>\n<table><tr><th>Source</th>"
          "<th>Claims</th><th>Corroborated</th><th>Contradicted</th><th>Unique</th>"
          "<th>Not compared</th><th>Reliability</th></tr>\n";
  for (const SourceScore* s : sources) {
    char score[32];
    std::snprintf(score, sizeof(score), "%.3f", s->reliability);
    const int width = static_cast<int>(s->reliability * 100);
    *out += "<tr><td>" + Html(s->source) + "</td><td>" + std::to_string(s->claims) + "</td><td>" +
            std::to_string(s->corroborated) + "</td><td>" + std::to_string(s->contradicted) +
            "</td><td>" + std::to_string(s->unique) + "</td><td>" +
            std::to_string(s->not_compared) + "</td><td>" + score +
            "<div class=\"bar\" style=\"width:" + std::to_string(width) + "%\"></div></td></tr>\n";
  }
  *out += "</table></body></html>\n";
}

}  // namespace claimgraph::cli
