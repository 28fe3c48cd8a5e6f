#include "cli/snapshot.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "engine/hash.h"
#include "engine/key_codec.h"
#include "engine/mapped_file.h"
#include "engine/varint.h"
#include "graph/claim_fact.h"
#include "graph/graph_io.h"

namespace claimgraph::cli {

namespace {

constexpr char kManifestFile[] = "manifest.json";
constexpr char kManifestFormat[] = "claimgraph-snapshot-1";
constexpr char kClaimIdsMagic[] = "claimgraph-claim-ids-1\n";

}  // namespace

uint64_t ClaimIdNumber(const std::string& id) {
  return CanonicalClaimNumber(id).value_or(Fnv1a64(id));
}

namespace {

// The snapshot file `name` when the snapshot is current; nullopt (after a
// note on stderr when one is stale) when the caller should compute.
std::optional<std::string> CurrentSnapshotFile(const Store& store, const std::string& command,
                                               const char* name) {
  auto manifest = ReadSnapshotManifest(store.snapshot_dir());
  if (!manifest.ok()) {
    std::cerr << "claimgraph " << command << ": warning: " << manifest.status().message()
              << "; computing from the stored claims\n";
    return std::nullopt;
  }
  if (!manifest->has_value()) return std::nullopt;  // never rebuilt: nothing to say
  if ((*manifest)->sequence != store.sequence()) {
    std::cerr << "claimgraph " << command
              << ": note: the store changed since the last rebuild; computing from the stored "
                 "claims (run `claimgraph rebuild` to refresh the snapshot)\n";
    return std::nullopt;
  }
  return store.snapshot_dir() + "/" + name;
}

template <typename T>
Result<T> FromSnapshotOr(const Store& store, const std::string& command, const char* name,
                         const std::function<Result<T>(const std::string&)>& load,
                         const std::function<Result<T>()>& compute) {
  std::optional<std::string> path = CurrentSnapshotFile(store, command, name);
  if (!path) return compute();
  Result<T> loaded = load(*path);
  if (loaded.ok()) return loaded;
  std::cerr << "claimgraph " << command << ": warning: " << *path << ": "
            << loaded.status().message() << "; computing from the stored claims\n";
  return compute();
}

}  // namespace

Result<Analysis> SnapshotAnalysisOr(const Store& store, const std::string& command,
                                    const AnalysisSelection& selection,
                                    const std::function<Result<Analysis>()>& compute) {
  std::function<Result<Analysis>(const std::string&)> load = [&selection](const std::string& path) {
    return ReadAnalysisFile(path, selection);
  };
  const char* file = selection.findings ? kAnalysisFile : kSourcesFile;
  return FromSnapshotOr<Analysis>(store, command, file, load, compute);
}

Result<ClaimGraph> SnapshotGraphOr(const Store& store, const std::string& command,
                                   const std::function<Result<ClaimGraph>()>& compute) {
  std::function<Result<ClaimGraph>(const std::string&)> load = [](const std::string& path) {
    return LoadGraph(path);
  };
  return FromSnapshotOr<ClaimGraph>(store, command, kGraphFile, load, compute);
}

std::optional<ClaimLink> LinkOfFinding(const Finding& f) {
  bool contradicts = false;
  switch (f.label) {
    case FindingLabel::kConflict:
    case FindingLabel::kScale:
    case FindingLabel::kBeat:
    case FindingLabel::kMiss:
      contradicts = true;
      break;
    case FindingLabel::kAgree:
    case FindingLabel::kRounding:
    case FindingLabel::kMet:
      break;
    case FindingLabel::kStale:
    case FindingLabel::kSameSource:
    case FindingLabel::kPeriodMismatch:
      return std::nullopt;
  }
  return ClaimLink{f.a_claim_id, f.b_claim_id, contradicts, std::string(FindingLabelName(f.label))};
}

std::vector<ClaimLink> LinksFromFindings(const std::vector<Finding>& findings) {
  std::vector<ClaimLink> links;
  for (const Finding& f : findings) {
    if (std::optional<ClaimLink> link = LinkOfFinding(f)) links.push_back(std::move(*link));
  }
  return links;
}

Result<Analysis> ReadAnalysisFile(const std::string& path, const AnalysisSelection& selection,
                                  size_t piece_bytes) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  // A piece at a time, each released once read: a rebuild reads its new
  // analysis (570 MB at a million documents) while the graph is built, and
  // a mapping read whole would count all of it in the process's memory.
  const size_t piece = std::max<size_t>(piece_bytes, 1);
  const std::string_view bytes = file->bytes();
  AnalysisDecoder decoder(selection);
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.size();
    if (bytes.size() - pos > piece) {
      // The last whole line within the piece; else the one line it starts.
      size_t newline = bytes.rfind('\n', pos + piece - 1);
      if (newline == std::string_view::npos || newline < pos) newline = bytes.find('\n', pos);
      if (newline != std::string_view::npos) end = newline + 1;
    }
    if (Status s = decoder.Add(bytes.substr(pos, end - pos)); !s.ok()) return s;
    file->Release(end);
    pos = end;
  }
  return decoder.Finish();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound("cannot read " + path);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::IOError("cannot size " + path);
  std::string bytes(static_cast<size_t>(size), '\0');  // one read, no intermediate copies
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size) return Status::IOError("short read of " + path);
  return bytes;
}

Result<std::optional<SnapshotManifest>> ReadSnapshotManifest(const std::string& dir) {
  const std::string path = dir + "/" + kManifestFile;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<SnapshotManifest>();
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kManifestFormat) {
    return Status::Corruption(path + ": not a snapshot manifest of format " + kManifestFormat);
  }
  SnapshotManifest m;
  try {
    m.generation = j.at("generation").get<uint64_t>();
    m.sequence = j.at("sequence").get<uint64_t>();
    m.ruleset = j.at("ruleset").get<std::string>();
    m.built_at = j.at("built_at").get<int64_t>();
    m.documents = j.at("documents").get<uint64_t>();
    m.claims = j.at("claims").get<uint64_t>();
    m.findings = j.at("findings").get<uint64_t>();
    m.contradictions = j.at("contradictions").get<uint64_t>();
    m.sources = j.at("sources").get<uint64_t>();
    m.graph_vertices = j.at("graph_vertices").get<uint64_t>();
    m.graph_edges = j.at("graph_edges").get<uint64_t>();
    m.build_seconds = j.at("build_seconds").get<double>();
    m.analysis_seconds = j.value("analysis_seconds", 0.0);
    m.graph_seconds = j.value("graph_seconds", 0.0);
    m.graph_bytes = j.value("graph_bytes", uint64_t{0});
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(path + ": " + e.what());
  }
  return std::optional<SnapshotManifest>(m);
}

Status WriteSnapshotManifest(const std::string& dir, const SnapshotManifest& m) {
  nlohmann::json j = {{"format", kManifestFormat},
                      {"generation", m.generation},
                      {"sequence", m.sequence},
                      {"ruleset", m.ruleset},
                      {"built_at", m.built_at},
                      {"documents", m.documents},
                      {"claims", m.claims},
                      {"findings", m.findings},
                      {"contradictions", m.contradictions},
                      {"sources", m.sources},
                      {"graph_vertices", m.graph_vertices},
                      {"graph_edges", m.graph_edges},
                      {"build_seconds", m.build_seconds},
                      {"analysis_seconds", m.analysis_seconds},
                      {"graph_seconds", m.graph_seconds},
                      {"graph_bytes", m.graph_bytes}};
  return WriteFileDurably(dir + "/" + kManifestFile, j.dump(2) + "\n");
}

std::optional<SnapshotManifest> CurrentSnapshot(const Store& store) {
  auto m = ReadSnapshotManifest(store.snapshot_dir());
  if (!m.ok() || !m->has_value()) return std::nullopt;
  if ((*m)->sequence != store.sequence() || (*m)->generation != store.generation()) {
    return std::nullopt;
  }
  return **m;
}

Result<std::vector<uint64_t>> CollectClaimIds(const Store& store) {
  std::vector<uint64_t> ids;
  Status s = store.ScanIndexKeys(ClaimIndex::kByDoc, {}, false,
                                 [&](const std::vector<std::string>& parts) {
                                   ids.push_back(ClaimIdNumber(parts.back()));
                                   return true;
                                 });
  if (!s.ok()) return s;
  std::sort(ids.begin(), ids.end());
  return ids;
}

Status WriteClaimIds(const std::string& path, const std::vector<uint64_t>& ids) {
  std::string out = kClaimIdsMagic;
  PutVarint64(&out, ids.size());
  uint64_t prev = 0;
  for (uint64_t id : ids) {  // sorted: deltas are small varints
    PutVarint64(&out, id - prev);
    prev = id;
  }
  return WriteFileDurably(path, out);
}

Result<std::vector<uint64_t>> ReadClaimIds(const std::string& path) {
  auto bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  std::string_view in = *bytes;
  const std::string_view magic = kClaimIdsMagic;
  uint64_t n = 0;
  if (in.substr(0, magic.size()) != magic) return Status::Corruption(path + ": bad header");
  in.remove_prefix(magic.size());
  if (!GetVarint64(&in, &n) || n > in.size()) return Status::Corruption(path + ": bad count");
  std::vector<uint64_t> ids;
  ids.reserve(n);
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t delta = 0;
    if (!GetVarint64(&in, &delta)) return Status::Corruption(path + ": truncated");
    prev += delta;
    ids.push_back(prev);
  }
  return ids;
}

}  // namespace claimgraph::cli
