// A one-line progress display for commands that run an Ingester (ingest,
// rebuild): documents, claims, MB/s and an ETA, redrawn on stderr.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "engine/ingester.h"

namespace claimgraph::cli {

// Redraws the line every quarter second on a thread of its own until
// destroyed, then erases it. The ETA comes from `total_bytes` of input
// when known, else from `total_docs`; with neither there is none.
// `ingester` must outlive the ProgressLine. Callers show it only when
// stderr is a terminal.
class ProgressLine {
 public:
  ProgressLine(const Ingester* ingester, uint64_t total_bytes, uint64_t total_docs);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void Run();
  void Draw() const;

  const Ingester* ingester_;
  uint64_t total_bytes_;
  uint64_t total_docs_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace claimgraph::cli
