// Sorted run files: the temporary files of an external merge sort. A
// chunked load (engine/bulk_loader.h ChunkedLoader) writes each chunk's
// records of one column family as a run, and MergeShards
// (engine/shard_merge.h) reads every run once, front to back, while it
// writes the store's table files. Nothing else reads a run, and nothing
// loads one into a store.
//
// A run is a flat sequence of records in strictly ascending key order, each
// key stored as the bytes it does not share with the key before it, then a
// 32-byte footer:
//
//   record := varint shared | varint unshared | varint value_size |
//             key[shared, shared + unshared) | value
//   footer := fixed64 records | fixed64 payload_bytes | fixed64 checksum |
//             fixed64 kRunMagic                      (little-endian)
//
// payload_bytes is the size of the records, so the file is payload_bytes +
// 32 bytes long; checksum is RunChecksum of the records' bytes. A run has
// no blocks, index, filter or compression: a table file costs its writer
// the block building and LZ4 and its reader the decoding, which a file read
// once in order does not need (docs/PERFORMANCE.md, "Tenth session").
//
// Runs are written and read with O_DIRECT where asked: every byte is read
// once, so the page cache would only cost. They are not fsynced: a crashed
// load's directory is removed by the next one.
//
// Neither class is thread-safe; each is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace claimgraph {

inline constexpr uint64_t kRunMagic = 0x314e5552'48504743ull;  // "CGPHRUN1"
inline constexpr size_t kRunFooterBytes = 32;

// A 64-bit checksum of a byte sequence given in pieces: four lanes of 8-byte
// words, each multiplied and rotated, so that a flipped, lost or moved byte
// changes it. It detects damage, it does not resist an adversary.
class RunChecksum {
 public:
  // Adds `n` bytes. REQUIRES: every piece but the last is a multiple of
  // kPiece bytes long (the readers and writers here use whole buffers).
  void Update(const char* p, size_t n);
  uint64_t Finish() const;

  static constexpr size_t kPiece = 32;

 private:
  uint64_t lanes_[4] = {0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull,
                        0x082efa98ec4e6c89ull};
  uint64_t bytes_ = 0;
  bool tail_seen_ = false;  // a piece that was not a multiple of kPiece
};

class RunFileWriter {
 public:
  // Creates `path` (truncating one there). `direct`: write with O_DIRECT
  // (REQUIRES: the directory supports it, SupportsDirectIo in
  // engine/store_dir.h). IOError naming the file when it cannot be created.
  static Result<std::unique_ptr<RunFileWriter>> Create(const std::string& path, bool direct);
  // Closes the file; one that was not finished is removed.
  ~RunFileWriter();
  RunFileWriter(const RunFileWriter&) = delete;
  RunFileWriter& operator=(const RunFileWriter&) = delete;

  // Appends a record. InvalidArgument when `key` is not greater than the
  // key before it; IOError naming the file when a write fails. After an
  // error every call returns it.
  Status Add(std::string_view key, std::string_view value);
  // Writes what is buffered and the footer, and closes the file.
  Status Finish();

  uint64_t records() const { return records_; }
  // Bytes written so far (the whole file's after Finish).
  uint64_t file_bytes() const { return written_ + used_; }

 private:
  RunFileWriter(std::string path, int fd, bool direct);
  void Append(const char* p, size_t n);
  // Writes the full buffer; adds it to the checksum while it holds records.
  void Flush();

  std::string path_;
  int fd_ = -1;
  bool direct_ = false;
  std::unique_ptr<char, void (*)(void*)> buffer_;
  size_t used_ = 0;
  uint64_t written_ = 0;
  uint64_t records_ = 0;
  std::string last_key_;
  std::string header_;  // a record's three varints, reused
  RunChecksum checksum_;
  bool in_records_ = true;  // the buffer holds records (not yet the footer)
  Status status_;
  bool finished_ = false;
};

class RunFileReader {
 public:
  // Opens `path` and reads its footer. `direct`: read with O_DIRECT.
  // IOError naming the file when it cannot be opened or read; Corruption
  // naming it when it is too short or has no run footer.
  static Result<std::unique_ptr<RunFileReader>> Open(const std::string& path, bool direct);
  ~RunFileReader();
  RunFileReader(const RunFileReader&) = delete;
  RunFileReader& operator=(const RunFileReader&) = delete;

  // Moves to the next record (the first on the first call). False at the
  // end, when status() is OK, or on an error: IOError, or Corruption naming
  // the file when a record runs past the payload, the records do not fill
  // it, or the checksum does not match (checked at the end).
  bool Next();
  // The current record. Valid until the next call to Next.
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }
  uint64_t records() const { return records_; }
  const Status& status() const { return status_; }

 private:
  RunFileReader(std::string path, int fd, uint64_t payload, uint64_t records, uint64_t checksum);
  // Reads the next block; false at the end of the file or on an error.
  bool Fill();
  // The next `n` payload bytes: in the buffer when they lie in it, else
  // gathered into *scratch. False when the payload ends first.
  bool Take(size_t n, std::string* scratch, std::string_view* out);
  // A varint, byte by byte: it may straddle two reads, and GetVarint64
  // (engine/varint.h) needs it whole.
  bool TakeVarint(uint64_t* v);
  bool Fail(const std::string& what);

  std::string path_;
  int fd_ = -1;
  const uint64_t payload_;  // bytes of records
  const uint64_t records_;
  const uint64_t checksum_;
  std::unique_ptr<char, void (*)(void*)> buffer_;
  size_t begin_ = 0;          // next unread byte of the buffer
  size_t end_ = 0;            // record bytes in the buffer
  uint64_t block_start_ = 0;  // file offset of the buffer
  uint64_t next_block_ = 0;   // file offset of the next read
  uint64_t read_records_ = 0;
  RunChecksum sum_;
  std::string key_;
  std::string_view value_;
  std::string value_scratch_;  // a value that spans two reads
  std::string key_scratch_;
  Status status_;
  bool done_ = false;
};

}  // namespace claimgraph
