#include "engine/run_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/store_dir.h"
#include "test_paths.h"

namespace claimgraph::run_file_test {

namespace {

using testing::TempDir;
using Records = std::vector<std::pair<std::string, std::string>>;

// Keys that share prefixes of every length (as a family's keys do), values
// from empty to several times a read or write buffer.
Records MakeRecords(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::set<std::string> keys;
  const std::vector<std::string> stems = {"c\x01",
                                          "c\x01"
                                          "doc-0001\x01",
                                          "i\x02"
                                          "AMZN\x01",
                                          std::string("\x00\xff", 2)};
  while (keys.size() < n) {
    std::string key = stems[rng() % stems.size()];
    const size_t len = rng() % 40;
    for (size_t i = 0; i < len; ++i) key += static_cast<char>(rng() % 256);
    keys.insert(key);
  }
  Records out;
  for (const std::string& key : keys) {
    const auto pick = rng() % 1000;
    const size_t len = pick == 0 ? (size_t{3} << 20) + rng() % 1000 : pick < 100 ? 0 : rng() % 3000;
    std::string value(len, '\0');
    for (char& c : value) c = static_cast<char>('a' + rng() % 26);
    out.emplace_back(key, std::move(value));
  }
  return out;
}

void WriteRun(const std::string& path, const Records& records, bool direct) {
  auto w = RunFileWriter::Create(path, direct);
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  for (const auto& [key, value] : records) REQUIRE((*w)->Add(key, value).ok());
  REQUIRE((*w)->Finish().ok());
  CHECK((*w)->records() == records.size());
  CHECK((*w)->file_bytes() == std::filesystem::file_size(path));
}

// Reads the whole run; the status it ended with.
Status ReadRun(const std::string& path, bool direct, Records* out) {
  auto r = RunFileReader::Open(path, direct);
  if (!r.ok()) return r.status();
  while ((*r)->Next()) out->emplace_back((*r)->key(), (*r)->value());
  return (*r)->status();
}

void FlipByte(const std::string& path, uint64_t at) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(at));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(at));
  f.put(static_cast<char>(c ^ 0x20));
}

}  // namespace

TEST_CASE("a sorted run gives back its records in order", "[run]") {
  TempDir tmp;
  const Records records = MakeRecords(6000, 7);
  std::vector<bool> modes{false};
  if (SupportsDirectIo(tmp.path())) {
    modes.push_back(true);
  } else {
    WARN("no O_DIRECT under " << tmp.path() << ": only the buffered path is tested");
  }
  for (const bool direct : modes) {
    INFO("direct " << direct);
    const std::string path = tmp.path() + (direct ? "/direct.run" : "/buffered.run");
    WriteRun(path, records, direct);
    // Several megabytes: records cross the buffers' edges.
    CHECK(std::filesystem::file_size(path) > (size_t{8} << 20));
    Records back;
    Status s = ReadRun(path, direct, &back);
    INFO(s.ToString());
    REQUIRE(s.ok());
    REQUIRE(back.size() == records.size());
    CHECK(back == records);
  }
}

TEST_CASE("an empty sorted run has no records", "[run]") {
  TempDir tmp;
  WriteRun(tmp.path() + "/empty.run", {}, false);
  CHECK(std::filesystem::file_size(tmp.path() + "/empty.run") == kRunFooterBytes);
  Records back;
  CHECK(ReadRun(tmp.path() + "/empty.run", false, &back).ok());
  CHECK(back.empty());
}

TEST_CASE("a sorted run refuses keys out of order", "[run]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/bad.run";
  auto w = RunFileWriter::Create(path, false);
  REQUIRE(w.ok());
  REQUIRE((*w)->Add("ab", "1").ok());
  REQUIRE((*w)->Add("abc", "2").ok());  // longer after its prefix: ascending
  REQUIRE((*w)->Add("abd", "").ok());
  Status s = (*w)->Add("abd", "again");
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find(path) != std::string::npos);
  CHECK_FALSE((*w)->Finish().ok());  // the error sticks
  w->reset();
  CHECK_FALSE(std::filesystem::exists(path));  // unfinished: removed

  for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
           {"b", "a"}, {"abc", "ab"}, {std::string("\xff", 1), "z"}}) {
    auto v = RunFileWriter::Create(path, false);
    REQUIRE(v.ok());
    REQUIRE((*v)->Add(first, "").ok());
    CHECK((*v)->Add(second, "").code() == Status::Code::kInvalidArgument);
  }
}

TEST_CASE("a damaged or foreign sorted run is refused naming its file", "[run]") {
  TempDir tmp;
  const std::string path = tmp.path() + "/r.run";
  const Records records = MakeRecords(3000, 11);
  WriteRun(path, records, false);
  const uint64_t size = std::filesystem::file_size(path);

  SECTION("a changed byte in the records") {
    FlipByte(path, size / 2);
    Records back;
    Status s = ReadRun(path, false, &back);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK(s.message().find(path) != std::string::npos);
  }
  SECTION("a changed record count") {
    FlipByte(path, size - kRunFooterBytes);
    Records back;
    CHECK(ReadRun(path, false, &back).code() == Status::Code::kCorruption);
  }
  SECTION("cut short") {
    std::filesystem::resize_file(path, size - 1);
    Records back;
    Status s = ReadRun(path, false, &back);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK(s.message().find(path) != std::string::npos);
    std::filesystem::resize_file(path, 5);
    CHECK(ReadRun(path, false, &back).code() == Status::Code::kCorruption);
  }
  SECTION("a file that is not a run") {
    std::ofstream(path, std::ios::trunc) << std::string(5000, 'x');
    Records back;
    CHECK(ReadRun(path, false, &back).code() == Status::Code::kCorruption);
  }
  SECTION("missing") {
    Records back;
    Status s = ReadRun(tmp.path() + "/none.run", false, &back);
    CHECK(s.code() == Status::Code::kIOError);
    CHECK(s.message().find("none.run") != std::string::npos);
  }
}

TEST_CASE("the run checksum does not depend on how its bytes arrive", "[run]") {
  std::string bytes(1000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + 3);
  RunChecksum whole;
  whole.Update(bytes.data(), bytes.size());
  RunChecksum pieces;
  pieces.Update(bytes.data(), 64);
  pieces.Update(bytes.data() + 64, 0);
  pieces.Update(bytes.data() + 64, 320);
  pieces.Update(bytes.data() + 384, bytes.size() - 384);
  CHECK(pieces.Finish() == whole.Finish());

  auto sum = [](const std::string& b) {
    RunChecksum c;
    c.Update(b.data(), b.size());
    return c.Finish();
  };
  std::string changed = bytes;
  changed[517] ^= 1;
  CHECK(sum(changed) != whole.Finish());
  std::string swapped = bytes;  // two 8-byte words of one lane trade places
  std::swap_ranges(swapped.begin(), swapped.begin() + 8, swapped.begin() + 32);
  CHECK(sum(swapped) != whole.Finish());
  CHECK(sum(bytes + std::string(1, '\0')) != whole.Finish());  // a trailing zero counts
}

}  // namespace claimgraph::run_file_test
