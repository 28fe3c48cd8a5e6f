#include "engine/shard_manifest.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/json_writer.h"
#include "engine/line_reader.h"
#include "engine/store.h"

namespace claimgraph {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxManifestBytes = size_t{64} << 20;
constexpr std::string_view kLoadableFamilies[] = {
    "documents", "claims", "entities",  "by_subject", "by_metric",
    "by_block",  "by_doc", "by_source", "by_speaker", "by_term"};

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

bool Unhex(const json& j, std::string* out) {
  if (!j.is_string()) return false;
  const std::string& s = j.get_ref<const std::string&>();
  if (s.size() % 2 != 0) return false;
  out->clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    int v = 0;
    for (char c : {s[i], s[i + 1]}) {
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + d;
    }
    out->push_back(static_cast<char>(v));
  }
  return true;
}

bool IsCount(const json& j) { return j.is_number_unsigned(); }

Status ParseFile(const json& f, ShardFile* out) {
  if (!f.is_object() || !f.contains("column_family") || !f["column_family"].is_string() ||
      !f.contains("file") || !f["file"].is_string() || !IsCount(f.value("keys", json())) ||
      !IsCount(f.value("bytes", json())) || !Unhex(f.value("smallest", json()), &out->smallest) ||
      !Unhex(f.value("largest", json()), &out->largest)) {
    return Status::InvalidArgument("malformed entry in files");
  }
  out->column_family = f["column_family"].get<std::string>();
  out->file = f["file"].get<std::string>();
  out->keys = f["keys"].get<uint64_t>();
  out->bytes = f["bytes"].get<uint64_t>();
  if (std::find(std::begin(kLoadableFamilies), std::end(kLoadableFamilies), out->column_family) ==
      std::end(kLoadableFamilies)) {
    return Status::InvalidArgument("file " + out->file + " is for column family '" +
                                   out->column_family + "', which a shard cannot load");
  }
  if (out->file.empty() || out->file.find('/') != std::string::npos || out->file[0] == '.') {
    return Status::InvalidArgument("file name '" + out->file + "' is not a plain file name");
  }
  return Status::OK();
}

Status ParseManifest(const json& j, ShardManifest* m) {
  if (!j.is_object()) return Status::InvalidArgument("not a JSON object");
  if (j.value("format", "") != kShardFormat) {
    return Status::InvalidArgument("shard format '" + j.value("format", "") + "', expected '" +
                                   std::string(kShardFormat) + "'");
  }
  if (j.value("store_format", "") != kStoreFormat) {
    return Status::InvalidArgument("written for store format '" + j.value("store_format", "") +
                                   "', this build writes '" + std::string(kStoreFormat) +
                                   "'; run `claimgraph sst` again with this build");
  }
  for (const char* key : {"documents", "claims", "keys", "bytes"}) {
    if (!IsCount(j.value(key, json()))) {
      return Status::InvalidArgument(std::string("'") + key + "' is not a count");
    }
  }
  m->documents = j["documents"].get<uint64_t>();
  m->claims = j["claims"].get<uint64_t>();
  m->keys = j["keys"].get<uint64_t>();
  m->bytes = j["bytes"].get<uint64_t>();
  const json counters = j.value("counters", json());
  const json files = j.value("files", json());
  if (!counters.is_array() || !files.is_array()) {
    return Status::InvalidArgument("'counters' and 'files' must be arrays");
  }
  for (const json& c : counters) {
    if (!c.is_array() || c.size() != 3 || !c[0].is_string() || !c[1].is_string() ||
        !c[2].is_number_integer()) {
      return Status::InvalidArgument("malformed entry in counters");
    }
    m->counters.push_back({c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<int64_t>()});
  }
  for (const json& f : files) {
    ShardFile file;
    Status s = ParseFile(f, &file);
    if (!s.ok()) return s;
    m->files.push_back(std::move(file));
  }
  return Status::OK();
}

}  // namespace

std::string EncodeShardManifest(const ShardManifest& m) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("format", kShardFormat);
  w.Field("store_format", kStoreFormat);
  w.Field("documents", m.documents);
  w.Field("claims", m.claims);
  w.Field("keys", m.keys);
  w.Field("bytes", m.bytes);
  w.Key("counters");
  w.BeginArray();
  for (const ShardCounter& c : m.counters) {
    w.BeginArray();
    w.String(c.group);
    w.String(c.name);
    w.Int(c.value);
    w.EndArray();
  }
  w.EndArray();
  w.Key("files");
  w.BeginArray();
  for (const ShardFile& f : m.files) {
    w.BeginObject();
    w.Field("column_family", f.column_family);
    w.Field("file", f.file);
    w.Field("keys", f.keys);
    w.Field("bytes", f.bytes);
    w.Field("smallest", Hex(f.smallest));
    w.Field("largest", Hex(f.largest));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

Result<ShardManifest> ReadShardManifest(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound(dir + ": no such directory (expected the --out of `claimgraph sst`)");
  }
  const std::string path = (fs::path(dir) / kShardManifestName).string();
  if (!fs::exists(path, ec)) {
    return Status::NotFound(dir + ": not a claimgraph sst directory (no " +
                            std::string(kShardManifestName) +
                            "; an interrupted `claimgraph sst` leaves none)");
  }
  std::string text;
  Status s = ReadWholeFile(path, kMaxManifestBytes, &text);
  if (!s.ok()) return Status::IOError(path + ": " + s.message());
  ShardManifest m;
  s = ParseManifest(json::parse(text, nullptr, false), &m);
  if (!s.ok()) return Status::InvalidArgument(path + ": " + s.message());
  for (const ShardFile& f : m.files) {
    const fs::path file = fs::path(dir) / f.file;
    if (!fs::is_regular_file(file, ec)) {
      return Status::InvalidArgument(dir + ": " + f.file + " is listed in " +
                                     std::string(kShardManifestName) + " but missing");
    }
  }
  return m;
}

}  // namespace claimgraph
