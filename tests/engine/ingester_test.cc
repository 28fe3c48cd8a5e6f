// Ingester on several threads against a real RocksDB store. Tagged
// [parallel]: the ThreadSanitizer run of CI (scripts/test.sh) runs these.
#include "engine/ingester.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/stored.h"
#include "test_paths.h"

namespace claimgraph::ingester_test {

namespace {

using testing::TempDir;

// Claims made from a document's text: "version N" gives N % 4 + 1 claims,
// so every version of a document has a different claim set.
std::vector<Claim> ClaimsOf(const Document& doc) {
  const int version = std::stoi(doc.text.substr(doc.text.find(' ') + 1));
  std::vector<Claim> claims;
  for (int i = 0; i <= version % 4; ++i) {
    Claim c;
    c.doc_id = doc.id;
    c.claim_id = doc.id + "-v" + std::to_string(version) + "-" + std::to_string(i);
    c.subject = {"ACME", "Acme", EntityType::kCompany};
    c.metric = i % 2 == 0 ? "revenue" : "capex";
    c.modality = Modality::kReported;
    c.evidence_text = doc.text;
    claims.push_back(std::move(c));
  }
  return claims;
}

Document Version(const std::string& id, int version) {
  Document d;
  d.id = id;
  d.text = "version " + std::to_string(version);
  d.source = "Wire " + std::to_string(version % 3);
  d.published = "2026-01-" + std::to_string(10 + version % 9);
  d.prose_end = d.text.size();
  return d;
}

}  // namespace

TEST_CASE("an ingester on four threads keeps the last version of each document",
          "[store][parallel]") {
  TempDir dir;
  auto store = Store::Open(dir.path() + "/db", StoreOptions{});
  REQUIRE(store.ok());
  constexpr int kIds = 6;
  constexpr int kVersions = 30;
  std::atomic<int> extracted{0};
  std::mutex error_mu;
  std::vector<std::string> errors;
  uint64_t claims_added = 0;
  {
    Ingester ingester(
        store->get(),
        [&](const Document& d) {
          ++extracted;
          // Even versions extract slowly: a later version that overtook
          // an earlier one would be written first and then overwritten.
          if (d.text.back() % 2 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
          return ClaimsOf(d);
        },
        "rules-1",
        [&](const Document& d, const Status& s) {
          std::lock_guard lock(error_mu);
          errors.push_back(d.id + ": " + s.ToString());
        },
        IngestOptions{.threads = 4, .max_in_flight = 8, .force = false});
    // Versions of the same few ids arrive close together, so workers must
    // hold a later version back until the earlier one is written.
    for (int v = 0; v < kVersions; ++v) {
      for (int i = 0; i < kIds; ++i) {
        Document d = Version("doc-" + std::to_string(i), v);
        claims_added += ClaimsOf(d).size();
        ingester.Add(std::move(d));
      }
    }
    REQUIRE(ingester.Finish().ok());
    IngestCounts counts = ingester.Progress();
    CHECK(counts.added == kIds);
    CHECK(counts.replaced == kIds * (kVersions - 1));
    CHECK(counts.unchanged == 0);
    CHECK(counts.errors == 0);
    CHECK(counts.claims == claims_added);
  }
  CHECK(errors.empty());
  CHECK(extracted == kIds * kVersions);

  const Document last = Version("doc-0", kVersions - 1);
  uint64_t stored_claims = 0;
  for (int i = 0; i < kIds; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    auto doc = (*store)->GetDocument(id);
    REQUIRE(doc.ok());
    REQUIRE(doc->has_value());
    CHECK((*doc)->doc.text == last.text);
    CHECK((*doc)->content_hash == ContentHash(Version(id, kVersions - 1)));
    std::vector<std::string> ids;
    REQUIRE((*store)
                ->ScanIndex(ClaimIndex::kByDoc, {id},
                            [&](const std::string& claim_id) {
                              ids.push_back(claim_id);
                              return true;
                            })
                .ok());
    CHECK(ids.size() == ClaimsOf(last).size());
    for (const std::string& claim_id : ids) {
      CHECK(claim_id.rfind(id + "-v" + std::to_string(kVersions - 1) + "-", 0) == 0);
    }
    stored_claims += ids.size();
  }
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == kIds);
  CHECK(stats->claims == stored_claims);
  auto report = (*store)->CheckConsistency();
  REQUIRE(report.ok());
  for (const std::string& p : report->problems) INFO(p);
  CHECK(report->problems.empty());

  SECTION("ingesting the stored versions again extracts nothing") {
    std::atomic<int> again{0};
    Ingester ingester(
        store->get(),
        [&](const Document& d) {
          ++again;
          return ClaimsOf(d);
        },
        "rules-1", [](const Document&, const Status&) {},
        IngestOptions{.threads = 4, .max_in_flight = 0, .force = false});
    for (int i = 0; i < kIds; ++i) ingester.Add(Version("doc-" + std::to_string(i), kVersions - 1));
    REQUIRE(ingester.Finish().ok());
    CHECK(ingester.Progress().unchanged == kIds);
    CHECK(again == 0);
  }
}

TEST_CASE("an ingester holds at most max_in_flight_bytes of text and still takes a larger document",
          "[store][parallel]") {
  TempDir dir;
  auto store = Store::Open(dir.path() + "/db", StoreOptions{});
  REQUIRE(store.ok());
  constexpr size_t kDocBytes = 1000;
  constexpr int kDocs = 60;
  std::atomic<int> added{0}, written{0}, most_in_flight{0};
  {
    Ingester ingester(
        store->get(),
        [&](const Document& d) {
          // Added but not yet written: never more than three of 1,000 bytes.
          const int in_flight = added.load() - written.load();
          int seen = most_in_flight.load();
          while (in_flight > seen && !most_in_flight.compare_exchange_weak(seen, in_flight)) {
          }
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          return ClaimsOf(d);
        },
        [&](const Document& d, std::string_view content_hash, const std::vector<Claim>& claims) {
          CHECK(content_hash == ContentHash(d));
          auto put = (*store)->PutDocument(d, "rules-1", claims, false, content_hash);
          ++written;
          return put;
        },
        "rules-1", [](const Document&, const Status&) {},
        IngestOptions{.threads = 4, .max_in_flight = 100, .max_in_flight_bytes = 3 * kDocBytes});
    for (int i = 0; i < kDocs; ++i) {
      Document d = Version("doc-" + std::to_string(i), i);
      // One document alone is over the limit: it goes in by itself.
      d.text.resize(i == 30 ? 5 * kDocBytes : kDocBytes, ' ');
      d.prose_end = d.text.size();
      ingester.Add(std::move(d));
      ++added;
    }
    REQUIRE(ingester.Finish().ok());
    CHECK(ingester.Progress().added == kDocs);
  }
  CHECK(most_in_flight.load() >= 1);
  CHECK(most_in_flight.load() <= 3);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == kDocs);
}

}  // namespace claimgraph::ingester_test
