#include "cli_run.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.h"

extern char** environ;

namespace claimgraph::testing {

Run Claimgraph(const std::string& args, const std::string& stdin_text) {
  TempDir tmp;
  std::string in = tmp.path() + "/stdin", out = tmp.path() + "/stdout",
              err = tmp.path() + "/stderr";
  std::ofstream(in) << stdin_text;
  std::string cmd = BinaryPath() + " " + args + " <" + in + " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFileOrFail(out),
             ReadFileOrFail(err)};
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    INFO(line);
    REQUIRE_FALSE(j.is_discarded());
    lines.push_back(std::move(j));
  }
  return lines;
}

ClaimgraphProcess::ClaimgraphProcess(const std::vector<std::string>& args, const std::string& dir,
                                     bool stdin_pipe)
    : out_(dir + "/child.out"), err_(dir + "/child.err") {
  int fds[2] = {-1, -1};
  if (stdin_pipe) REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_pipe) {
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_strings = {BinaryPath()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (stdin_pipe) {
    close(fds[0]);
    stdin_fd_ = fds[1];
  }
  reaped_ = rc != 0;
  INFO("cannot start " << argv_strings[0]);
  REQUIRE(rc == 0);
}

ClaimgraphProcess::~ClaimgraphProcess() {
  Kill();
  Wait();
  CloseStdin();
}

bool ClaimgraphProcess::Running() {
  if (!reaped_ && waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

void ClaimgraphProcess::Kill() {
  if (!reaped_) kill(pid_, SIGKILL);
}

int ClaimgraphProcess::Wait() {
  while (!reaped_) {
    if (waitpid(pid_, &status_, 0) == pid_ || errno != EINTR) reaped_ = true;
  }
  return status_;
}

void ClaimgraphProcess::CloseStdin() {
  if (stdin_fd_ >= 0) close(stdin_fd_);
  stdin_fd_ = -1;
}

std::string ClaimgraphProcess::Out() const { return ReadFileOrFail(out_); }
std::string ClaimgraphProcess::Err() const { return ReadFileOrFail(err_); }

std::vector<std::string> SeedCorpusLines(size_t count) {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/corpus/articles")) {
    paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> paragraphs;
  for (const std::string& path : paths) {
    std::istringstream in(ReadFileOrFail(path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() > 150) paragraphs.push_back(line);
    }
  }
  REQUIRE(paragraphs.size() > 10);
  std::vector<std::string> lines;
  for (size_t i = 0; i < count; ++i) {
    char id[32], lead[160];
    std::snprintf(id, sizeof(id), "doc-%05zu", i);
    std::snprintf(lead, sizeof(lead),
                  "Report %zu: Amazon said revenue rose %zu%% to $%zu billion in the quarter. ", i,
                  i % 50 + 1, i + 10);
    const std::string text = lead + paragraphs[i % paragraphs.size()] + "\n" +
                             paragraphs[(i * 7 + 3) % paragraphs.size()];
    lines.push_back(nlohmann::json{{"id", id}, {"text", text}}.dump() + "\n");
  }
  return lines;
}

}  // namespace claimgraph::testing
