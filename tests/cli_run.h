// Running the built claimgraph binary from tests: real processes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimgraph::testing {

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `args` (shell syntax) with the built binary; captures both streams.
Run Claimgraph(const std::string& args, const std::string& stdin_text = "");

// `count` JSON Lines documents built from the seed articles, with ids
// doc-00000, doc-00001...: each has a lead sentence with its own numbers (so
// every document has claims of its own) and two paragraphs of the seeds.
std::vector<std::string> SeedCorpusLines(size_t count);

// Each line of `out` parsed as JSON; fails the test on a bad line.
std::vector<nlohmann::json> JsonLines(const std::string& out);

// The built binary started with `args` and no shell, so that a test can kill
// it by pid while it runs; stdout and stderr go to `dir`/child.out and
// `dir`/child.err. With `stdin_pipe` its stdin is a pipe the test writes
// through stdin_fd() (close-on-exec in the test: other children never hold
// it open), else /dev/null. Fails the test when it cannot be started.
// Destroying it kills (SIGKILL) and reaps a process still running.
// Thread safety: one thread, except that one other thread may write to
// stdin_fd() and call CloseStdin().
class ClaimgraphProcess {
 public:
  ClaimgraphProcess(const std::vector<std::string>& args, const std::string& dir,
                    bool stdin_pipe = false);
  ~ClaimgraphProcess();
  ClaimgraphProcess(const ClaimgraphProcess&) = delete;
  ClaimgraphProcess& operator=(const ClaimgraphProcess&) = delete;

  // True until the process has exited (it is then reaped).
  bool Running();
  // Sends SIGKILL unless it has been reaped.
  void Kill();
  // Waits for the process to end; returns its wait status (sys/wait.h).
  int Wait();
  // The write end of the stdin pipe; -1 without one or once closed.
  int stdin_fd() const { return stdin_fd_; }
  // Closes the stdin pipe: the process reads end of input.
  void CloseStdin();
  std::string Out() const;
  std::string Err() const;

 private:
  std::string out_, err_;
  int pid_ = -1;
  int status_ = 0;
  bool reaped_ = false;
  int stdin_fd_ = -1;
};

}  // namespace claimgraph::testing
