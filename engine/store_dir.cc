#include "engine/store_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace claimgraph {

namespace fs = std::filesystem;

namespace {

constexpr char kSnapshotFile[] = "SNAPSHOT";
constexpr char kLockFile[] = "WRITER.lock";
constexpr char kGenPrefix[] = "gen-";
constexpr size_t kGenDigits = 6;

// "gen-000012" -> 12; nullopt for any other name.
std::optional<uint64_t> ParseGenerationName(const std::string& name) {
  const size_t prefix = std::strlen(kGenPrefix);
  if (name.size() < prefix + kGenDigits || name.compare(0, prefix, kGenPrefix) != 0) {
    return std::nullopt;
  }
  uint64_t gen = 0;
  for (size_t i = prefix; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || gen > (UINT64_MAX - 9) / 10) return std::nullopt;
    gen = gen * 10 + static_cast<uint64_t>(name[i] - '0');
  }
  return gen;
}

std::string GenerationName(uint64_t generation) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%s%06llu", kGenPrefix,
                static_cast<unsigned long long>(generation));
  return buf;
}

Status FsyncPath(const std::string& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Status::IOError("open " + path + ": " + std::strerror(errno));
  const int rc = fsync(fd);
  const int err = errno;
  close(fd);
  if (rc != 0) return Status::IOError("fsync " + path + ": " + std::strerror(err));
  return Status::OK();
}

}  // namespace

std::string GenerationDir(const std::string& dir, uint64_t generation) {
  return (fs::path(dir) / GenerationName(generation)).string();
}

std::string GenerationDbDir(const std::string& dir, uint64_t generation) {
  return GenerationDir(dir, generation) + "/db";
}

std::string GenerationSnapshotDir(const std::string& dir, uint64_t generation) {
  return GenerationDir(dir, generation) + "/snapshot";
}

Result<std::optional<uint64_t>> ReadCurrentGeneration(const std::string& dir) {
  const std::string path = (fs::path(dir) / kSnapshotFile).string();
  std::ifstream in(path);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::optional<uint64_t>();
    return Status::IOError("cannot read " + path);
  }
  std::string name;
  std::getline(in, name);
  std::optional<uint64_t> gen = ParseGenerationName(name);
  if (!gen) return Status::Corruption(path + " does not name a generation ('" + name + "')");
  return gen;
}

Status WriteFileDurably(const std::string& path, std::string_view bytes) {
  auto file = DurableFile::Create(path);
  if (!file.ok()) return file.status();
  Status s = file->Append(bytes);
  return s.ok() ? file->Commit() : s;
}

namespace {

// Appends are gathered up to this size before a write(2).
constexpr size_t kDurableBufferBytes = 1 << 20;
// A piece this large is written as it is, on the caller's thread, instead
// of being copied into the buffer (WriteFileDurably of a whole file).
constexpr size_t kDirectWriteBytes = 4 * kDurableBufferBytes;

}  // namespace

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::IOError("cannot write " + path + ": " + std::strerror(n < 0 ? errno : ENOSPC));
    }
    done += static_cast<size_t>(n);
  }
  return Status::OK();
}

// One buffer in flight at a time: Hand() waits for the previous write, so
// the file's bytes go out in the order they were appended.
class DurableFile::Writer {
 public:
  Writer(int fd, std::string path) : fd_(fd), path_(std::move(path)), thread_([this] { Loop(); }) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  // Waits for the buffer in flight, then takes *bytes to write and leaves
  // *bytes empty (with the written buffer's capacity). The status of the
  // writes so far; once one failed, nothing more is written.
  Status Hand(std::string* bytes) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !busy_; });
    if (!status_.ok()) return status_;
    pending_.swap(*bytes);
    bytes->clear();
    busy_ = true;
    lock.unlock();
    cv_.notify_all();
    return Status::OK();
  }

  // Waits for the buffer in flight; the status of every write.
  Status Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !busy_; });
    return status_;
  }

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return busy_ || stop_; });
      if (!busy_) return;  // stopping, nothing in flight
      lock.unlock();
      Status s = WriteAll(fd_, pending_, path_);
      lock.lock();
      if (status_.ok()) status_ = std::move(s);
      busy_ = false;
      cv_.notify_all();
    }
  }

  const int fd_;
  const std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string pending_;  // the buffer being written while busy_
  bool busy_ = false;
  bool stop_ = false;
  Status status_;
  std::thread thread_;  // last: starts once the members above exist
};

DurableFile::DurableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

DurableFile::DurableFile(DurableFile&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      writer_(std::move(other.writer_)),
      status_(std::move(other.status_)),
      committed_(std::exchange(other.committed_, true)) {}

DurableFile::~DurableFile() {
  writer_.reset();  // no write in flight once the file is closed
  if (fd_ >= 0) close(fd_);
  if (!committed_) std::remove((path_ + ".tmp").c_str());
}

Result<DurableFile> DurableFile::Create(const std::string& path) {
  const std::string tmp = path + ".tmp";
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("cannot create " + tmp + ": " + std::strerror(errno));
  return DurableFile(path, fd);
}

Status DurableFile::HandOff() {
  if (!writer_) writer_ = std::make_unique<Writer>(fd_, path_ + ".tmp");
  status_ = writer_->Hand(&buffer_);
  return status_;
}

Status DurableFile::Append(std::string_view bytes) {
  if (!status_.ok()) return status_;
  if (committed_ || fd_ < 0) return Status::InvalidArgument(path_ + ": append after commit");
  if (bytes.size() >= kDirectWriteBytes) {
    // What is buffered and in flight goes out first.
    if (!buffer_.empty() && !HandOff().ok()) return status_;
    if (writer_) status_ = writer_->Wait();
    if (status_.ok()) status_ = WriteAll(fd_, bytes, path_ + ".tmp");
    return status_;
  }
  buffer_.append(bytes);
  return buffer_.size() >= kDurableBufferBytes ? HandOff() : Status::OK();
}

Status DurableFile::Commit() {
  if (!status_.ok()) return status_;
  if (committed_ || fd_ < 0) return Status::InvalidArgument(path_ + ": committed twice");
  const std::string tmp = path_ + ".tmp";
  Status s = writer_ ? writer_->Wait() : Status::OK();
  writer_.reset();
  if (s.ok()) s = WriteAll(fd_, buffer_, tmp);
  buffer_.clear();
  if (s.ok() && fsync(fd_) != 0) s = Status::IOError("fsync " + tmp + ": " + std::strerror(errno));
  if (close(std::exchange(fd_, -1)) != 0 && s.ok()) {
    s = Status::IOError("close " + tmp + ": " + std::strerror(errno));
  }
  if (s.ok() && std::rename(tmp.c_str(), path_.c_str()) != 0) {
    s = Status::IOError("rename " + tmp + " to " + path_ + ": " + std::strerror(errno));
  }
  if (!s.ok()) {
    status_ = s;
    return s;
  }
  committed_ = true;
  const std::string dir = fs::path(path_).parent_path().string();
  return FsyncPath(dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY);
}

Status PublishCurrentGeneration(const std::string& dir, uint64_t generation) {
  return WriteFileDurably((fs::path(dir) / kSnapshotFile).string(),
                          GenerationName(generation) + "\n");
}

void RemoveStaleGenerations(const std::string& dir, uint64_t current) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::optional<uint64_t> gen = ParseGenerationName(entry.path().filename().string());
    if (!gen || *gen == current || *gen + 1 == current) continue;
    std::error_code rm;
    fs::remove_all(entry.path(), rm);
  }
}

bool HoldsOnlyStoreLeftovers(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kLockFile) continue;
    if (ParseGenerationName(name) && entry.is_directory(ec)) continue;
    return false;
  }
  return !ec;
}

Result<WriterLock> WriterLock::Acquire(const std::string& dir) {
  const std::string path = (fs::path(dir) / kLockFile).string();
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    close(fd);
    if (err == EWOULDBLOCK) {
      return Status::IOError(dir +
                             " is in use by another writer (an ingest or rebuild still "
                             "running?); query, ask, stats and show work meanwhile");
    }
    return Status::IOError("cannot lock " + path + ": " + std::strerror(err));
  }
  return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) close(fd_);  // closing the last descriptor releases the flock
}

bool SupportsDirectIo(const std::string& dir) {
  const std::string probe = dir + "/.direct-io-probe";
  const int fd = ::open(probe.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_DIRECT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  constexpr size_t kBlock = 4096;
  void* block = std::aligned_alloc(kBlock, kBlock);
  bool ok = block != nullptr;
  if (ok) {
    std::memset(block, 0, kBlock);
    ok = ::write(fd, block, kBlock) == static_cast<ssize_t>(kBlock);
  }
  std::free(block);
  ::close(fd);
  ::unlink(probe.c_str());
  return ok;
}

}  // namespace claimgraph
