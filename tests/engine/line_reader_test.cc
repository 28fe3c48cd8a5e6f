#include "engine/line_reader.h"

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

namespace claimgraph::line_reader_test {

TEST_CASE("a line on a pipe is read before the writer closes it", "[line_reader]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "first\n", 6) == 6);
  std::atomic<bool> line_read{false};
  // The writer keeps the pipe open until the reader has its line (or gives
  // up after a while, so that a reader that waits for more input ends and
  // the test fails instead of hanging).
  std::thread writer([&] {
    for (int i = 0; i < 1000 && !line_read; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const bool read_while_open = line_read;
    // No Catch assertions off the main thread; a failed write shows below.
    if (write(fds[1], read_while_open ? "second\n" : "late\n", read_while_open ? 7 : 5) < 0) {
      line_read = false;
    }
    close(fds[1]);
  });
  auto reader = LineReader::Open("/dev/fd/" + std::to_string(fds[0]), 1 << 20);
  REQUIRE(reader.ok());
  std::string line;
  REQUIRE((*reader)->Next(&line) == LineReader::Outcome::kLine);
  line_read = true;
  CHECK(line == "first");
  REQUIRE((*reader)->Next(&line) == LineReader::Outcome::kLine);
  CHECK(line == "second");  // "late" when the first read waited for the pipe to close
  CHECK((*reader)->Next(&line) == LineReader::Outcome::kEnd);
  writer.join();
  close(fds[0]);
}

}  // namespace claimgraph::line_reader_test
