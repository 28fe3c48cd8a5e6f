#include "engine/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace claimgraph {

namespace {

Status Failed(const std::string& what, const std::string& path) {
  const int err = errno;
  const std::string reason = std::strerror(err);
  if (err == ENOENT) return Status::NotFound("cannot read " + path + ": " + reason);
  return Status::IOError("cannot " + what + " " + path + ": " + reason);
}

}  // namespace

Result<MappedFile> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Failed("open", path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = Failed("stat", path);
    ::close(fd);
    return s;
  }
  MappedFile file;
  if (st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      Status s = Failed("map", path);
      ::close(fd);
      return s;
    }
    ::madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
    file.data_ = static_cast<const char*>(p);
    file.size_ = static_cast<size_t>(st.st_size);
  }
  ::close(fd);  // the mapping keeps the file
  return file;
}

MappedFile::~MappedFile() { Unmap(); }

void MappedFile::Release(size_t end) {
  const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t whole = std::min(end, size_) / page * page;
  if (whole > 0) ::madvise(const_cast<char*>(data_), whole, MADV_DONTNEED);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    Unmap();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void MappedFile::Unmap() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace claimgraph
