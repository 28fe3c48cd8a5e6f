// OrderedPipeline: runs per-document work on a pool of threads and hands the
// outputs back in the order the work was submitted, so a parallel streaming
// filter prints exactly what a sequential one would.
//
// Memory is bounded: Submit blocks while max_in_flight items, or more than
// max_in_flight_bytes of input (always at least one item), are queued,
// running or finished but not yet emitted. Outputs are emitted on the
// submitting thread (inside Submit and Finish) as soon as every earlier
// item's output has been, so output flows while input is still being read.
//
// Thread safety: Submit, SubmitReady and Finish from one thread only; tasks
// run on the workers and must be safe to run concurrently.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace claimgraph::cli {

struct PipelineOptions {
  size_t threads = 2;              // workers; REQUIRES: >= 1
  size_t max_in_flight = 0;        // 0 = 4 per thread: keeps workers busy, holds little
  size_t max_in_flight_bytes = 0;  // 0 = 64 MiB of input
};

class OrderedPipeline {
 public:
  // Writes one finished item's output somewhere (called on the submitting thread).
  using EmitFn = std::function<void(std::string& output)>;
  // Appends one item's output to *out (called on a worker thread).
  using Task = std::function<void(std::string* out)>;

  OrderedPipeline(const PipelineOptions& options, EmitFn emit);
  ~OrderedPipeline();  // finishes if Finish was not called
  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  // Queues a task for `bytes` of input; first emits what is ready and waits
  // for room within the limits.
  void Submit(Task task, size_t bytes);
  // Queues an output that needs no work (an error line) in its place in the order.
  void SubmitReady(std::string output);
  // Waits for every task, emits the remaining outputs and stops the workers.
  void Finish();

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace claimgraph::cli
