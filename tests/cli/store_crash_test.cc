// Crash safety and concurrency of the store, proved with real processes: an
// ingest killed with SIGKILL at several points leaves a consistent store
// holding whole documents only, running it again completes it, and readers
// work and see whole documents while an ingest writes.
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_run.h"
#include "test_paths.h"

namespace claimgraph::store_crash_test {

namespace {

using nlohmann::json;
using testing::Claimgraph;
using testing::ClaimgraphProcess;
using testing::Run;

// claim_id -> the claim's JSON line, per document id.
using ClaimsByDoc = std::map<std::string, std::map<std::string, json>>;

// Bound of the loops that poll a running ingest (a count, not a timer):
// reaching it means the ingest is stuck.
constexpr int kMaxPolls = 5000;
// The ingest reads stdin in blocks of 1 MiB. Tests that feed it through a
// pipe give it this much (more than one block) and hold the rest back, and
// then it must store documents within kMaxHeldPolls polls, without waiting
// for the end of its input.
constexpr size_t kFirstBytes = (size_t{3} << 20) / 2;
constexpr int kMaxHeldPolls = 200;

std::string WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary);
  for (const std::string& line : lines) out << line;
  return path;
}

ClaimsByDoc GroupByDoc(const std::string& jsonl) {
  ClaimsByDoc by_doc;
  for (json& c : testing::JsonLines(jsonl)) {
    const std::string doc = c["doc_id"].get<std::string>(), id = c["claim_id"].get<std::string>();
    by_doc[doc][id] = std::move(c);
  }
  return by_doc;
}

size_t ClaimCount(const ClaimsByDoc& by_doc) {
  size_t n = 0;
  for (const auto& [doc, claims] : by_doc) n += claims.size();
  return n;
}

json ParseObject(const std::string& out) {
  json j = json::parse(out, nullptr, false);
  INFO(out);
  REQUIRE(j.is_object());
  return j;
}

// Writes documents into a child's stdin from a thread, in two parts: the
// first lines up to `first_bytes`, then, after Release(), the rest; then it
// closes the pipe (end of input). Destroyed unfinished (the test killed the
// child, or failed), it kills the child so that the thread's writes fail
// and it ends.
class Feeder {
 public:
  Feeder(ClaimgraphProcess* child, std::vector<std::string> lines, size_t first_bytes)
      : child_(child), lines_(std::move(lines)), first_bytes_(first_bytes) {
    thread_ = std::thread([this] { Feed(); });
  }
  ~Feeder() {
    if (!thread_.joinable()) return;
    child_->Kill();
    Release();
    thread_.join();
  }
  Feeder(const Feeder&) = delete;
  Feeder& operator=(const Feeder&) = delete;

  void Release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cv_.notify_all();
  }
  // Waits for the thread; returns whether every line was written.
  bool Finish() {
    Release();
    thread_.join();
    return written_ == lines_.size();
  }

 private:
  void Feed() {
    // A write to a child that died raises SIGPIPE in this thread: block it
    // here so that the write fails with EPIPE instead of killing the tests.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    size_t bytes = 0;
    for (const std::string& line : lines_) {
      if (bytes < first_bytes_ && bytes + line.size() >= first_bytes_) {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return released_; });
      }
      if (!Write(line)) break;
      bytes += line.size();
      ++written_;
    }
    child_->CloseStdin();
  }
  bool Write(const std::string& line) {
    size_t off = 0;
    while (off < line.size()) {
      const ssize_t n = write(child_->stdin_fd(), line.data() + off, line.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      off += static_cast<size_t>(n);
    }
    return true;
  }

  ClaimgraphProcess* child_;
  const std::vector<std::string> lines_;
  const size_t first_bytes_;
  size_t written_ = 0;  // written by the thread only, read after join
  std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  std::thread thread_;
};

// Documents in the store per `claimgraph stats`; nullopt when it could not
// be opened (not created yet).
std::optional<uint64_t> StoredDocuments(const std::string& db) {
  Run r = Claimgraph("stats --db " + db + " --format json");
  if (r.exit_code != 0) return std::nullopt;
  return ParseObject(r.out)["documents"].get<uint64_t>();
}

// Polls `claimgraph stats` until the store holds `target` documents or the
// ingest has exited, then kills it (SIGKILL). Returns whether the kill ended
// it; fails when it stores too little in `max_polls` polls or fails.
bool KillWhenStored(ClaimgraphProcess* ingest, const std::string& db, uint64_t target,
                    int max_polls) {
  for (int polls = 0; ingest->Running(); ++polls) {
    const std::optional<uint64_t> documents = StoredDocuments(db);
    if (documents && *documents >= target) break;
    INFO("fewer than " << target << " documents stored after " << polls << " polls");
    REQUIRE(polls < max_polls);
  }
  ingest->Kill();
  const int status = ingest->Wait();
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) return true;
  INFO(ingest->Err());
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return false;
}

// Describes how `stored` differs from `expected`; empty when they are equal.
std::string Difference(const std::map<std::string, json>& stored,
                       const std::map<std::string, json>& expected) {
  std::string diff;
  for (const auto& [id, claim] : expected) {
    auto it = stored.find(id);
    if (it == stored.end()) {
      diff += " missing " + id;
    } else if (it->second != claim) {
      diff += " changed " + id;
    }
  }
  for (const auto& [id, claim] : stored) {
    if (expected.count(id) == 0) diff += " unexpected " + id;
  }
  return diff;
}

// Proves the store at `db` consistent and holding whole documents only: every
// stored document has exactly the claims extraction gives it, byte for byte.
// Returns the ids of the stored documents.
std::set<std::string> RequireWholeDocuments(const std::string& db, const ClaimsByDoc& expected,
                                            const std::vector<std::string>& corpus_ids) {
  Run check = Claimgraph("check --db " + db + " --format json");
  INFO(check.out << check.err);
  REQUIRE(check.exit_code == 0);
  const json report = ParseObject(check.out);
  REQUIRE(report["ok"] == true);
  REQUIRE(report["problems"].empty());
  const uint64_t documents = report["documents"].get<uint64_t>();
  const json stats = ParseObject(Claimgraph("stats --db " + db + " --format json").out);
  CHECK(stats["documents"] == documents);
  CHECK(stats["claims"] == report["claims"]);

  // Every claim in the store, grouped by document.
  Run all = Claimgraph("query --db " + db + " --format jsonl");
  REQUIRE(all.exit_code == 0);
  const ClaimsByDoc stored = GroupByDoc(all.out);
  CHECK(stored.size() == documents);  // each stored document has its claims
  CHECK(ClaimCount(stored) == report["claims"].get<uint64_t>());
  for (const auto& [doc, claims] : stored) {
    auto it = expected.find(doc);
    INFO(doc);
    REQUIRE(it != expected.end());
    const std::string diff = Difference(claims, it->second);
    INFO(diff);
    CHECK(diff.empty());
  }

  // The same through `show DOC_ID` (the by-document index) for a sample:
  // the first, middle and last stored documents, and one that is absent.
  std::vector<std::string> sample;
  if (!stored.empty()) {
    sample = {stored.begin()->first, std::next(stored.begin(), stored.size() / 2)->first,
              stored.rbegin()->first};
  }
  for (const std::string& doc : sample) {
    Run show = Claimgraph("show --db " + db + " --format json " + doc);
    INFO(doc << ": " << show.err);
    REQUIRE(show.exit_code == 0);
    const ClaimsByDoc shown = GroupByDoc(show.out);
    REQUIRE(shown.size() == 1);
    CHECK(Difference(shown.begin()->second, expected.at(doc)).empty());
  }
  for (const std::string& doc : corpus_ids) {
    if (stored.count(doc) != 0) continue;
    Run show = Claimgraph("show --db " + db + " " + doc);
    INFO(doc);
    CHECK(show.exit_code == 1);
    CHECK(show.err.find("no claim or document with id '" + doc + "'") != std::string::npos);
    break;
  }
  std::set<std::string> ids;
  for (const auto& [doc, claims] : stored) ids.insert(doc);
  return ids;
}

std::vector<std::string> Ids(const ClaimsByDoc& by_doc) {
  std::vector<std::string> ids;
  for (const auto& [doc, claims] : by_doc) ids.push_back(doc);
  return ids;
}

}  // namespace

TEST_CASE("An ingest killed with SIGKILL leaves whole documents and running it again completes it",
          "[cli][store][slow]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const size_t n = 2500;
  const std::vector<std::string> lines = testing::SeedCorpusLines(n);
  const std::string corpus = WriteLines(tmp.path() + "/corpus.jsonl", lines);
  Run extracted = Claimgraph("extract " + corpus);
  REQUIRE(extracted.exit_code == 0);
  const ClaimsByDoc expected = GroupByDoc(extracted.out);
  REQUIRE(expected.size() == n);  // every document has claims
  const std::vector<std::string> ids = Ids(expected);

  std::set<std::string> stored;
  int mid_ingest_kills = 0;
  for (int round = 1; round <= 3; ++round) {
    INFO("round " << round);
    bool killed = false;
    if (round == 1) {
      // The first ingest reads stdin and gets only the first 1.5 MiB, its
      // input left open: it cannot finish, so this kill lands mid-ingest
      // whatever the speed of the machine (early: while it writes, mostly).
      const uint64_t target = n / 25;
      ClaimgraphProcess ingest(
          {"ingest", "--db", db, "--no-progress", "--threads", "2", "--input-format", "jsonl", "-"},
          tmp.path(), /*stdin_pipe=*/true);
      Feeder feeder(&ingest, lines, kFirstBytes);
      killed = KillWhenStored(&ingest, db, target, kMaxHeldPolls);
      REQUIRE(killed);
    } else {
      // Kill once the store holds a quarter of what is still missing.
      const uint64_t target = stored.size() + std::max<size_t>(1, (n - stored.size()) / 4);
      ClaimgraphProcess ingest({"ingest", "--db", db, "--no-progress", "--threads", "2", corpus},
                               tmp.path());
      killed = KillWhenStored(&ingest, db, target, kMaxPolls);
      if (!killed) WARN("round " << round << ": the ingest finished before the kill");
    }
    const std::set<std::string> now = RequireWholeDocuments(db, expected, ids);
    // What an earlier round stored is still there.
    CHECK(std::includes(now.begin(), now.end(), stored.begin(), stored.end()));
    stored = now;
    if (killed && stored.size() < n) ++mid_ingest_kills;
  }
  CHECK(mid_ingest_kills >= 1);

  Run rerun =
      Claimgraph("ingest --db " + db + " --no-progress --threads 2 --format json " + corpus);
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  const json summary = ParseObject(rerun.out);
  size_t stored_claims = 0;
  for (const std::string& doc : stored) stored_claims += expected.at(doc).size();
  CHECK(summary["skipped"] == stored.size());
  CHECK(summary["added"] == n - stored.size());
  CHECK(summary["claims"] == ClaimCount(expected) - stored_claims);
  CHECK(summary["replaced"] == 0);
  CHECK(summary["errors"] == 0);
  const json stats = ParseObject(Claimgraph("stats --db " + db + " --format json").out);
  CHECK(stats["documents"] == n);
  CHECK(stats["claims"] == ClaimCount(expected));
  CHECK(RequireWholeDocuments(db, expected, ids).size() == n);
}

TEST_CASE("Readers work during an ingest and see whole documents only",
          "[cli][store][slow][parallel]") {
  testing::TempDir tmp;
  const std::string db = tmp.path() + "/db";
  const size_t n = 2500;
  const std::vector<std::string> lines = testing::SeedCorpusLines(n);
  size_t corpus_bytes = 0;
  for (const std::string& line : lines) corpus_bytes += line.size();
  // Hold the rest of the input back until a reader has seen the store
  // part-way (whatever the speed of the machine); the writer keeps its lock
  // meanwhile.
  REQUIRE(corpus_bytes > kFirstBytes + (size_t{1} << 19));
  ClaimgraphProcess ingest({"ingest", "--db", db, "--no-progress", "--threads", "2", "--format",
                            "json", "--input-format", "jsonl", "-"},
                           tmp.path(), /*stdin_pipe=*/true);
  Feeder feeder(&ingest, lines, kFirstBytes);

  // Readers before the writer created the store are told there is none.
  for (int polls = 0; !StoredDocuments(db); ++polls) REQUIRE(polls < kMaxPolls);

  const std::string intruder = WriteLines(
      tmp.path() + "/intruder.jsonl",
      {json{{"id", "intruder"}, {"text", "Amazon said revenue rose 9% to $1 billion."}}.dump() +
       "\n"});
  std::vector<uint64_t> counts;        // documents seen by each reader, in order
  std::vector<ClaimsByDoc> snapshots;  // AMZN claims seen by each query
  bool released = false;
  for (int round = 0;; ++round) {
    INFO("round " << round);
    REQUIRE((released || round < kMaxHeldPolls));
    REQUIRE(round < kMaxPolls);
    const bool running = ingest.Running();

    Run stats = Claimgraph("stats --db " + db + " --format json");
    INFO(stats.err);
    REQUIRE(stats.exit_code == 0);
    counts.push_back(ParseObject(stats.out)["documents"].get<uint64_t>());

    Run query = Claimgraph("query --db " + db + " --entity AMZN --format jsonl");
    INFO(query.err);
    REQUIRE(query.exit_code == 0);
    snapshots.push_back(GroupByDoc(query.out));
    counts.push_back(snapshots.back().size());  // every document has an AMZN claim

    Run check = Claimgraph("check --db " + db + " --format json");
    INFO(check.out << check.err);
    REQUIRE(check.exit_code == 0);
    const json report = ParseObject(check.out);
    CHECK(report["ok"] == true);
    CHECK(report["problems"].empty());
    counts.push_back(report["documents"].get<uint64_t>());

    if (!released && counts.back() > 0) {
      REQUIRE(counts.back() < n);  // part-way: the rest is held back
      // The first ingest is still running, waiting for its input.
      Run second = Claimgraph("ingest --db " + db + " --no-progress " + intruder);
      INFO(second.err);
      CHECK(second.exit_code == 1);
      CHECK(second.err.find("in use by another writer") != std::string::npos);
      feeder.Release();
      released = true;
    }
    if (!running) break;  // this round saw the finished store
  }
  CHECK(std::is_sorted(counts.begin(), counts.end()));
  CHECK(counts.back() == n);

  REQUIRE(feeder.Finish());
  const int status = ingest.Wait();
  INFO(ingest.Err());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const json summary = ParseObject(ingest.Out());
  CHECK(summary["added"] == n);
  CHECK(summary["errors"] == 0);

  // Each reader saw every document it saw whole (the same AMZN claims as the
  // finished store) and never lost one an earlier reader had seen.
  const ClaimsByDoc& final_claims = snapshots.back();
  REQUIRE(final_claims.size() == n);
  for (size_t i = 0; i + 1 < snapshots.size(); ++i) {
    for (const auto& [doc, claims] : snapshots[i]) {
      INFO("reader " << i << ", document " << doc);
      CHECK(Difference(claims, final_claims.at(doc)).empty());
      CHECK(snapshots[i + 1].count(doc) == 1);
    }
  }
  CHECK(Claimgraph("show --db " + db + " intruder").exit_code == 1);
}

}  // namespace claimgraph::store_crash_test
