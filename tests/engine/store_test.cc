// Store and SearchClaims on real RocksDB databases in temporary directories.
#include "engine/store.h"

#include <rocksdb/db.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "engine/bulk_loader.h"
#include "engine/claim_search.h"
#include "engine/shard_merge.h"
#include "engine/shard_writer.h"
#include "engine/store_dir.h"
#include "store_dump.h"
#include "test_paths.h"

namespace claimgraph::store_test {

namespace {

using testing::TempDir;

Claim MakeClaim(const std::string& doc, const std::string& id, const std::string& subject,
                const std::string& metric, Modality modality = Modality::kReported) {
  Claim c;
  c.claim_id = id;
  c.doc_id = doc;
  c.subject = {subject, subject + " name", EntityType::kCompany};
  c.metric = metric;
  c.modality = modality;
  c.evidence_text = "The " + metric + " of " + subject + " grew.";
  ClaimValue v;
  v.type = MentionType::kMoney;
  v.quantity.amount = 1e9;
  v.text = "$1 billion";
  v.period = Period{"2025-07-01", "2025-09-30", Granularity::kQuarter, 2025, 3, false, ""};
  c.value = v;
  return c;
}

Document MakeDoc(const std::string& id, const std::string& text, const std::string& source = "Wire",
                 const std::string& published = "2026-01-15") {
  Document d;
  d.id = id;
  d.text = text;
  d.source = source;
  d.published = published;
  d.prose_end = text.size();
  return d;
}

std::unique_ptr<Store> OpenOrFail(const std::string& path, bool read_only = false) {
  auto s = Store::Open(path, StoreOptions{.read_only = read_only});
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

std::vector<std::string> Scan(const Store& store, ClaimIndex index,
                              const std::vector<std::string>& prefix) {
  std::vector<std::string> ids;
  REQUIRE(store
              .ScanIndex(index, prefix,
                         [&](const std::string& id) {
                           ids.push_back(id);
                           return true;
                         })
              .ok());
  return ids;
}

void RequireConsistent(const Store& store) {
  auto report = store.CheckConsistency();
  REQUIRE(report.ok());
  for (const std::string& p : report->problems) INFO(p);
  REQUIRE(report->problems.empty());
}

// Opens a closed store's current generation with plain RocksDB and calls
// fn(db, family name, handle) for each column family.
void ForEachRawFamily(
    const std::string& store_dir,
    const std::function<void(rocksdb::DB*, const std::string&, rocksdb::ColumnFamilyHandle*)>& fn) {
  auto generation = ReadCurrentGeneration(store_dir);
  REQUIRE(generation.ok());
  REQUIRE(generation->has_value());
  const std::string path = GenerationDbDir(store_dir, **generation);
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::Options(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const std::string& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::Options(), path, cfs, &handles, &db).ok());
  for (size_t i = 0; i < names.size(); ++i) fn(db, names[i], handles[i]);
  for (auto* h : handles) CHECK(db->DestroyColumnFamilyHandle(h).ok());
  delete db;
}

// Writes a raw key into one column family of a closed store's current generation.
void RawPut(const std::string& store_dir, const std::string& cf_name, const std::string& key,
            const std::string& value) {
  ForEachRawFamily(store_dir,
                   [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
                     if (name == cf_name)
                       CHECK(db->Put(rocksdb::WriteOptions(), cf, key, value).ok());
                   });
}

}  // namespace

TEST_CASE("a stored document and its claims read back with counters and indexes", "[store]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  Document doc = MakeDoc("d1", "Amazon backlog grew.");
  std::vector<Claim> claims = {MakeClaim("d1", "c1", "AMZN", "backlog"),
                               MakeClaim("d1", "c2", "AMZN/aws", "revenue", Modality::kForecast)};
  auto put = store->PutDocument(doc, "rules-1", claims);
  REQUIRE(put.ok());
  CHECK(*put == PutOutcome::kAdded);

  auto got = store->GetDocument("d1");
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK((*got)->doc.text == doc.text);
  CHECK((*got)->content_hash == ContentHash(doc));
  CHECK((*got)->claim_count == 2);
  auto c2 = store->GetClaim("c2");
  REQUIRE(c2.ok());
  REQUIRE(c2->has_value());
  CHECK((*c2)->claim.subject.id == "AMZN/aws");
  CHECK((*c2)->source == "Wire");
  CHECK((*c2)->published == "2026-01-15");

  CHECK(Scan(*store, ClaimIndex::kBySubject, {"AMZN"}) == std::vector<std::string>{"c1"});
  CHECK(Scan(*store, ClaimIndex::kByBlock, {"AMZN", "backlog", "2025-Q3"}) ==
        std::vector<std::string>{"c1"});
  CHECK(Scan(*store, ClaimIndex::kByDoc, {"d1"}).size() == 2);
  CHECK(Scan(*store, ClaimIndex::kBySource, {"Wire"}).size() == 2);

  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 1);
  CHECK(stats->claims == 2);
  CHECK(stats->entities == 2);
  CHECK(stats->by_metric.at("backlog") == 1);
  CHECK(stats->by_modality.at("forecast") == 1);
  CHECK(stats->by_source.at("Wire") == 1);
  RequireConsistent(*store);
}

TEST_CASE("putting the same document twice changes nothing", "[store]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  Document doc = MakeDoc("d1", "text");
  std::vector<Claim> claims = {MakeClaim("d1", "c1", "AMZN", "backlog")};
  REQUIRE(store->PutDocument(doc, "r", claims).ok());
  auto again = store->PutDocument(doc, "r", claims);
  REQUIRE(again.ok());
  CHECK(*again == PutOutcome::kUnchanged);
  CHECK(*store->IsCurrent("d1", ContentHash(doc), "r"));
  CHECK_FALSE(*store->IsCurrent("d1", ContentHash(doc), "other-rules"));
  CHECK(store->Stats()->claims == 1);
  CHECK(store->Stats()->documents == 1);
  RequireConsistent(*store);
}

TEST_CASE("a changed document replaces its claims and leaves no orphan index entry", "[store]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  REQUIRE(store
              ->PutDocument(MakeDoc("d1", "v1", "Wire"), "r",
                            {MakeClaim("d1", "keep", "AMZN", "backlog"),
                             MakeClaim("d1", "gone", "NVDA", "revenue")})
              .ok());
  REQUIRE(store->PutDocument(MakeDoc("d2", "other"), "r", {MakeClaim("d2", "x", "NVDA", "revenue")})
              .ok());
  auto put = store->PutDocument(
      MakeDoc("d1", "v2", "Paper"), "r",
      {MakeClaim("d1", "keep", "AMZN", "capex"), MakeClaim("d1", "new", "AMZN", "backlog")});
  REQUIRE(put.ok());
  CHECK(*put == PutOutcome::kReplaced);
  CHECK_FALSE(store->GetClaim("gone")->has_value());
  CHECK((*store->GetClaim("keep"))->claim.metric == "capex");
  CHECK(Scan(*store, ClaimIndex::kBySubject, {"NVDA"}) == std::vector<std::string>{"x"});
  CHECK(Scan(*store, ClaimIndex::kByBlock, {"AMZN", "backlog"}) == std::vector<std::string>{"new"});
  CHECK(Scan(*store, ClaimIndex::kBySource, {"Wire"}) == std::vector<std::string>{"x"});
  auto stats = store->Stats();
  CHECK(stats->documents == 2);
  CHECK(stats->claims == 3);
  CHECK(stats->by_metric.at("revenue") == 1);
  CHECK(stats->by_source.at("Paper") == 1);
  CHECK(stats->by_source.at("Wire") == 1);
  RequireConsistent(*store);
}

TEST_CASE("the consistency check reports an orphan index entry", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  {
    auto store = OpenOrFail(path);
    REQUIRE(
        store->PutDocument(MakeDoc("d1", "t"), "r", {MakeClaim("d1", "c1", "AMZN", "capex")}).ok());
  }
  RawPut(path, "by_subject", EncodeKey({"AMZN", "no-such-claim"}), "");
  auto store = OpenOrFail(path, /*read_only=*/true);
  auto report = store->CheckConsistency();
  REQUIRE(report.ok());
  for (const std::string& p : report->problems) UNSCOPED_INFO(p);
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].find("no-such-claim") != std::string::npos);
}

TEST_CASE("the consistency check holds term entries to their claims' terms", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  {
    auto store = OpenOrFail(path);
    Claim c = MakeClaim("d1", "c1", "AMZN", "capex");
    c.evidence_text = "Chips and cloud.";
    c.terms = {"chips", "cloud"};
    REQUIRE(store->PutDocument(MakeDoc("d1", "t"), "r", {c}).ok());
    RequireConsistent(*store);
    CHECK(Scan(*store, ClaimIndex::kByTerm, {"AMZN"}).size() == 2);
  }
  // An entry for a term the claim does not have.
  RawPut(path, "by_term", EncodeKey({"AMZN", "gpu", "2026-01-15", "c1"}), "");
  auto store = OpenOrFail(path, /*read_only=*/true);
  auto report = store->CheckConsistency();
  REQUIRE(report.ok());
  for (const std::string& p : report->problems) UNSCOPED_INFO(p);
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].find("by_term") != std::string::npos);
  CHECK(report->problems[0].find("does not match claim c1") != std::string::npos);
}

TEST_CASE("a corrupted claim value is reported as corruption", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  {
    auto store = OpenOrFail(path);
    REQUIRE(
        store->PutDocument(MakeDoc("d1", "t"), "r", {MakeClaim("d1", "c1", "AMZN", "capex")}).ok());
  }
  RawPut(path, "claims", "c1", "\x01garbage");
  auto store = OpenOrFail(path, true);
  auto claim = store->GetClaim("c1");
  REQUIRE_FALSE(claim.ok());
  CHECK(claim.status().code() == Status::Code::kCorruption);
  CHECK(claim.status().message().find("c1") != std::string::npos);
}

TEST_CASE("a whole scan delivers every claim in key order and stops where it is told to",
          "[store][parallel]") {
  // More claims than the reading thread's batches hold (engine/scan_pipe.h),
  // stored out of key order, with one damaged value among them.
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  std::vector<std::string> ids;
  {
    auto store = OpenOrFail(path);
    for (int d = 0; d < 100; ++d) {
      std::vector<Claim> claims;
      for (int i = 0; i < 12; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "c%02d%02d", i, d);  // key order is not document order
        claims.push_back(MakeClaim("d" + std::to_string(d), id, "AMZN", "capex"));
        ids.push_back(id);
      }
      REQUIRE(store->PutDocument(MakeDoc("d" + std::to_string(d), "t"), "r", claims).ok());
    }
  }
  std::sort(ids.begin(), ids.end());
  auto scan = [&](const Store& store, size_t stop_after, std::vector<std::string>* seen) {
    return store.ForEachClaim([&](const StoredClaim& c) {
      // A slow first call lets the reading thread fill every batch, so
      // batches wait in its queue and must be taken in order.
      if (seen->empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      seen->push_back(c.claim.claim_id);
      CHECK(c.claim.doc_id == "d" + std::to_string(std::stoi(c.claim.claim_id.substr(3))));
      return seen->size() < stop_after;
    });
  };
  {
    auto store = OpenOrFail(path, true);
    std::vector<std::string> seen;
    REQUIRE(scan(*store, ids.size() + 1, &seen).ok());
    CHECK(seen == ids);
    for (size_t stop : {size_t{1}, size_t{255}, size_t{256}, size_t{257}, size_t{769}}) {
      seen.clear();
      REQUIRE(scan(*store, stop, &seen).ok());
      CHECK(seen == std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(stop)));
    }
    size_t calls = 0;
    CHECK_THROWS_AS(store->ForEachClaim([&](const StoredClaim&) -> bool {
      if (++calls == 300) throw std::runtime_error("stop");
      return true;
    }),
                    std::runtime_error);
    CHECK(calls == 300);
  }
  const std::string damaged = ids[600];
  RawPut(path, "claims", damaged, "\x01garbage");
  auto store = OpenOrFail(path, true);
  std::vector<std::string> seen;
  Status s = scan(*store, ids.size() + 1, &seen);
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message().find("claim " + damaged) != std::string::npos);
  CHECK(seen == std::vector<std::string>(ids.begin(), ids.begin() + 600));
}

TEST_CASE("stores of another format or other databases are refused", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  { OpenOrFail(path); }
  RawPut(path, "default", "format", "claimgraph-store-0");
  auto old = Store::Open(path, {});
  REQUIRE_FALSE(old.ok());
  CHECK(old.status().message().find("claimgraph-store-0") != std::string::npos);
  CHECK_FALSE(Store::Open(path, StoreOptions{.read_only = true}).ok());

  // A store of the format before by_term: its marker is named, not the
  // missing family.
  const std::string v2 = tmp.path() + "/v2";
  { OpenOrFail(v2); }
  ForEachRawFamily(
      v2, [](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
        if (name == "by_term") CHECK(db->DropColumnFamily(cf).ok());
        if (name == "default") {
          CHECK(db->Put(rocksdb::WriteOptions(), cf, "format", "claimgraph-store-2").ok());
        }
      });
  for (bool read_only : {false, true}) {
    auto v2_open = Store::Open(v2, StoreOptions{.read_only = read_only});
    REQUIRE_FALSE(v2_open.ok());
    CHECK(v2_open.status().message().find("store format 'claimgraph-store-2'") !=
          std::string::npos);
  }

  // A RocksDB database that is not ours.
  const std::string other = tmp.path() + "/other";
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(o, other, &db).ok());
    delete db;
  }
  auto foreign = Store::Open(other, {});
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.status().message().find("not a claimgraph store") != std::string::npos);
}

TEST_CASE("a non-empty directory that is not a store is refused and left untouched", "[store]") {
  TempDir tmp;
  std::ofstream(tmp.path() + "/notes.txt") << "mine";
  auto s = Store::Open(tmp.path(), {});
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == Status::Code::kInvalidArgument);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tmp.path())) ++files;
  CHECK(files == 1);

  auto missing = Store::Open(tmp.path() + "/none", StoreOptions{.read_only = true});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message().find("claimgraph ingest") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/none"));
}

TEST_CASE("a reader follows a writer without blocking it and cannot write", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  auto writer = OpenOrFail(path);
  REQUIRE(
      writer->PutDocument(MakeDoc("d1", "a"), "r", {MakeClaim("d1", "c1", "AMZN", "capex")}).ok());
  auto reader = OpenOrFail(path, /*read_only=*/true);
  CHECK(reader->Stats()->documents == 1);
  REQUIRE(
      writer->PutDocument(MakeDoc("d2", "b"), "r", {MakeClaim("d2", "c2", "AMZN", "capex")}).ok());
  CHECK(reader->Stats()->documents == 1);  // a stable view until it catches up
  REQUIRE(reader->CatchUp().ok());
  CHECK(reader->Stats()->documents == 2);
  CHECK(reader->GetClaim("c2")->has_value());
  RequireConsistent(*reader);
  auto write = reader->PutDocument(MakeDoc("d3", "c"), "r", {});
  REQUIRE_FALSE(write.ok());
  CHECK(write.status().code() == Status::Code::kUnsupported);

  auto second_writer = Store::Open(path, {});
  REQUIRE_FALSE(second_writer.ok());
  CHECK(second_writer.status().code() == Status::Code::kIOError);
  CHECK(second_writer.status().message().find("in use by another writer") != std::string::npos);
}

TEST_CASE("a writer's memory is capped by its memtable budget and a small block cache", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  auto writer = OpenOrFail(path);
  const StoreMemory empty = writer->Memory();
  // The bounds docs/RELIABILITY.md states for ingest: at most 96 MB of
  // memtables and a 16 MB cache, a sixteenth of a reader's.
  CHECK(empty.memtable_budget > 0);
  CHECK(empty.memtable_budget <= (uint64_t{96} << 20));
  CHECK(empty.block_cache_capacity > 0);
  CHECK(empty.block_cache_capacity <= (uint64_t{16} << 20));

  const std::string text(2000, 'x');
  for (int i = 0; i < 200; ++i) {
    const std::string id = "d" + std::to_string(i);
    REQUIRE(writer->PutDocument(MakeDoc(id, text), "r", {MakeClaim(id, "c" + id, "AMZN", "capex")})
                .ok());
  }
  const StoreMemory written = writer->Memory();
  CHECK(written.memtables > empty.memtables + 200 * text.size());  // the documents are in them
  CHECK(written.memtables <= written.memtable_budget);
  // A flush writes table files whose index and filter blocks the writer
  // loads into its cache; the cache holds them within its capacity.
  REQUIRE(writer->Sync().ok());
  const StoreMemory flushed = writer->Memory();
  CHECK(flushed.memtables < written.memtables);
  CHECK(flushed.block_cache > 0);
  CHECK(flushed.block_cache <= flushed.block_cache_capacity);

  auto reader = OpenOrFail(path, /*read_only=*/true);
  CHECK(reader->Memory().block_cache_capacity > flushed.block_cache_capacity);
  CHECK(reader->Memory().block_cache_capacity <= (uint64_t{256} << 20));

  // A whole scan leaves the cache to what queries reuse; point reads of the
  // same documents fill it (so the measure can see data blocks).
  const uint64_t before_scan = reader->Memory().block_cache;
  size_t scanned = 0;
  REQUIRE(reader->ForEachDocument([&](const StoredDocument&) { return ++scanned, true; }).ok());
  REQUIRE(reader->ForEachClaim([&](const StoredClaim&) { return true; }).ok());
  REQUIRE(scanned == 200);
  const uint64_t after_scan = reader->Memory().block_cache;
  CHECK(after_scan - before_scan < 100 * text.size() / 2);
  for (int i = 0; i < 200; ++i) REQUIRE(reader->GetDocument("d" + std::to_string(i)).ok());
  CHECK(reader->Memory().block_cache - after_scan > 100 * text.size());
}

TEST_CASE("readers opened while the writer flushes never miss what an earlier reader saw",
          "[store][parallel]") {
  // A flush moves WAL records into a table file and deletes the WAL; a
  // reader opening in between must still see those records.
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  auto writer = OpenOrFail(path);
  constexpr int kDocs = 400;
  std::atomic<bool> done{false};
  Status write_status;
  std::thread writing([&] {
    for (int i = 0; i < kDocs && write_status.ok(); ++i) {
      const std::string doc = "d" + std::to_string(i);
      write_status = writer
                         ->PutDocument(MakeDoc(doc, "text " + doc), "r",
                                       {MakeClaim(doc, "c" + std::to_string(i), "AMZN", "capex")})
                         .status();
      if (write_status.ok() && i % 4 == 3) write_status = writer->Sync();
    }
    done = true;
  });
  std::vector<uint64_t> seen;
  std::string failure;
  while (failure.empty()) {
    const bool finished = done;
    auto reader = Store::Open(path, StoreOptions{.read_only = true});
    if (!reader.ok()) {
      failure = reader.status().ToString();
      break;
    }
    auto stats = (*reader)->Stats();
    if (!stats.ok()) {
      failure = stats.status().ToString();
      break;
    }
    seen.push_back(stats->documents);
    if (finished) break;
  }
  writing.join();
  INFO(failure);
  CHECK(failure.empty());
  REQUIRE(write_status.ok());
  CHECK(seen.size() > 2);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() == kDocs);
}

TEST_CASE("readers remove scratch directories that dead readers left behind", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  { OpenOrFail(path); }
  // pid_max on Linux is at most 2^22, so this pid is never alive.
  const std::string stale = "/tmp/claimgraph-reader-99999999-test";
  std::filesystem::create_directories(stale);
  std::ofstream(stale + "/LOG") << "x";
  const std::string live = "/tmp/claimgraph-reader-" + std::to_string(getpid()) + "-test";
  std::filesystem::create_directories(live);
  { OpenOrFail(path, /*read_only=*/true); }
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(live));  // its owner (this process) is alive
  std::filesystem::remove_all(live);
}

TEST_CASE("a reader pointed at a directory that is not a store says so", "[store]") {
  TempDir tmp;
  std::ofstream(tmp.path() + "/notes.txt") << "mine";
  auto s = Store::Open(tmp.path(), StoreOptions{.read_only = true});
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("is not a claimgraph store") != std::string::npos);
}

TEST_CASE("search answers scopes and filters from the indexes", "[store][search]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  Claim chip = MakeClaim("old", "chip", "AMZN", "revenue_run_rate");
  chip.evidence_text = "Amazon's chip business runs at $20 billion.";
  Claim retail = MakeClaim("old", "retail", "AMZN", "revenue");
  retail.evidence_text = "Retail sales grew; chipper than ever.";  // "chip" only inside a word
  Claim trn = MakeClaim("new", "trn", "AMZN/trainium3", "capex", Modality::kForecast);
  Claim nvda = MakeClaim("new", "nvda", "NVDA", "revenue");
  nvda.speaker = Speaker{"Jensen Huang", "CEO", "person/jensen-huang"};
  REQUIRE(store->PutDocument(MakeDoc("old", "o", "Wire", "2025-06-01"), "r", {chip, retail}).ok());
  REQUIRE(store->PutDocument(MakeDoc("new", "n", "Paper", "2026-02-01"), "r", {trn, nvda}).ok());

  ClaimQuery q;
  q.scopes.push_back({"Trainium3", {"AMZN/trainium3"}, {}, {}, {}});
  q.scopes.push_back({"chip business", {"AMZN", "AMZN/aws"}, {}, {"chip", "chips"}, {}});
  auto hits = SearchClaims(*store, q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[0].claim.claim.claim_id == "trn");  // newest document first
  CHECK((*hits)[0].scope == 0);
  CHECK((*hits)[1].claim.claim.claim_id == "chip");
  CHECK((*hits)[1].scope == 1);

  ClaimQuery by_speaker;
  by_speaker.scopes.push_back({"Nvidia", {"NVDA/none"}, {}, {}, {"person/jensen-huang"}});
  CHECK(SearchClaims(*store, by_speaker)->size() == 1);

  ClaimQuery filtered;
  filtered.since = "2026-01-01";
  CHECK(SearchClaims(*store, filtered)->size() == 2);
  filtered.modalities = {Modality::kForecast};
  CHECK(SearchClaims(*store, filtered)->at(0).claim.claim.claim_id == "trn");
  ClaimQuery until;
  until.until = "2025-12-31";
  until.sources = {"Wire"};
  CHECK(SearchClaims(*store, until)->size() == 2);
  ClaimQuery period;
  period.period = "2025";
  period.limit = 3;
  CHECK(SearchClaims(*store, period)->size() == 3);
  period.period = "2025-Q4";
  CHECK(SearchClaims(*store, period)->empty());
  ClaimQuery metric;
  metric.scopes.push_back({"", {}, {"revenue"}, {}, {}});
  CHECK(SearchClaims(*store, metric)->size() == 2);
}

TEST_CASE("a search with a limit returns the newest claims of the full answer", "[store][search]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  // 200 documents over 25 days (eight per day), each with claims about several
  // subjects, metrics and a speaker, so every scope merges several streams
  // and the larger answers need more than one fetch batch (256 claims).
  const char* subjects[] = {"AMZN", "AMZN/aws", "NVDA"};
  const char* metrics[] = {"revenue", "capex"};
  for (int d = 0; d < 200; ++d) {
    const std::string doc = "doc" + std::to_string(d);
    const int day = 1 + d / 8;
    const std::string date = std::string("2026-03-") + (day < 10 ? "0" : "") + std::to_string(day);
    std::vector<Claim> claims;
    for (int c = 0; c < 4; ++c) {
      Claim claim = MakeClaim(doc, doc + "-c" + std::to_string(c), subjects[(d + c) % 3],
                              metrics[(d * 3 + c) % 2]);
      if (c == 3) claim.speaker = Speaker{"Andy Jassy", "CEO", "person/andy-jassy"};
      claim.value->period->quarter = 1 + (d + c) % 4;  // by_block: period before date
      if (c % 2 == 0) {
        claim.evidence_text = "The chip business grew.";
        claim.terms = {"chip"};
      }
      claims.push_back(claim);
    }
    REQUIRE(
        store->PutDocument(MakeDoc(doc, "t", d % 2 ? "Wire" : "Paper", date), "r", claims).ok());
  }
  std::vector<ClaimQuery> queries(6);
  queries[0].scopes.push_back({"Amazon", {"AMZN", "AMZN/aws"}, {}, {}, {}});
  queries[1].scopes.push_back({"chips", {"AMZN"}, {}, {"chip"}, {}});
  queries[1].scopes.push_back({"Jassy", {}, {}, {}, {"person/andy-jassy"}});
  queries[2].scopes.push_back({"blocks", {"AMZN", "NVDA"}, {"revenue"}, {}, {}});
  queries[2].scopes.push_back({"capex", {}, {"capex"}, {}, {}});
  queries[3].sources = {"Wire"};
  queries[3].since = "2026-03-05";
  queries[3].until = "2026-03-15";
  queries[4].scopes.push_back({"NVDA", {"NVDA"}, {}, {}, {}});
  queries[4].modalities = {Modality::kReported};
  queries[4].until = "2026-03-12";
  queries[5].scopes.push_back(
      {"blocks", {"AMZN", "AMZN/aws", "NVDA"}, {"revenue", "capex"}, {}, {}});
  queries[5].period = "2025-Q2";
  // The chips question again, its evidence word read from by_term.
  queries.push_back(queries[1]);
  queries.back().ruleset = "r";
  queries.back().term_vocabulary = {"chip"};
  auto scanned = SearchClaims(*store, queries[1]);
  auto indexed = SearchClaims(*store, queries.back());
  REQUIRE(scanned.ok());
  REQUIRE(indexed.ok());
  REQUIRE(indexed->size() == scanned->size());
  for (size_t i = 0; i < indexed->size(); ++i) {
    CHECK((*indexed)[i].claim.claim.claim_id == (*scanned)[i].claim.claim.claim_id);
  }
  for (size_t qi = 0; qi < queries.size(); ++qi) {
    INFO("query " << qi);
    ClaimQuery q = queries[qi];
    auto all = SearchClaims(*store, q);
    REQUIRE(all.ok());
    REQUIRE(all->size() > 8);
    for (const ClaimHit& hit : *all) {
      const std::string date = hit.claim.published.substr(0, 10);
      if (!q.since.empty()) CHECK(date >= q.since);
      if (!q.until.empty()) CHECK(date <= q.until);
      if (!q.period.empty()) CHECK(ClaimPeriodKey(hit.claim.claim) == q.period);
    }
    for (size_t limit : {size_t{1}, size_t{3}, size_t{7}, all->size() - 1, all->size() + 5}) {
      INFO("limit " << limit);
      q.limit = limit;
      auto some = SearchClaims(*store, q);
      REQUIRE(some.ok());
      REQUIRE(some->size() == std::min(limit, all->size()));
      for (size_t i = 0; i < some->size(); ++i) {
        CHECK((*some)[i].claim.claim.claim_id == (*all)[i].claim.claim.claim_id);
        CHECK((*some)[i].scope == (*all)[i].scope);
      }
    }
  }
}

TEST_CASE("evidence words are read from by_term only when every claim has the query's ruleset",
          "[store][search]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  Claim chips = MakeClaim("d1", "c-chips", "AMZN", "revenue");
  chips.evidence_text = "Trainium chips sold out.";
  chips.terms = {"chips"};
  chips.ruleset = "rs-a";
  Claim plain = MakeClaim("d1", "c-plain", "AMZN", "revenue");
  plain.ruleset = "rs-a";
  // Says "chips" but records no term, as a claim whose terms were found
  // with a vocabulary without the word would: by_term cannot offer it.
  Claim unrecorded = MakeClaim("d1", "c-unrecorded", "AMZN", "capex");
  unrecorded.evidence_text = "New chips ship next year.";
  unrecorded.ruleset = "rs-a";
  REQUIRE(store->PutDocument(MakeDoc("d1", "t"), "rs-a", {chips, plain, unrecorded}).ok());
  RequireConsistent(*store);
  CHECK(Scan(*store, ClaimIndex::kByTerm, {"AMZN", "chips"}) ==
        std::vector<std::string>{"c-chips"});
  auto counter = store->Counter("ruleset", "rs-a");
  REQUIRE(counter.ok());
  CHECK(*counter == 3);

  auto ids = [&](const std::string& ruleset, std::vector<std::string> subjects = {"AMZN"}) {
    ClaimQuery q;
    q.scopes.push_back({"chips", std::move(subjects), {}, {"chips"}, {}});
    q.ruleset = ruleset;
    q.term_vocabulary = {"chips", "cpu"};
    auto hits = SearchClaims(*store, q);
    REQUIRE(hits.ok());
    std::set<std::string> out;
    for (const ClaimHit& h : *hits) out.insert(h.claim.claim.claim_id);
    return out;
  };
  // Every claim has rs-a: candidates come from by_term alone.
  CHECK(ids("rs-a") == std::set<std::string>{"c-chips"});
  // Another ruleset, or none: every AMZN claim is read and re-checked.
  CHECK(ids("rs-b") == std::set<std::string>{"c-chips", "c-unrecorded"});
  CHECK(ids("") == std::set<std::string>{"c-chips", "c-unrecorded"});
  // The same for any subject, through the entries under "".
  CHECK(ids("rs-a", {}) == std::set<std::string>{"c-chips"});
  CHECK(ids("rs-b", {}) == std::set<std::string>{"c-chips", "c-unrecorded"});

  // One claim of another ruleset makes the index incomplete for rs-a.
  Claim old = MakeClaim("d2", "c-old", "AMZN", "revenue");
  old.evidence_text = "Older chips, older rules.";
  old.ruleset = "rs-old";
  REQUIRE(store->PutDocument(MakeDoc("d2", "t"), "rs-old", {old}).ok());
  CHECK(ids("rs-a") == std::set<std::string>{"c-chips", "c-unrecorded", "c-old"});
  CHECK(ids("rs-a", {}) == std::set<std::string>{"c-chips", "c-unrecorded", "c-old"});

  // Replacing documents removes their term entries; the counters follow.
  old.ruleset = "rs-a";
  old.terms = {"chips"};
  REQUIRE(store->PutDocument(MakeDoc("d2", "t"), "rs-a", {old}).ok());
  CHECK(ids("rs-a") == std::set<std::string>{"c-chips", "c-old"});
  CHECK(ids("rs-a", {}) == std::set<std::string>{"c-chips", "c-old"});
  REQUIRE(store->PutDocument(MakeDoc("d1", "changed"), "rs-a", {plain}).ok());
  CHECK(Scan(*store, ClaimIndex::kByTerm, {"AMZN"}) == std::vector<std::string>{"c-old"});
  CHECK(*store->Counter("ruleset", "rs-old") == 0);
  CHECK(*store->Counter("ruleset", "rs-a") == 2);
  RequireConsistent(*store);
}

TEST_CASE("a staged generation is invisible to readers until it is published", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  auto writer = OpenOrFail(path);
  REQUIRE(writer->generation() == 1);
  REQUIRE(
      writer->PutDocument(MakeDoc("d1", "a"), "r", {MakeClaim("d1", "c1", "AMZN", "capex")}).ok());
  const uint64_t seq_before = writer->sequence();
  auto staged = writer->StageGeneration();
  REQUIRE(staged.ok());
  CHECK((*staged)->generation() == 2);
  CHECK((*staged)->sequence() == seq_before);  // a checkpoint keeps the sequence
  REQUIRE((*staged)
              ->PutDocument(MakeDoc("d2", "b"), "r", {MakeClaim("d2", "c2", "AMZN", "capex")})
              .ok());
  CHECK((*staged)->sequence() > seq_before);
  {
    auto reader = OpenOrFail(path, /*read_only=*/true);
    CHECK(reader->generation() == 1);
    CHECK(reader->Stats()->documents == 1);
  }
  auto busy = Store::Open(path, {});  // the writer lock covers the staged generation too
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.status().message().find("in use by another writer") != std::string::npos);

  REQUIRE(writer->PublishGeneration(staged->get()).ok());
  {
    auto reader = OpenOrFail(path, /*read_only=*/true);
    CHECK(reader->generation() == 2);
    CHECK(reader->Stats()->documents == 2);
    RequireConsistent(*reader);
  }
  CHECK(std::filesystem::exists(GenerationDir(path, 1)));  // kept for readers mid-open
  staged->reset();
  writer.reset();

  auto next = OpenOrFail(path);
  CHECK(next->generation() == 2);
  auto third = next->StageGeneration();
  REQUIRE(third.ok());
  REQUIRE(next->PublishGeneration(third->get()).ok());
  CHECK_FALSE(std::filesystem::exists(GenerationDir(path, 1)));
  CHECK(std::filesystem::exists(GenerationDir(path, 2)));
}

TEST_CASE("a generation abandoned before publishing leaves the old one serving", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  {
    auto writer = OpenOrFail(path);
    REQUIRE(writer->PutDocument(MakeDoc("d1", "a"), "r", {}).ok());
    auto staged = writer->StageGeneration();
    REQUIRE(staged.ok());
    REQUIRE((*staged)->PutDocument(MakeDoc("d2", "b"), "r", {}).ok());
    // Dropped without PublishGeneration: what a crash mid-rebuild leaves.
  }
  CHECK(std::filesystem::exists(GenerationDir(path, 2)));
  auto reader = OpenOrFail(path, /*read_only=*/true);
  CHECK(reader->generation() == 1);
  CHECK(reader->Stats()->documents == 1);
  auto writer = OpenOrFail(path);  // the next writer removes the partial generation
  CHECK(writer->generation() == 1);
  CHECK_FALSE(std::filesystem::exists(GenerationDir(path, 2)));
}

TEST_CASE("a store whose creation was interrupted is created afresh", "[store]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/db";
  std::filesystem::create_directories(GenerationDir(path, 1) + "/db");
  std::ofstream(GenerationDir(path, 1) + "/db/LOG") << "half";
  auto writer = OpenOrFail(path);
  CHECK(writer->generation() == 1);
  REQUIRE(writer->PutDocument(MakeDoc("d1", "a"), "r", {}).ok());
  CHECK(writer->Stats()->documents == 1);

  std::ofstream(path + "/SNAPSHOT", std::ios::trunc) << "garbage\n";
  writer.reset();
  auto bad = Store::Open(path, StoreOptions{.read_only = true});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kCorruption);
  CHECK(bad.status().message().find("SNAPSHOT") != std::string::npos);
}

// Documents d0..d(n-1), each with two claims naming the shared entity
// "SHARED" (named `shared_name`) and one of its own.
std::vector<std::pair<Document, std::vector<Claim>>> ChunkDocs(
    size_t n, size_t first = 0, const std::string& shared_name = "") {
  std::vector<std::pair<Document, std::vector<Claim>>> docs;
  for (size_t i = first; i < first + n; ++i) {
    const std::string id = "d" + std::to_string(i);
    Claim shared = MakeClaim(id, id + "-a", "SHARED", "capex");
    if (!shared_name.empty()) shared.subject.name = shared_name;
    docs.push_back({MakeDoc(id, "text of " + id, i % 2 ? "Wire" : "Daily"),
                    {shared, MakeClaim(id, id + "-b", "E" + std::to_string(i), "revenue")}});
  }
  return docs;
}

// The name stored for entity `id`.
std::string EntityName(const Store& store, const std::string& id) {
  std::string name;
  REQUIRE(store
              .ForEachEntity([&](const StoredEntity& e) {
                if (e.id == id) name = e.name;
                return true;
              })
              .ok());
  return name;
}

// Shard directory `dir` holding `docs`, written as one ShardWriter would.
void WriteShard(const std::string& dir,
                const std::vector<std::pair<Document, std::vector<Claim>>>& docs,
                const ShardWriterOptions& options = {}) {
  auto writer = ShardWriter::Create(dir, options);
  REQUIRE(writer.ok());
  for (const auto& [doc, claims] : docs) (*writer)->Add(doc, "r", claims, 1700000000);
  auto manifest = (*writer)->Finish();
  INFO(manifest.status().ToString());
  REQUIRE(manifest.ok());
}

TEST_CASE("merged shards load as the documents would be put, in files that do not overlap",
          "[store][bulk]") {
  TempDir tmp;
  const auto first = ChunkDocs(30, 0, "Shared Early");
  const auto second = ChunkDocs(30, 30, "Shared Late");
  WriteShard(tmp.path() + "/a", first);
  WriteShard(tmp.path() + "/b", second);

  // Tiny output files: several per family, which must follow each other.
  auto merged = MergeShards({tmp.path() + "/a", tmp.path() + "/b"}, tmp.path() + "/m", 2,
                            ShardWriterOptions{.target_file_bytes = 512});
  INFO(merged.status().ToString());
  REQUIRE(merged.ok());
  CHECK(merged->documents == 60);
  CHECK(merged->claims == 120);
  std::map<std::string, std::vector<const ShardFile*>> by_family;
  for (const ShardFile& f : merged->files) by_family[f.column_family].push_back(&f);
  CHECK(by_family["claims"].size() > 2);
  for (const auto& [family, files] : by_family) {
    INFO(family);
    for (size_t i = 0; i + 1 < files.size(); ++i) CHECK(files[i]->largest < files[i + 1]->smallest);
  }

  auto loaded = OpenOrFail(tmp.path() + "/loaded");
  auto summary = loaded->LoadShards({tmp.path() + "/m"}, LoadShardsOptions{});
  INFO(summary.status().ToString());
  REQUIRE(summary.ok());
  RequireConsistent(*loaded);
  CHECK(loaded->Stats()->documents == 60);
  CHECK(EntityName(*loaded, "SHARED") == "Shared Late");  // the later shard's record
  loaded.reset();

  auto put = OpenOrFail(tmp.path() + "/put");
  for (const auto* docs : {&first, &second}) {
    for (const auto& [doc, claims] : *docs) REQUIRE(put->PutDocument(doc, "r", claims).ok());
  }
  put.reset();
  testing::RequireEqualStores(testing::DumpStore(tmp.path() + "/put"),
                              testing::DumpStore(tmp.path() + "/loaded"));

  // The other order keeps the other shard's record.
  auto reversed = MergeShards({tmp.path() + "/b", tmp.path() + "/a"}, tmp.path() + "/r", 1);
  REQUIRE(reversed.ok());
  auto other = OpenOrFail(tmp.path() + "/other");
  REQUIRE(other->LoadShards({tmp.path() + "/r"}, LoadShardsOptions{}).ok());
  CHECK(EntityName(*other, "SHARED") == "Shared Early");
}

TEST_CASE("runs written and merged with O_DIRECT load the same store", "[store][bulk]") {
  TempDir tmp;
  // The probe leaves nothing behind, and a directory that is not there
  // has no direct I/O.
  CHECK_FALSE(SupportsDirectIo(tmp.path() + "/missing"));
  const bool direct = SupportsDirectIo(tmp.path());
  CHECK(std::filesystem::is_empty(tmp.path()));
  if (!direct) {
    WARN("no O_DIRECT under " << tmp.path() << ": only the buffered path is tested");
  }
  const auto first = ChunkDocs(30, 0, "Shared Early");
  const auto second = ChunkDocs(30, 30, "Shared Late");
  std::vector<bool> modes{false};
  if (direct) modes.push_back(true);
  std::vector<std::string> stores;
  for (const bool d : modes) {
    for (const bool runs : {false, true}) {
      INFO("direct " << d << ", sorted runs " << runs);
      const std::string run =
          tmp.path() + (d ? "/direct" : "/buffered") + (runs ? "-runs" : "-tables");
      const ShardWriterOptions options{
          .target_file_bytes = 512, .direct_writes = d, .sorted_runs = runs};
      WriteShard(run + "-a", first, options);
      WriteShard(run + "-b", second, options);
      auto merged = MergeShards({run + "-a", run + "-b"}, run + "-m", 2, {}, d);
      INFO(merged.status().ToString());
      REQUIRE(merged.ok());
      CHECK(merged->documents == 60);
      stores.push_back(run + "-store");
      auto loaded = OpenOrFail(stores.back());
      REQUIRE(loaded->LoadShards({run + "-m"}, LoadShardsOptions{}).ok());
      RequireConsistent(*loaded);
      CHECK(EntityName(*loaded, "SHARED") == "Shared Late");
    }
  }
  for (size_t i = 1; i < stores.size(); ++i) {
    INFO(stores[i]);
    testing::RequireEqualStores(testing::DumpStore(stores[0]), testing::DumpStore(stores[i]));
  }
}

TEST_CASE("a shard of sorted runs is merged and never loaded", "[store][bulk]") {
  TempDir tmp;
  const auto first = ChunkDocs(30, 0, "Shared Early");
  const auto second = ChunkDocs(30, 30, "Shared Late");
  WriteShard(tmp.path() + "/runs", first, ShardWriterOptions{.sorted_runs = true});
  WriteShard(tmp.path() + "/tables", second);
  auto manifest = ReadShardManifest(tmp.path() + "/runs");
  REQUIRE(manifest.ok());
  for (const ShardFile& f : manifest->files) CHECK(f.file == f.column_family + ".run");

  auto store = OpenOrFail(tmp.path() + "/db");
  auto refused = store->LoadShards({tmp.path() + "/tables", tmp.path() + "/runs"}, {});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kInvalidArgument);
  CHECK(refused.status().message().find("/runs holds ") != std::string::npos);
  CHECK(refused.status().message().find(".run, a sorted run") != std::string::npos);
  CHECK(store->Stats()->documents == 0);  // all or nothing

  // A merge reads runs and table files alike, the later shard's record kept.
  auto merged = MergeShards({tmp.path() + "/runs", tmp.path() + "/tables"}, tmp.path() + "/m", 2);
  INFO(merged.status().ToString());
  REQUIRE(merged.ok());
  REQUIRE(store->LoadShards({tmp.path() + "/m"}, {}).ok());
  RequireConsistent(*store);
  CHECK(EntityName(*store, "SHARED") == "Shared Late");
  store.reset();
  auto put = OpenOrFail(tmp.path() + "/put");
  for (const auto* docs : {&first, &second}) {
    for (const auto& [doc, claims] : *docs) REQUIRE(put->PutDocument(doc, "r", claims).ok());
  }
  put.reset();
  testing::RequireEqualStores(testing::DumpStore(tmp.path() + "/put"),
                              testing::DumpStore(tmp.path() + "/db"));
}

TEST_CASE("a chunked load whose last chunk filled up merges its runs", "[store][bulk]") {
  // With chunks of one byte every Add writes its document as a run, and
  // Finish finds an empty last chunk: even one run must be merged before
  // it can be loaded.
  for (const size_t n : {size_t{1}, size_t{3}}) {
    INFO(n << " documents");
    TempDir tmp;
    auto store = OpenOrFail(tmp.path() + "/db");
    auto loader = ChunkedLoader::Start(store.get(), /*chunk_bytes=*/1);
    REQUIRE(loader.ok());
    const auto docs = ChunkDocs(n);
    for (const auto& [doc, claims] : docs) REQUIRE((*loader)->Add(doc, "r", claims, 1).ok());
    CHECK((*loader)->chunks() == n);
    auto summary = (*loader)->Finish();
    INFO(summary.status().ToString());
    REQUIRE(summary.ok());
    CHECK(summary->documents == n);
    CHECK(store->Stats()->documents == n);
    RequireConsistent(*store);
  }
}

TEST_CASE("a store read with O_DIRECT scans the same records", "[store][bulk]") {
  // rebuild --full opens the serving store with direct_reads; the scans
  // must not depend on how the bytes arrive.
  TempDir tmp;
  const auto docs = ChunkDocs(40, 0, "Shared");
  const std::string path = tmp.path() + "/db";
  {
    auto store = OpenOrFail(path);
    for (const auto& [doc, claims] : docs) REQUIRE(store->PutDocument(doc, "r", claims).ok());
    REQUIRE(store->Sync().ok());  // into table files, which direct reads then read
  }
  auto store = Store::Open(path, StoreOptions{.create_if_missing = false, .direct_reads = true});
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  std::vector<std::string> ids;
  REQUIRE((*store)
              ->ForEachDocument([&](const StoredDocument& d) {
                ids.push_back(d.doc.id);
                return true;
              })
              .ok());
  std::vector<std::string> expected;
  for (const auto& [doc, claims] : docs) expected.push_back(doc.id);
  std::sort(expected.begin(), expected.end());
  CHECK(ids == expected);
  RequireConsistent(**store);
  auto staged = (*store)->StageGeneration(Store::StageFrom::kCopy);
  INFO(staged.status().ToString());
  REQUIRE(staged.ok());
  CHECK((*staged)->Stats()->documents == 40);
}

TEST_CASE("merging refuses a document that two shards hold", "[store][bulk]") {
  TempDir tmp;
  WriteShard(tmp.path() + "/a", ChunkDocs(5, 0));
  WriteShard(tmp.path() + "/b", ChunkDocs(5, 3));  // d3, d4 in both
  auto merged = MergeShards({tmp.path() + "/a", tmp.path() + "/b"}, tmp.path() + "/m", 2);
  REQUIRE_FALSE(merged.ok());
  CHECK(merged.status().code() == Status::Code::kInvalidArgument);
  CHECK(merged.status().message().find("document d3 is in more than one shard") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/m/" + std::string(kShardManifestName)));
}

TEST_CASE("a chunked load from several threads equals putting every document",
          "[store][bulk][parallel]") {
  TempDir tmp;
  const auto docs = ChunkDocs(400);
  auto store = OpenOrFail(tmp.path() + "/chunked");
  auto loader = ChunkedLoader::Start(store.get(), /*chunk_bytes=*/8192, /*merge_threads=*/2);
  REQUIRE(loader.ok());
  std::atomic<size_t> next{0};
  std::atomic<int> errors{0};
  auto add = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) {
      if (!(*loader)->Add(docs[i].first, "r", docs[i].second, 1700000000).ok()) ++errors;
    }
  };
  std::thread other(add);
  add();
  other.join();
  CHECK(errors == 0);
  CHECK(store->Stats()->documents == 0);  // nothing loaded before Finish
  auto summary = (*loader)->Finish();
  INFO(summary.status().ToString());
  REQUIRE(summary.ok());
  CHECK((*loader)->chunks() > 10);
  CHECK(summary->documents == docs.size());
  CHECK(summary->shards == 1);  // the chunks, merged
  RequireConsistent(*store);
  CHECK(store->Stats()->documents == docs.size());
  loader->reset();
  store.reset();

  auto put = OpenOrFail(tmp.path() + "/put");
  for (const auto& [doc, claims] : docs) REQUIRE(put->PutDocument(doc, "r", claims).ok());
  put.reset();
  testing::RequireEqualStores(testing::DumpStore(tmp.path() + "/put"),
                              testing::DumpStore(tmp.path() + "/chunked"));
  for (const auto& e : std::filesystem::directory_iterator(tmp.path() + "/chunked")) {
    CHECK(e.path().filename().string().rfind("bulk-", 0) != 0);  // temporary runs removed
  }
}

TEST_CASE("a chunked load with a document added twice loads nothing", "[store][bulk]") {
  TempDir tmp;
  auto store = OpenOrFail(tmp.path() + "/db");
  auto loader = ChunkedLoader::Start(store.get(), /*chunk_bytes=*/1024);
  REQUIRE(loader.ok());
  const auto docs = ChunkDocs(20);
  for (const auto& [doc, claims] : docs) REQUIRE((*loader)->Add(doc, "r", claims, 1).ok());
  REQUIRE((*loader)->Add(docs[0].first, "r", docs[0].second, 2).ok());  // a later chunk
  auto summary = (*loader)->Finish();
  REQUIRE_FALSE(summary.ok());
  CHECK(summary.status().message().find("document d0 is in more than one shard") !=
        std::string::npos);
  CHECK(store->Stats()->documents == 0);
  RequireConsistent(*store);
}

}  // namespace claimgraph::store_test
