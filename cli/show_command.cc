// `claimgraph show ID`: one claim with its full provenance, or one document
// with the sentences its claims came from highlighted.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "cli/claim_table.h"
#include "cli/commands.h"
#include "cli/store_access.h"
#include "cli/value_format.h"
#include "engine/claim_json.h"
#include "engine/key_codec.h"

namespace claimgraph::cli {

namespace {

struct ShowOptions {
  std::string db;
  std::string id;
  std::string format = "text";
};

void Line(std::string* out, const char* label, const std::string& value) {
  if (value.empty()) return;
  char head[32];
  std::snprintf(head, sizeof(head), "  %-10s ", label);
  *out += head + value + "\n";
}

std::string DocumentLine(const StoredDocument& d) {
  std::string s = d.doc.id;
  if (!d.doc.title.empty()) s += " \"" + d.doc.title + "\"";
  if (!d.doc.source.empty()) s += ", " + d.doc.source;
  if (!d.doc.published.empty()) s += ", " + d.doc.published;
  return s;
}

void AppendClaimText(const StoredClaim& sc, const std::optional<StoredDocument>& doc,
                     std::string* out) {
  const Claim& c = sc.claim;
  *out += "claim " + c.claim_id + "  " + std::string(ClaimKindName(c.kind)) + "\n";
  Line(out, "subject",
       c.subject.name + " (" + (c.subject.id.empty() ? "?" : c.subject.id) + ", " +
           std::string(EntityTypeName(c.subject.type)) + ")");
  Line(out, "metric", c.metric);
  std::string value = FormatClaimValue(c.value);
  if (c.value) value += "   \"" + c.value->text + "\"";
  Line(out, "value", value);
  if (c.prior) Line(out, "prior", FormatClaimValue(c.prior) + "   \"" + c.prior->text + "\"");
  if (c.change) Line(out, "change", c.change_direction + " " + FormatClaimValue(c.change));
  Line(out, "period", ClaimPeriodKey(c));
  Line(out, "status", c.status);
  Line(out, "stance", c.stance);
  Line(out, "compared", c.comparator);
  if (c.kind == ClaimKind::kQuantity || c.kind == ClaimKind::kRelative) {
    Line(out, "modality", std::string(ModalityName(c.modality)) + (c.negated ? ", negated" : ""));
  }
  if (c.speaker) {
    Line(out, "speaker", c.speaker->name + (c.speaker->role.empty() ? "" : ", " + c.speaker->role));
  }
  Line(out, "document", doc ? DocumentLine(*doc) : c.doc_id + " (missing)");
  if (doc) Line(out, "url", doc->doc.url);
  if (doc) Line(out, "origin", doc->doc.origin);
  Line(out, "evidence", "\"" + c.evidence_text + "\"");
  Line(out, "bytes", std::to_string(c.evidence_start) + ".." + std::to_string(c.evidence_end));
  Line(out, "rule", c.rule + " (ruleset " + c.ruleset + ")");
}

// The document's text with each evidence sentence marked and numbered.
void AppendHighlighted(const StoredDocument& d, const std::vector<StoredClaim>& claims,
                       std::string* out) {
  std::map<std::pair<size_t, size_t>, std::string> spans;  // evidence span -> "1,2"
  for (size_t i = 0; i < claims.size(); ++i) {
    std::string& tag = spans[{claims[i].claim.evidence_start, claims[i].claim.evidence_end}];
    tag += (tag.empty() ? "" : ",") + std::to_string(i + 1);
  }
  const bool tty = isatty(STDOUT_FILENO);
  const std::string& text = d.doc.text;
  size_t pos = 0;
  for (const auto& [span, tag] : spans) {
    if (span.first < pos || span.second > text.size()) continue;
    *out += text.substr(pos, span.first - pos);
    *out += tty ? "\033[1;4m[" + tag + "] " : "[[" + tag + ": ";
    *out += text.substr(span.first, span.second - span.first);
    *out += tty ? "\033[0m" : "]]";
    pos = span.second;
  }
  *out += text.substr(pos) + "\n";
}

int ShowDocument(const Store& store, const StoredDocument& d, const std::string& format) {
  std::vector<std::string> ids;
  Status s = store.ScanIndex(ClaimIndex::kByDoc, {d.doc.id}, [&](const std::string& id) {
    ids.push_back(id);
    return true;
  });
  auto claims = s.ok() ? store.GetClaims(ids) : Result<std::vector<StoredClaim>>(s);
  if (!claims.ok()) {
    std::cerr << "claimgraph show: " << claims.status().message() << "\n";
    return 1;
  }
  std::sort(claims->begin(), claims->end(), [](const StoredClaim& a, const StoredClaim& b) {
    return a.claim.evidence_start != b.claim.evidence_start
               ? a.claim.evidence_start < b.claim.evidence_start
               : a.claim.claim_id < b.claim.claim_id;
  });
  std::string out;
  if (format == "json") {
    for (const StoredClaim& c : *claims) AppendClaimJson(c.claim, &out);
  } else {
    out += "document " + DocumentLine(d) + "\n";
    Line(&out, "url", d.doc.url);
    Line(&out, "origin", d.doc.origin);
    Line(&out, "hash", d.content_hash + " (ruleset " + d.ruleset + ")");
    out += "\n";
    AppendHighlighted(d, *claims, &out);
    out += "\n" + std::to_string(claims->size()) + " claims\n";
    AppendClaimTableHeader(&out);
    for (size_t i = 0; i < claims->size(); ++i) {
      out += "[" + std::to_string(i + 1) + "] " + (*claims)[i].claim.claim_id + "\n";
      AppendClaimTableRow((*claims)[i], &out);
    }
  }
  std::cout << out;
  return 0;
}

int RunShow(ShowOptions& o) {
  auto store = OpenStoreOrReport("show", ResolveDb(o.db), StoreOptions{.read_only = true});
  if (!store) return 1;
  auto claim = store->GetClaim(o.id);
  auto doc = claim.ok() && !claim->has_value()
                 ? store->GetDocument(o.id)
                 : Result<std::optional<StoredDocument>>(std::optional<StoredDocument>());
  Status s = !claim.ok() ? claim.status() : doc.status();
  if (!s.ok()) {
    std::cerr << "claimgraph show: " << s.message() << "\n";
    return 1;
  }
  if (doc->has_value()) return ShowDocument(*store, **doc, o.format);
  if (!claim->has_value()) {
    std::cerr << "claimgraph show: no claim or document with id '" << o.id << "' in "
              << store->path() << "\n";
    return 1;
  }
  auto owner = store->GetDocument((*claim)->claim.doc_id);
  std::string out;
  if (o.format == "json") {
    AppendClaimJson((*claim)->claim, &out);
  } else {
    AppendClaimText(**claim, owner.ok() ? *owner : std::nullopt, &out);
  }
  std::cout << out;
  return 0;
}

}  // namespace

void RegisterShow(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand(
      "show",
      "One claim with its full provenance (document, source, date, evidence, rule), or\n"
      "one document with the sentences its claims came from marked [[n: ...]].\n\n"
      "Examples:\n"
      "  claimgraph show 3f9c2a71d04e8b15\n"
      "  claimgraph show 001-amazon-chips");
  cmd->add_option("id", opts->id, "A claim id (from query/ask) or a document id")->required();
  AddDbOption(cmd, &opts->db);
  cmd->add_option("--format", opts->format, "Output: text (default) or json (claim schema)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, exit_code] { *exit_code = RunShow(*opts); });
}

}  // namespace claimgraph::cli
