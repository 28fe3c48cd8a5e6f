// Ingester: extracts claims from documents on a pool of threads and writes
// each document with its claims to a Store.
//
// Documents are handed in one at a time from the reading thread with Add();
// workers skip documents already stored with the same content and ruleset
// (no extraction at all), extract the rest, and PutDocument them. Two
// documents with the same id are written in the order they were added: Add
// waits while an earlier one with that id is still in flight. Memory is
// bounded: Add blocks while `max_in_flight` documents, or more than
// `max_in_flight_bytes` of text (always at least one document), are queued
// or being worked on. A blocked Add resumes once half of that is free, so
// that the reading thread and the workers hand over documents in bursts,
// not one wake-up each.
//
// Thread safety: Add and Finish from one thread; Progress from any.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/claim.h"
#include "engine/document.h"
#include "engine/status.h"
#include "engine/store.h"

namespace claimgraph {

struct IngestOptions {
  size_t threads = 0;              // 0 = one per core: extraction is CPU-bound
  size_t max_in_flight = 0;        // 0 = 32 per thread: few hand-offs, little memory at 5 KB each
  size_t max_in_flight_bytes = 0;  // 0 = 64 MiB of text
  bool force = false;              // extract and rewrite even documents stored as they are
};

struct IngestCounts {
  uint64_t added = 0;      // new documents
  uint64_t replaced = 0;   // documents whose text or ruleset changed
  uint64_t unchanged = 0;  // already stored as they are: skipped
  uint64_t errors = 0;     // documents the store refused (reading errors are the caller's)
  uint64_t claims = 0;     // claims written
  uint64_t bytes = 0;      // document text bytes processed
  uint64_t abandoned = 0;  // not tried: the store had failed a write (disk full)
  uint64_t documents() const { return added + replaced + unchanged + errors + abandoned; }
};

class Ingester {
 public:
  using ExtractFn = std::function<std::vector<Claim>(const Document&)>;
  // Called on a worker thread for each document that could not be stored.
  using ErrorFn = std::function<void(const Document&, const Status&)>;

  // Writes one extracted document somewhere; called on worker threads.
  // `content_hash` is ContentHash(doc), computed once per document by the
  // Ingester (it reads the whole text).
  using PutFn = std::function<Result<PutOutcome>(const Document&, std::string_view content_hash,
                                                 const std::vector<Claim>&)>;

  // `store` and the callables must outlive the Ingester. `extract` must be
  // safe to call from several threads at once.
  Ingester(Store* store, ExtractFn extract, std::string ruleset, ErrorFn on_error,
           const IngestOptions& options);
  // Like the above, but extracted documents go to `put` instead of
  // Store::PutDocument (`ingest --bulk` collects new ones into table
  // files); `store` still answers whether a document is current, and is
  // synced by Finish. `put` must be safe to call from several threads.
  Ingester(Store* store, ExtractFn extract, PutFn put, std::string ruleset, ErrorFn on_error,
           const IngestOptions& options);
  ~Ingester();  // finishes if Finish was not called
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  void Add(Document doc);
  // Waits for every added document, stops the workers and syncs the store.
  // Returns the first sync error, OK otherwise; per-document errors went to
  // on_error and are counted. After a write fails with an I/O error (a full
  // disk, a file-size limit), the store takes no more writes: the documents
  // after it are counted as abandoned without being extracted or reported
  // one by one, and Finish returns the failure.
  Status Finish();
  IngestCounts Progress() const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph
