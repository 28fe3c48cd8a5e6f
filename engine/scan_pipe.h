// Internal to engine/: a scan of a column family whose reading and decoding
// run on a second thread while the caller's callback runs on its own.
//
// A whole-store scan (the analysis's facts, the graph's claims) spends about
// half its time in RocksDB's iteration, LZ4 and the record decoder and half
// in the caller's work per record; the two halves overlap here. Records
// reach the callback in key order, exactly as a plain loop would deliver
// them, so nothing about the result depends on the threads.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/scan_lookahead.h"
#include "engine/status.h"

namespace claimgraph::scan_pipe {

// A hand-over ends at 256 records or once its records' bytes reach 1 MB:
// large enough that the lock is taken rarely, small enough that three
// batches of decoded claims stay within the caches. The byte bound keeps
// large documents from piling up: a scan holds at most three batches, so
// about 3 MB plus three of the largest records beyond what a plain loop
// holds (each record keeps the capacity of the largest one decoded into it).
constexpr size_t kBatchRecords = 256;
constexpr size_t kBatchBytes = size_t{1} << 20;
constexpr size_t kBatches = 3;

// Calls fn on every record `cursor` yields, decoded by `decode`, in order,
// until fn returns false (OK) or a record fails to decode (Corruption naming
// `what` and the record's key) or the cursor fails (its status()).
//
// Cursor: Valid(), Next(), value() (the record's bytes), key() (a string
// naming it) and status() (why Valid() turned false: OK at the end). It must
// stand on the first record, or be invalid when there is none, and is used
// by the reading thread only until this returns. What fn throws, or what
// the reading thread throws, propagates here after that thread has stopped.
// `ahead`, when it has stages, runs on each batch's records ahead of fn
// (engine/scan_lookahead.h).
template <typename Cursor, typename Record>
Status Run(Cursor* cursor, Status (*decode)(std::string_view, Record*), const char* what,
           const std::function<bool(const Record&)>& fn,
           const ScanLookahead<Record>& ahead = ScanLookahead<Record>()) {
  struct Batch {
    std::vector<Record> records = std::vector<Record>(kBatchRecords);
    size_t size = 0;
    bool last = false;  // nothing follows: status says why
    Status status;
  };
  std::vector<Batch> batches(kBatches);
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Batch*> ready;
  std::deque<Batch*> free;
  bool stop = false;
  std::exception_ptr thrown;  // by the reading thread (bad_alloc, say)
  for (Batch& b : batches) free.push_back(&b);

  auto read_batches = [&] {
    for (bool last = false; !last;) {
      Batch* b = nullptr;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stop || !free.empty(); });
        if (stop) return;
        b = free.front();
        free.pop_front();
      }
      b->size = 0;
      b->status = Status::OK();
      for (size_t bytes = 0; b->size < kBatchRecords && bytes < kBatchBytes && cursor->Valid();) {
        const std::string_view value = cursor->value();
        bytes += value.size();
        Status s = decode(value, &b->records[b->size]);
        if (!s.ok()) {
          b->status =
              Status::Corruption(std::string(what) + " " + cursor->key() + ": " + s.message());
          break;
        }
        ++b->size;
        cursor->Next();
      }
      if (!b->status.ok()) {
        last = true;
      } else if (!cursor->Valid()) {
        b->status = cursor->status();
        last = true;
      }
      b->last = last;
      {
        std::lock_guard lock(mu);
        ready.push_back(b);
      }
      cv.notify_all();
    }
  };
  auto read = [&] {
    try {
      read_batches();
    } catch (...) {
      {
        std::lock_guard lock(mu);
        thrown = std::current_exception();
      }
      cv.notify_all();
    }
  };

  std::thread reader(read);
  // Stops and joins the reading thread however this returns.
  struct Joiner {
    std::mutex& mu;
    std::condition_variable& cv;
    bool& stop;
    std::thread& thread;
    ~Joiner() {
      {
        std::lock_guard lock(mu);
        stop = true;
      }
      cv.notify_all();
      thread.join();
    }
  } joiner{mu, cv, stop, reader};

  const size_t stages = ahead.fn ? static_cast<size_t>(std::max(ahead.stages, 0)) : 0;
  constexpr size_t kStep = ScanLookahead<Record>::kStep;
  while (true) {
    Batch* b = nullptr;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return !ready.empty() || thrown; });
      if (ready.empty()) std::rethrow_exception(thrown);
      b = ready.front();
      ready.pop_front();
    }
    const std::vector<Record>& records = b->records;
    // The stages that no record before the batch's ran ahead of its first
    // records: record j gets stage s below when j < kStep * (stages - s).
    for (size_t s = 0; s < stages; ++s) {
      for (size_t j = 0; j < b->size && j < kStep * (stages - s); ++j) {
        ahead.fn(records[j], static_cast<int>(s));
      }
    }
    for (size_t i = 0; i < b->size; ++i) {
      for (size_t s = 0; s < stages; ++s) {
        const size_t j = i + kStep * (stages - s);
        if (j < b->size) ahead.fn(records[j], static_cast<int>(s));
      }
      if (!fn(records[i])) return Status::OK();
    }
    if (b->last) return b->status;
    {
      std::lock_guard lock(mu);
      free.push_back(b);
    }
    cv.notify_all();
  }
}

}  // namespace claimgraph::scan_pipe
