#include "cli/rebuild_diff.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <future>
#include <map>
#include <string_view>
#include <tuple>

#include "engine/json_writer.h"

namespace claimgraph::cli {

namespace {

// A finding's identity across runs: kind, label and its two claim ids in
// either order. Views into the finding.
using FindingKey = std::tuple<FindingKind, FindingLabel, std::string_view, std::string_view>;

FindingKey KeyOf(const Finding& f) {
  const bool ordered = f.a_claim_id <= f.b_claim_id;
  return {f.kind, f.label, ordered ? f.a_claim_id : f.b_claim_id,
          ordered ? f.b_claim_id : f.a_claim_id};
}

// The keys of the genuine findings of `f`, sorted, each with its index.
std::vector<std::pair<FindingKey, size_t>> SortedGenuineKeys(const std::vector<Finding>& f) {
  std::vector<std::pair<FindingKey, size_t>> keys;
  for (size_t i = 0; i < f.size(); ++i) {
    if (IsGenuine(f[i])) keys.emplace_back(KeyOf(f[i]), i);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The genuine findings of `a` whose key is not among `b`'s, and those of
// `b` not among `a`'s, each in its list's order: both lists' keys sorted
// (on two threads: a million-document rebuild has 600,000 of each) and
// walked side by side once.
std::pair<std::vector<Finding>, std::vector<Finding>> GenuineMissingFromEach(
    const std::vector<Finding>& a, const std::vector<Finding>& b) {
  auto sorting_b = std::async(std::launch::async, [&b] { return SortedGenuineKeys(b); });
  const auto ka = SortedGenuineKeys(a);
  const auto kb = sorting_b.get();
  std::vector<size_t> only_a, only_b;
  size_t i = 0, j = 0;
  while (i < ka.size() || j < kb.size()) {
    if (j == kb.size() || (i < ka.size() && ka[i].first < kb[j].first)) {
      only_a.push_back(ka[i++].second);
    } else if (i == ka.size() || kb[j].first < ka[i].first) {
      only_b.push_back(kb[j++].second);
    } else {  // in both: every finding of either list with this key
      const FindingKey key = ka[i].first;
      while (i < ka.size() && ka[i].first == key) ++i;
      while (j < kb.size() && kb[j].first == key) ++j;
    }
  }
  auto in_order = [](std::vector<size_t> at, const std::vector<Finding>& from) {
    std::sort(at.begin(), at.end());
    std::vector<Finding> out;
    out.reserve(at.size());
    for (size_t k : at) out.push_back(from[k]);
    return out;
  };
  return {in_order(std::move(only_a), a), in_order(std::move(only_b), b)};
}

// How many ids of sorted `a` are not in sorted `b`.
uint64_t CountMissing(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  uint64_t n = 0;
  size_t j = 0;
  for (uint64_t id : a) {
    while (j < b.size() && b[j] < id) ++j;
    if (j == b.size() || b[j] != id) ++n;
  }
  return n;
}

void WriteFinding(const Finding& f, JsonWriter* w) {
  w->BeginObject();
  w->Field("kind", FindingKindName(f.kind));
  w->Field("label", FindingLabelName(f.label));
  w->Field("subject", f.subject);
  w->Field("metric", f.metric);
  w->Field("a", f.a_claim_id);
  w->Field("b", f.b_claim_id);
  w->Field("explanation", f.explanation);
  w->EndObject();
}

void WriteJson(const RebuildReport& r, size_t show, std::ostream& out) {
  std::string s;
  JsonWriter w(&s);
  w.BeginObject();
  w.Field("generation", r.generation);
  w.Field("reextracted", r.reextracted.replaced + r.reextracted.added);
  w.Field("current", r.current);
  w.Field("into", r.into);
  w.Field("chunks", r.chunks);
  w.Field("errors", r.reextracted.errors);
  w.Field("documents", r.manifest.documents);
  w.Field("claims", r.manifest.claims);
  w.Field("claims_added", r.diff.claims_added);
  w.Field("claims_removed", r.diff.claims_removed);
  w.Field("contradictions", r.manifest.contradictions);
  w.Field("findings", r.manifest.findings);
  w.Field("sources", r.manifest.sources);
  w.Field("graph_vertices", r.manifest.graph_vertices);
  w.Field("graph_edges", r.manifest.graph_edges);
  w.Field("graph_bytes", r.manifest.graph_bytes);
  w.Field("reextract_seconds", r.reextract_seconds);
  w.Field("analysis_seconds", r.manifest.analysis_seconds);
  w.Field("graph_seconds", r.manifest.graph_seconds);
  w.Field("snapshot_seconds", r.manifest.build_seconds);
  w.Field("has_previous", r.diff.has_previous);
  w.Field("new_contradictions_count", static_cast<uint64_t>(r.diff.new_contradictions.size()));
  w.Field("resolved_count", static_cast<uint64_t>(r.diff.resolved.size()));
  w.Key("new_contradictions");
  w.BeginArray();
  for (size_t i = 0; i < r.diff.new_contradictions.size() && i < show; ++i) {
    WriteFinding(r.diff.new_contradictions[i], &w);
  }
  w.EndArray();
  w.Key("resolved");
  w.BeginArray();
  for (size_t i = 0; i < r.diff.resolved.size() && i < show; ++i) {
    WriteFinding(r.diff.resolved[i], &w);
  }
  w.EndArray();
  w.Key("moved_sources");
  w.BeginArray();
  for (size_t i = 0; i < r.diff.moved.size() && i < show; ++i) {
    w.BeginObject();
    w.Field("source", r.diff.moved[i].source);
    w.Field("before", r.diff.moved[i].before);
    w.Field("after", r.diff.moved[i].after);
    w.EndObject();
  }
  w.EndArray();
  w.Field("seconds", r.seconds);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  w.Field("peak_rss_bytes", static_cast<uint64_t>(usage.ru_maxrss) * 1024);
  w.EndObject();
  out << s << "\n";
}

void PrintFindings(const char* title, const std::vector<Finding>& list, size_t show,
                   std::ostream& out) {
  if (list.empty()) return;
  out << title << " (" << list.size() << "):\n";
  for (size_t i = 0; i < list.size() && i < show; ++i) {
    const Finding& f = list[i];
    out << "  " << f.subject << "  " << (f.metric.empty() ? "-" : f.metric) << "  "
        << FindingLabelName(f.label) << "  " << f.a_claim_id << " vs " << f.b_claim_id << "\n"
        << "    " << f.explanation << "\n";
  }
  if (list.size() > show) out << "  ... and " << list.size() - show << " more\n";
}

void WriteText(const RebuildReport& r, size_t show, std::ostream& out) {
  char line[512];
  std::snprintf(line, sizeof(line),
                "rebuilt generation %llu (into %s): %llu docs re-extracted, %llu current, "
                "%llu errors; "
                "%llu claims (+%llu -%llu); %llu contradictions (%zu new, %zu resolved); "
                "%llu sources (%zu moved) in %.1f s\n",
                static_cast<unsigned long long>(r.generation), r.into.c_str(),
                static_cast<unsigned long long>(r.reextracted.replaced + r.reextracted.added),
                static_cast<unsigned long long>(r.current),
                static_cast<unsigned long long>(r.reextracted.errors),
                static_cast<unsigned long long>(r.manifest.claims),
                static_cast<unsigned long long>(r.diff.claims_added),
                static_cast<unsigned long long>(r.diff.claims_removed),
                static_cast<unsigned long long>(r.manifest.contradictions),
                r.diff.new_contradictions.size(), r.diff.resolved.size(),
                static_cast<unsigned long long>(r.manifest.sources), r.diff.moved.size(),
                r.seconds);
  out << line;
  if (!r.diff.has_previous) out << "(no previous rebuild: every contradiction counts as new)\n";
  PrintFindings("new contradictions", r.diff.new_contradictions, show, out);
  PrintFindings("resolved contradictions", r.diff.resolved, show, out);
  if (!r.diff.moved.empty())
    out << "sources whose reliability moved (" << r.diff.moved.size() << "):\n";
  for (size_t i = 0; i < r.diff.moved.size() && i < show; ++i) {
    std::snprintf(line, sizeof(line), "  %-30s %.3f -> %.3f\n", r.diff.moved[i].source.c_str(),
                  r.diff.moved[i].before, r.diff.moved[i].after);
    out << line;
  }
}

}  // namespace

Result<Analysis> ReadGenuineFindings(const std::string& snapshot_dir) {
  // The diff compares genuine findings only: the others are skipped before
  // they are parsed (about half of a large snapshot's lines).
  const std::string path = snapshot_dir + "/" + kAnalysisFile;
  AnalysisSelection genuine;
  genuine.genuine_only = true;
  auto analysis = ReadAnalysisFile(path, genuine);
  if (!analysis.ok()) {
    return Status::Corruption(path + ": " + std::string(analysis.status().message()));
  }
  return analysis;
}

Result<PreviousRun> LoadPreviousRun(const Store& store) {
  PreviousRun run;
  run.generation = store.generation();
  const std::string dir = store.snapshot_dir();
  auto manifest = ReadSnapshotManifest(dir);
  if (!manifest.ok()) return manifest.status();
  if (!manifest->has_value()) {
    auto ids = CollectClaimIds(store);
    if (!ids.ok()) return ids.status();
    run.claim_ids = std::move(ids).value();
    return run;
  }
  auto analysis = ReadGenuineFindings(dir);
  if (!analysis.ok()) return analysis.status();
  auto ids = ReadClaimIds(dir + "/" + kClaimIdsFile);
  if (!ids.ok()) return ids.status();
  run.has_snapshot = true;
  run.analysis = std::move(analysis).value();
  run.claim_ids = std::move(ids).value();
  return run;
}

RunDiff DiffFindings(const PreviousRun& previous, const Analysis& now) {
  RunDiff d;
  d.has_previous = previous.has_snapshot;
  std::tie(d.new_contradictions, d.resolved) =
      GenuineMissingFromEach(now.findings, previous.analysis.findings);
  std::map<std::string, double> before;
  for (const SourceScore& s : previous.analysis.sources) before[s.source] = s.reliability;
  for (const SourceScore& s : now.sources) {
    auto it = before.find(s.source);
    if (it == before.end()) {
      ++d.new_sources;
    } else if (std::fabs(s.reliability - it->second) >= kScoreMoveThreshold) {
      d.moved.push_back({s.source, it->second, s.reliability});
    }
  }
  std::stable_sort(d.moved.begin(), d.moved.end(), [](const ScoreMove& a, const ScoreMove& b) {
    return std::fabs(a.after - a.before) > std::fabs(b.after - b.before);
  });
  return d;
}

void DiffClaimIds(const std::vector<uint64_t>& previous, const std::vector<uint64_t>& now,
                  RunDiff* diff) {
  diff->claims_added = CountMissing(now, previous);
  diff->claims_removed = CountMissing(previous, now);
}

void PrintRebuildReport(const RebuildReport& report, bool json, size_t show, std::ostream& out) {
  if (json) {
    WriteJson(report, show, out);
  } else {
    WriteText(report, show, out);
  }
}

}  // namespace claimgraph::cli
