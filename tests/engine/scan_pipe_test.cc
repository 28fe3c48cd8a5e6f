// scan_pipe::Run over an in-memory cursor: what the reading thread may hold
// and what it throws. (Store scans through RocksDB: store_test.cc.)
#include "engine/scan_pipe.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace claimgraph::scan_pipe_test {

namespace {

// Values in order; counts the values read; throws at `throw_at`.
struct VectorCursor {
  const std::vector<std::string>* values;
  std::atomic<size_t>* reads;
  size_t throw_at = SIZE_MAX;
  size_t i = 0;

  bool Valid() const { return i < values->size(); }
  void Next() { ++i; }
  std::string_view value() const {
    if (i == throw_at) throw std::runtime_error("cannot read");
    ++*reads;
    return (*values)[i];
  }
  std::string key() const { return "k" + std::to_string(i); }
  Status status() const { return Status::OK(); }
};

Status Copy(std::string_view in, std::string* out) {
  out->assign(in);
  return Status::OK();
}

}  // namespace

TEST_CASE("a scan reads ahead at most three batches of about a megabyte", "[parallel]") {
  std::vector<std::string> values;
  for (int i = 0; i < 100; ++i) values.push_back(std::string(600 << 10, static_cast<char>(i)));
  std::atomic<size_t> reads{0};
  VectorCursor cursor{&values, &reads};
  size_t seen = 0;
  size_t read_ahead = 0;
  Status s =
      scan_pipe::Run<VectorCursor, std::string>(&cursor, Copy, "value", [&](const std::string& v) {
        if (seen == 0) {
          // Time for the reader to fill
          // every batch it may.
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          read_ahead = reads.load();
        }
        CHECK(v == values[seen]);
        ++seen;
        return true;
      });
  REQUIRE(s.ok());
  CHECK(seen == values.size());
  // Two 600 KB values reach a batch's megabyte; three batches.
  CHECK(read_ahead <= 6);
}

TEST_CASE("what the reading thread throws reaches the caller", "[parallel]") {
  std::vector<std::string> values(2000, "v");
  std::atomic<size_t> reads{0};
  VectorCursor cursor{&values, &reads, 1000};
  size_t seen = 0;
  CHECK_THROWS_AS((scan_pipe::Run<VectorCursor, std::string>(&cursor, Copy, "value",
                                                             [&](const std::string&) {
                                                               ++seen;
                                                               return true;
                                                             })),
                  std::runtime_error);
  CHECK(seen <= 1000);
}

}  // namespace claimgraph::scan_pipe_test

namespace claimgraph::scan_pipe_test {

TEST_CASE("a lookahead runs every stage of every record, in order, before the callback",
          "[parallel]") {
  // 600 records: two whole batches of 256 and part of a third, so records
  // at the start of a batch (the stages run early) and at its end (no
  // record after them in the batch) are both covered.
  constexpr size_t kRecords = 600;
  std::vector<std::string> values;
  for (size_t i = 0; i < kRecords; ++i) values.push_back(std::to_string(i));
  std::atomic<size_t> reads{0};
  for (int stages : {1, 3}) {
    DYNAMIC_SECTION("stages " << stages) {
      VectorCursor cursor{&values, &reads};
      // What happened to each record, in order: its stages, then -1 for
      // the callback.
      std::vector<std::vector<int>> events(kRecords);
      size_t max_ahead = 0;  // how far a stage ran past the callback
      size_t next = 0;       // the record the callback gets next
      ScanLookahead<std::string> ahead{[&](const std::string& v, int stage) {
                                         const size_t n = std::stoul(v);
                                         events[n].push_back(stage);
                                         max_ahead = std::max(max_ahead, n - next);
                                       },
                                       stages};
      size_t stop_after = kRecords;
      SECTION("to the end") {}
      SECTION("stopped early") { stop_after = 300; }
      Status s = scan_pipe::Run<VectorCursor, std::string>(
          &cursor, Copy, "value",
          [&](const std::string& v) {
            const size_t n = std::stoul(v);
            CHECK(n == next);
            events[n].push_back(-1);
            ++next;
            return next < stop_after;
          },
          ahead);
      REQUIRE(s.ok());
      REQUIRE(next == stop_after);
      std::vector<int> expected;
      for (int stage = 0; stage < stages; ++stage) expected.push_back(stage);
      expected.push_back(-1);
      for (size_t n = 0; n < stop_after; ++n) {
        INFO("record " << n);
        CHECK(events[n] == expected);
      }
      // Stage 0 runs kStep * stages records ahead, no further.
      CHECK(max_ahead == ScanLookahead<std::string>::kStep * static_cast<size_t>(stages));
    }
  }
}

}  // namespace claimgraph::scan_pipe_test
