#include "cli/progress_line.h"

#include <cstdio>

namespace claimgraph::cli {

using Clock = std::chrono::steady_clock;

ProgressLine::ProgressLine(const Ingester* ingester, uint64_t total_bytes, uint64_t total_docs)
    : ingester_(ingester),
      total_bytes_(total_bytes),
      total_docs_(total_docs),
      start_(Clock::now()) {
  thread_ = std::thread([this] { Run(); });
}

ProgressLine::~ProgressLine() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);
}

void ProgressLine::Run() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stop_; })) Draw();
}

void ProgressLine::Draw() const {
  const IngestCounts c = ingester_->Progress();
  const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = secs > 0 ? static_cast<double>(c.bytes) / secs : 0;
  // Seconds left, from bytes when the input size is known, else documents.
  double left = -1;
  if (total_bytes_ > c.bytes && rate > 0) {
    left = static_cast<double>(total_bytes_ - c.bytes) / rate;
  } else if (total_docs_ > c.documents() && c.documents() > 0) {
    left = secs * static_cast<double>(total_docs_ - c.documents()) /
           static_cast<double>(c.documents());
  }
  char eta[32] = "";
  if (left >= 0) {
    const auto l = static_cast<long>(left);
    std::snprintf(eta, sizeof(eta), "  ETA ~%ld:%02ld", l / 60, l % 60);
  }
  std::fprintf(stderr, "\r\033[K  %llu docs  %llu claims  %.1f MB/s%s",
               static_cast<unsigned long long>(c.documents()),
               static_cast<unsigned long long>(c.claims), rate / 1e6, eta);
}

}  // namespace claimgraph::cli
