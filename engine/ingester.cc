#include "engine/ingester.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "engine/store.h"

namespace claimgraph {

struct Ingester::Rep {
  Store* store = nullptr;
  ExtractFn extract;
  PutFn put;
  std::string ruleset;
  ErrorFn on_error;
  size_t max_in_flight = 0;
  size_t max_in_flight_bytes = 0;
  bool force = false;

  std::mutex mu;
  std::condition_variable work_cv;   // a document was queued, or closing
  std::condition_variable space_cv;  // half the slots are free, or a waited-for id finished
  std::deque<Document> queue;
  std::multiset<std::string> in_flight;  // ids queued or being worked on
  size_t bytes_in_flight = 0;            // their text
  size_t id_waiters = 0;                 // Add calls waiting for their id to finish
  bool closing = false;
  std::vector<std::thread> workers;
  bool finished = false;

  std::atomic<uint64_t> added{0}, replaced{0}, unchanged{0}, errors{0}, claims{0}, bytes{0},
      abandoned{0};
  std::atomic<bool> write_failed{false};

  void Work();
  void Process(const Document& doc);
};

void Ingester::Rep::Process(const Document& doc) {
  if (write_failed) {
    ++abandoned;
    return;
  }
  const std::string content_hash = ContentHash(doc);
  if (!force) {
    auto current = store->IsCurrent(doc.id, content_hash, ruleset);
    if (current.ok() && *current) {
      ++unchanged;
      return;
    }
  }
  std::vector<Claim> found = extract(doc);
  auto outcome = put(doc, content_hash, found);
  if (!outcome.ok()) {
    if (outcome.status().code() == Status::Code::kIOError && write_failed.exchange(true)) {
      ++abandoned;  // another worker's write failed first and was reported
      return;
    }
    ++errors;
    on_error(doc, outcome.status());
    return;
  }
  switch (*outcome) {
    case PutOutcome::kAdded:
      ++added;
      break;
    case PutOutcome::kReplaced:
      ++replaced;
      break;
    case PutOutcome::kUnchanged:
      ++unchanged;
      return;
  }
  claims += found.size();
}

void Ingester::Rep::Work() {
  for (;;) {
    Document doc;
    {
      std::unique_lock lock(mu);
      work_cv.wait(lock, [&] { return closing || !queue.empty(); });
      if (queue.empty()) return;
      doc = std::move(queue.front());
      queue.pop_front();
    }
    const size_t size = doc.text.size();
    bytes += size;
    Process(doc);
    bool wake = false;
    {
      std::lock_guard lock(mu);
      in_flight.erase(in_flight.find(doc.id));
      bytes_in_flight -= size;
      // A full Add waits until half the slots (and half the bytes) are
      // free, then fills them in a burst: one wake-up per many documents
      // instead of one each (at a million documents, a million context
      // switches). An Add waiting for its id is woken by every document
      // that finishes.
      wake =
          (in_flight.size() <= max_in_flight / 2 && bytes_in_flight <= max_in_flight_bytes / 2) ||
          id_waiters > 0;
    }
    if (wake) space_cv.notify_all();
  }
}

Ingester::Ingester(Store* store, ExtractFn extract, std::string ruleset, ErrorFn on_error,
                   const IngestOptions& options)
    : Ingester(
          store, std::move(extract),
          [store, ruleset, force = options.force](const Document& doc,
                                                  std::string_view content_hash,
                                                  const std::vector<Claim>& claims) {
            return store->PutDocument(doc, ruleset, claims, force, content_hash);
          },
          ruleset, std::move(on_error), options) {}

Ingester::Ingester(Store* store, ExtractFn extract, PutFn put, std::string ruleset,
                   ErrorFn on_error, const IngestOptions& options)
    : rep_(std::make_unique<Rep>()) {
  rep_->store = store;
  rep_->extract = std::move(extract);
  rep_->put = std::move(put);
  rep_->ruleset = std::move(ruleset);
  rep_->on_error = std::move(on_error);
  size_t threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  rep_->max_in_flight = options.max_in_flight != 0 ? options.max_in_flight : 32 * threads;
  rep_->max_in_flight_bytes =
      options.max_in_flight_bytes != 0 ? options.max_in_flight_bytes : size_t{64} << 20;
  rep_->force = options.force;
  for (size_t i = 0; i < threads; ++i) rep_->workers.emplace_back([r = rep_.get()] { r->Work(); });
}

Ingester::~Ingester() { static_cast<void>(Finish()); }

void Ingester::Add(Document doc) {
  std::unique_lock lock(rep_->mu);
  // Bounded memory, and a later version of a document never overtakes an
  // earlier one.
  for (;;) {
    const bool same_id = rep_->in_flight.count(doc.id) != 0;
    const bool room = rep_->in_flight.empty() ||
                      (rep_->in_flight.size() < rep_->max_in_flight &&
                       rep_->bytes_in_flight + doc.text.size() <= rep_->max_in_flight_bytes);
    if (!same_id && room) break;
    rep_->id_waiters += same_id ? 1 : 0;
    rep_->space_cv.wait(lock);
    rep_->id_waiters -= same_id ? 1 : 0;
  }
  rep_->in_flight.insert(doc.id);
  rep_->bytes_in_flight += doc.text.size();
  rep_->queue.push_back(std::move(doc));
  lock.unlock();
  rep_->work_cv.notify_one();
}

Status Ingester::Finish() {
  if (rep_->finished) return Status::OK();
  rep_->finished = true;
  {
    std::lock_guard lock(rep_->mu);
    rep_->closing = true;
  }
  rep_->work_cv.notify_all();
  for (std::thread& t : rep_->workers) t.join();
  return rep_->store->Sync();
}

IngestCounts Ingester::Progress() const {
  IngestCounts c;
  c.added = rep_->added;
  c.replaced = rep_->replaced;
  c.unchanged = rep_->unchanged;
  c.errors = rep_->errors;
  c.claims = rep_->claims;
  c.bytes = rep_->bytes;
  c.abandoned = rep_->abandoned;
  return c;
}

}  // namespace claimgraph
