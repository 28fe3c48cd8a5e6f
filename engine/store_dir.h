// StoreDir: the layout of a store directory (--db) and its generations.
//
//   DIR/SNAPSHOT          the generation readers open: "gen-000002\n"
//   DIR/WRITER.lock       flock()ed by the one writer (ingest or rebuild)
//   DIR/gen-000002/db/    the RocksDB database of generation 2
//   DIR/gen-000002/snapshot/  what `claimgraph rebuild` derived from it:
//                         graph, contradictions, source scores
//
// A rebuild prepares generation N+1 beside generation N (a RocksDB
// checkpoint: hard links, then re-extraction and analysis) and publishes it
// by renaming a new SNAPSHOT file over the old one, which is atomic. A
// reader resolves SNAPSHOT once when it opens, so it answers from one whole
// generation; a crash before the rename leaves generation N serving and a
// partial N+1 that the next writer removes. Generation N is kept after the
// switch so that a reader that resolved SNAPSHOT just before it can still
// open it; older ones are removed.
//
// All functions are plain filesystem operations; thread-compatible.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace claimgraph {

// DIR/gen-NNNNNN, DIR/gen-NNNNNN/db and DIR/gen-NNNNNN/snapshot.
std::string GenerationDir(const std::string& dir, uint64_t generation);
std::string GenerationDbDir(const std::string& dir, uint64_t generation);
std::string GenerationSnapshotDir(const std::string& dir, uint64_t generation);

// The generation DIR/SNAPSHOT names; nullopt when there is no SNAPSHOT file.
// Corruption when the file does not name a generation.
Result<std::optional<uint64_t>> ReadCurrentGeneration(const std::string& dir);

// Writes all of `bytes` to the open descriptor `fd`, retrying short writes
// and EINTR. IOError naming `path` (the file written) on failure.
Status WriteAll(int fd, std::string_view bytes, const std::string& path);

// Points DIR/SNAPSHOT at `generation` atomically and durably: the file is
// written beside it, fsynced, renamed over it, and the directory fsynced.
Status PublishCurrentGeneration(const std::string& dir, uint64_t generation);

// Writes `bytes` to `path` durably and atomically: to `path`.tmp, fsync,
// rename over `path`, fsync of the directory. A reader sees the old file
// or the new one, never a part. Used for SNAPSHOT and the snapshot files.
Status WriteFileDurably(const std::string& path, std::string_view bytes);

// The same guarantee for a file written piece by piece, so that a large
// file (a snapshot's analysis) never has to be held whole in memory:
// Append() buffers and writes to `path`.tmp, Commit() flushes, fsyncs,
// renames over `path` and fsyncs the directory. Destroyed without a
// successful Commit(), it removes the temporary file and leaves `path` as
// it was. Each full 1 MiB buffer is written by a thread of the file's own
// while the caller fills the next one (a snapshot's files are gigabytes at
// a million documents, and the kernel's copy is then off the caller's
// time); a piece of 4 MiB or more is written as it is, after what came
// before it. A write error is returned by the Append() after the one whose
// buffer failed, or by Commit(), and by every call after it.
// Not thread-safe: one caller at a time.
class DurableFile {
 public:
  // IOError when `path`.tmp cannot be created.
  static Result<DurableFile> Create(const std::string& path);
  DurableFile(DurableFile&& other) noexcept;
  DurableFile& operator=(DurableFile&&) = delete;
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;
  ~DurableFile();

  Status Append(std::string_view bytes);
  Status Commit();

 private:
  class Writer;  // the thread that writes full buffers

  DurableFile(std::string path, int fd);
  // Gives the full buffer to the writer (started on first use).
  Status HandOff();

  std::string path_;
  int fd_ = -1;
  std::string buffer_;
  std::unique_ptr<Writer> writer_;
  Status status_;
  bool committed_ = false;
};

// Removes every generation directory except `current` and `current - 1`:
// partial generations a crashed rebuild left, and ones no reader can still
// be opening. Best effort: a directory that cannot be removed stays.
void RemoveStaleGenerations(const std::string& dir, uint64_t current);

// True when `dir` holds nothing but generation directories and the writer
// lock file, i.e. a store whose creation was interrupted before SNAPSHOT
// was written (or an empty directory).
bool HoldsOnlyStoreLeftovers(const std::string& dir);

// Whether files in `dir` can be written and read with O_DIRECT (past the
// page cache): a 4 KiB aligned write to a probe file, which is removed.
// False on file systems without it (tmpfs, some network ones).
bool SupportsDirectIo(const std::string& dir);

// An exclusive, non-blocking flock on DIR/WRITER.lock, held until the
// object dies (or the process does: the kernel drops it on exit or kill).
// Not thread-safe; move-only.
class WriterLock {
 public:
  // IOError "DIR is in use by another writer ..." when another process
  // (or another WriterLock in this one) holds it.
  static Result<WriterLock> Acquire(const std::string& dir);
  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace claimgraph
