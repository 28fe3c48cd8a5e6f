#include "cli/ordered_pipeline.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace claimgraph::cli {

namespace {

struct Item {
  OrderedPipeline::Task task;
  std::string output;
  size_t bytes = 0;
  bool done = false;
};

}  // namespace

struct OrderedPipeline::Rep {
  PipelineOptions options;
  EmitFn emit;
  std::mutex mu;
  std::condition_variable work_ready;        // todo non-empty or stopping
  std::condition_variable item_done;         // some item finished
  std::deque<std::unique_ptr<Item>> window;  // submission order; front is the oldest
  std::deque<Item*> todo;                    // not yet started
  size_t bytes_in_flight = 0;
  bool stopping = false;
  std::vector<std::thread> workers;

  void Work();
  // Emits finished items from the front; then, unless `all`, returns once
  // an item of `bytes` fits, else once the window is empty.
  void Drain(std::unique_lock<std::mutex>& lock, bool all, size_t bytes);
  bool Fits(size_t bytes) const {
    if (window.empty()) return true;
    return window.size() < options.max_in_flight &&
           bytes_in_flight + bytes <= options.max_in_flight_bytes;
  }
};

void OrderedPipeline::Rep::Work() {
  std::unique_lock<std::mutex> lock(mu);
  for (;;) {
    work_ready.wait(lock, [this] { return stopping || !todo.empty(); });
    if (todo.empty()) return;
    Item* item = todo.front();
    todo.pop_front();
    lock.unlock();
    item->task(&item->output);
    item->task = nullptr;  // release what it captured (the document) early
    lock.lock();
    item->done = true;
    item_done.notify_all();
  }
}

void OrderedPipeline::Rep::Drain(std::unique_lock<std::mutex>& lock, bool all, size_t bytes) {
  for (;;) {
    while (!window.empty() && window.front()->done) {
      std::unique_ptr<Item> item = std::move(window.front());
      window.pop_front();
      bytes_in_flight -= item->bytes;
      lock.unlock();
      emit(item->output);
      lock.lock();
    }
    if (window.empty() || (!all && Fits(bytes))) return;
    item_done.wait(lock);
  }
}

OrderedPipeline::OrderedPipeline(const PipelineOptions& options, EmitFn emit)
    : rep_(std::make_unique<Rep>()) {
  Rep& r = *rep_;
  r.options = options;
  if (r.options.threads == 0) r.options.threads = 1;
  if (r.options.max_in_flight == 0) r.options.max_in_flight = 4 * r.options.threads;
  if (r.options.max_in_flight_bytes == 0) r.options.max_in_flight_bytes = size_t{64} << 20;
  r.emit = std::move(emit);
  for (size_t i = 0; i < r.options.threads; ++i) r.workers.emplace_back([&r] { r.Work(); });
}

OrderedPipeline::~OrderedPipeline() { Finish(); }

void OrderedPipeline::Submit(Task task, size_t bytes) {
  Rep& r = *rep_;
  std::unique_lock<std::mutex> lock(r.mu);
  r.Drain(lock, false, bytes);
  auto item = std::make_unique<Item>();
  item->task = std::move(task);
  item->bytes = bytes;
  r.todo.push_back(item.get());
  r.window.push_back(std::move(item));
  r.bytes_in_flight += bytes;
  r.work_ready.notify_one();
}

void OrderedPipeline::SubmitReady(std::string output) {
  Rep& r = *rep_;
  std::unique_lock<std::mutex> lock(r.mu);
  auto item = std::make_unique<Item>();
  item->output = std::move(output);
  item->done = true;
  r.window.push_back(std::move(item));
  r.Drain(lock, false, 0);
}

void OrderedPipeline::Finish() {
  Rep& r = *rep_;
  {
    std::unique_lock<std::mutex> lock(r.mu);
    if (r.stopping) return;
    r.Drain(lock, true, 0);
    r.stopping = true;
    r.work_ready.notify_all();
  }
  for (std::thread& t : r.workers) t.join();
}

}  // namespace claimgraph::cli
