#include "engine/run_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "engine/store_dir.h"
#include "engine/varint.h"

namespace claimgraph {

namespace {

// O_DIRECT wants buffers, offsets and lengths aligned to the device's
// logical block; 4 KiB covers every device here.
constexpr size_t kAlign = 4096;
// Writes go out a megabyte at a time; a merge reads each of its runs (a few
// hundred at a million documents) half a megabyte at a time.
constexpr size_t kWriteBlock = size_t{1} << 20;
constexpr size_t kReadBlock = size_t{512} << 10;
constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;

static_assert(kWriteBlock % RunChecksum::kPiece == 0 && kReadBlock % RunChecksum::kPiece == 0);

std::unique_ptr<char, void (*)(void*)> AlignedBlock(size_t bytes) {
  return {static_cast<char*>(std::aligned_alloc(kAlign, bytes)), std::free};
}

void PutFixed64(char* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<char>(v >> (8 * i));
}

uint64_t GetFixed64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

Status ErrnoError(const std::string& what, const std::string& path) {
  return Status::IOError("cannot " + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

void RunChecksum::Update(const char* p, size_t n) {
  assert(!tail_seen_);
  bytes_ += n;
  uint64_t a = lanes_[0], b = lanes_[1], c = lanes_[2], d = lanes_[3];
  auto mix = [](uint64_t* lane, const char* at) {
    uint64_t w;
    std::memcpy(&w, at, sizeof(w));
    *lane = std::rotl((*lane ^ w) * kMul, 31);
  };
  size_t i = 0;
  for (; i + kPiece <= n; i += kPiece) {
    mix(&a, p + i);
    mix(&b, p + i + 8);
    mix(&c, p + i + 16);
    mix(&d, p + i + 24);
  }
  if (i < n) {
    tail_seen_ = true;
    char last[kPiece] = {};
    std::memcpy(last, p + i, n - i);
    mix(&a, last);
    mix(&b, last + 8);
    mix(&c, last + 16);
    mix(&d, last + 24);
  }
  lanes_[0] = a;
  lanes_[1] = b;
  lanes_[2] = c;
  lanes_[3] = d;
}

uint64_t RunChecksum::Finish() const {
  uint64_t h = bytes_ * kMul;
  for (uint64_t lane : lanes_) h = std::rotl((h ^ lane) * kMul, 27);
  return h ^ (h >> 33);
}

// ---- RunFileWriter ----

RunFileWriter::RunFileWriter(std::string path, int fd, bool direct)
    : path_(std::move(path)), fd_(fd), direct_(direct), buffer_(AlignedBlock(kWriteBlock)) {}

RunFileWriter::~RunFileWriter() {
  if (fd_ >= 0) close(fd_);
  if (!finished_) unlink(path_.c_str());
}

Result<std::unique_ptr<RunFileWriter>> RunFileWriter::Create(const std::string& path, bool direct) {
  const int fd =
      open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (direct ? O_DIRECT : 0), 0644);
  if (fd < 0) return ErrnoError("create", path);
  std::unique_ptr<RunFileWriter> w(new RunFileWriter(path, fd, direct));
  if (!w->buffer_) return Status::ResourceExhausted("no memory for the buffer of " + path);
  return w;
}

void RunFileWriter::Flush() {
  if (in_records_) checksum_.Update(buffer_.get(), used_);
  if (status_.ok()) status_ = WriteAll(fd_, std::string_view(buffer_.get(), used_), path_);
  written_ += used_;
  used_ = 0;
}

void RunFileWriter::Append(const char* p, size_t n) {
  while (n > 0 && status_.ok()) {
    const size_t take = std::min(n, kWriteBlock - used_);
    std::memcpy(buffer_.get() + used_, p, take);
    used_ += take;
    p += take;
    n -= take;
    if (used_ == kWriteBlock) Flush();
  }
}

Status RunFileWriter::Add(std::string_view key, std::string_view value) {
  if (!status_.ok()) return status_;
  if (finished_) return Status::InvalidArgument(path_ + ": add after finish");
  const size_t limit = std::min(key.size(), last_key_.size());
  size_t shared = 0;
  while (shared < limit && key[shared] == last_key_[shared]) ++shared;
  const bool greater =
      records_ == 0 || (shared < key.size() && (shared == last_key_.size() ||
                                                static_cast<unsigned char>(key[shared]) >
                                                    static_cast<unsigned char>(last_key_[shared])));
  if (!greater) {
    status_ = Status::InvalidArgument(path_ + ": keys must be added in ascending order, each once");
    return status_;
  }
  header_.clear();
  PutVarint64(&header_, shared);
  PutVarint64(&header_, key.size() - shared);
  PutVarint64(&header_, value.size());
  Append(header_.data(), header_.size());
  Append(key.data() + shared, key.size() - shared);
  Append(value.data(), value.size());
  last_key_.assign(key);
  ++records_;
  return status_;
}

Status RunFileWriter::Finish() {
  if (!status_.ok()) return status_;
  if (finished_) return Status::InvalidArgument(path_ + ": finished twice");
  checksum_.Update(buffer_.get(), used_);  // the last records
  in_records_ = false;
  char footer[kRunFooterBytes];
  PutFixed64(footer, records_);
  PutFixed64(footer + 8, written_ + used_);
  PutFixed64(footer + 16, checksum_.Finish());
  PutFixed64(footer + 24, kRunMagic);
  Append(footer, sizeof(footer));
  if (!status_.ok()) return status_;
  const uint64_t size = written_ + used_;
  // O_DIRECT writes whole blocks: the last one is padded, then cut off.
  const size_t padded = direct_ ? (used_ + kAlign - 1) / kAlign * kAlign : used_;
  std::memset(buffer_.get() + used_, 0, padded - used_);
  status_ = WriteAll(fd_, std::string_view(buffer_.get(), padded), path_);
  if (status_.ok() && padded != used_ && ftruncate(fd_, static_cast<off_t>(size)) != 0) {
    status_ = ErrnoError("truncate", path_);
  }
  written_ = size;
  used_ = 0;
  if (close(std::exchange(fd_, -1)) != 0 && status_.ok()) status_ = ErrnoError("close", path_);
  if (!status_.ok()) return status_;
  finished_ = true;
  return Status::OK();
}

// ---- RunFileReader ----

RunFileReader::RunFileReader(std::string path, int fd, uint64_t payload, uint64_t records,
                             uint64_t checksum)
    : path_(std::move(path)),
      fd_(fd),
      payload_(payload),
      records_(records),
      checksum_(checksum),
      buffer_(AlignedBlock(kReadBlock)) {}

RunFileReader::~RunFileReader() {
  if (fd_ >= 0) close(fd_);
}

Result<std::unique_ptr<RunFileReader>> RunFileReader::Open(const std::string& path, bool direct) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | (direct ? O_DIRECT : 0));
  if (fd < 0) return ErrnoError("open", path);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    Status s = ErrnoError("stat", path);
    close(fd);
    return s;
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size < kRunFooterBytes) {
    close(fd);
    return Status::Corruption(path + " is not a sorted run: " + std::to_string(size) +
                              " bytes, shorter than a footer");
  }
  // The footer, read from the aligned blocks that hold it.
  const uint64_t from = (size - kRunFooterBytes) / kAlign * kAlign;
  auto block = AlignedBlock(2 * kAlign);
  size_t got = 0;
  while (block && got < size - from) {
    const ssize_t n =
        pread(fd, block.get() + got, 2 * kAlign - got, static_cast<off_t>(from + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (!block || got < size - from) {
    Status s = block ? ErrnoError("read the footer of", path)
                     : Status::ResourceExhausted("no memory to read " + path);
    close(fd);
    return s;
  }
  const char* footer = block.get() + (size - kRunFooterBytes - from);
  const uint64_t records = GetFixed64(footer);
  const uint64_t payload = GetFixed64(footer + 8);
  const uint64_t checksum = GetFixed64(footer + 16);
  if (GetFixed64(footer + 24) != kRunMagic || payload != size - kRunFooterBytes) {
    close(fd);
    return Status::Corruption(path + " is not a sorted run, or it was cut short: no run footer " +
                              "for its " + std::to_string(size) + " bytes");
  }
  std::unique_ptr<RunFileReader> r(new RunFileReader(path, fd, payload, records, checksum));
  if (!r->buffer_) return Status::ResourceExhausted("no memory for the buffer of " + path);
  return r;
}

bool RunFileReader::Fail(const std::string& what) {
  if (status_.ok()) status_ = Status::Corruption(path_ + ": " + what);
  done_ = true;
  return false;
}

bool RunFileReader::Fill() {
  if (!status_.ok() || next_block_ >= payload_) return false;
  size_t got = 0;
  while (got < kReadBlock) {
    const ssize_t n = read(fd_, buffer_.get() + got, kReadBlock - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status_ = ErrnoError("read", path_);
      return false;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  block_start_ = next_block_;
  next_block_ += got;
  begin_ = 0;
  end_ = static_cast<size_t>(std::min<uint64_t>(got, payload_ - block_start_));
  sum_.Update(buffer_.get(), end_);
  return end_ > 0;
}

bool RunFileReader::Take(size_t n, std::string* scratch, std::string_view* out) {
  if (end_ - begin_ >= n) {
    *out = std::string_view(buffer_.get() + begin_, n);
    begin_ += n;
    return true;
  }
  scratch->assign(buffer_.get() + begin_, end_ - begin_);
  begin_ = end_;
  while (scratch->size() < n) {
    if (!Fill()) return false;
    const size_t take = std::min(n - scratch->size(), end_);
    scratch->append(buffer_.get(), take);
    begin_ = take;
  }
  *out = *scratch;
  return true;
}

bool RunFileReader::TakeVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (begin_ == end_ && !Fill()) return false;
    const auto byte = static_cast<unsigned char>(buffer_.get()[begin_++]);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

bool RunFileReader::Next() {
  if (done_ || !status_.ok()) return false;
  if (read_records_ == records_) {
    done_ = true;
    if (block_start_ + begin_ != payload_) {
      return Fail("its " + std::to_string(records_) + " records end before its " +
                  std::to_string(payload_) + " bytes do");
    }
    if (sum_.Finish() != checksum_) return Fail("checksum mismatch: the run is damaged");
    return false;
  }
  auto record = [this] { return "record " + std::to_string(read_records_ + 1); };
  uint64_t shared = 0, unshared = 0, value_size = 0;
  if (!TakeVarint(&shared) || !TakeVarint(&unshared) || !TakeVarint(&value_size)) {
    return status_.ok() ? Fail(record() + " runs past the end of the records") : false;
  }
  if (shared > key_.size() || unshared > payload_ || value_size > payload_) {
    return Fail(record() + " is malformed");
  }
  key_.resize(shared);
  std::string_view part;
  if (!Take(unshared, &key_scratch_, &part)) {
    return status_.ok() ? Fail(record() + " runs past the end of the records") : false;
  }
  key_.append(part);  // before the value's Take reads over the buffer
  if (!Take(value_size, &value_scratch_, &value_)) {
    return status_.ok() ? Fail(record() + " runs past the end of the records") : false;
  }
  ++read_records_;
  return true;
}

}  // namespace claimgraph
