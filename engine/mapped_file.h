// A whole file mapped read-only into memory: the snapshot files readers
// scan (hundreds of megabytes) are read from the page cache in place, with
// no copy into a zero-filled buffer first.
//
// Thread safety: a MappedFile may be read from any number of threads; the
// bytes stay valid until it is destroyed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace claimgraph {

class MappedFile {
 public:
  // Maps `path`. Errors: NotFound when it does not exist, IOError naming the
  // file and the system's reason otherwise. An empty file maps to no bytes.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

  // Takes the whole pages before byte `end` out of this process's memory
  // (the page cache keeps them), so that a reader going through a large
  // file front to back holds only what it has not read yet. Reading those
  // bytes again is allowed and reads them again.
  void Release(size_t end);

 private:
  void Unmap();

  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace claimgraph
