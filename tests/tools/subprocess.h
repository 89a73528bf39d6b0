// Runs a program as a child process with pipes for stdin, stdout and
// stderr, for end-to-end tests of the real binaries. A reader thread drains
// both output pipes, so a chatty child never blocks on a full pipe.
#ifndef PUSHWOOSH_TESTS_TOOLS_SUBPROCESS_H_
#define PUSHWOOSH_TESTS_TOOLS_SUBPROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace pushwoosh::testing_tools {

struct ProcessResult {
  // The exit status, or 128 + N when killed by signal N.
  int exit_code = -1;
  bool timed_out = false;
  std::string out;
  std::string err;
};

class Subprocess {
 public:
  // `env` is added to this process's environment, from which every
  // PUSHWOOSH_* variable is removed first so tests control them all.
  Subprocess(const std::vector<std::string>& argv,
             const std::map<std::string, std::string>& env = {});
  ~Subprocess();  // Kills the child if it still runs.

  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  void CloseStdin(const std::string& data = "");
  // The next whole line of stdout (without '\n'), or nullopt at EOF or on
  // timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Waits until the child's stderr so far contains `text`; false on timeout
  // or EOF without it.
  bool WaitForStderr(const std::string& text,
                     std::chrono::milliseconds timeout);
  void Signal(int signal_number);
  // Waits for exit (SIGKILL after `timeout`) and returns all output not yet
  // read by ReadLine.
  ProcessResult Wait(std::chrono::milliseconds timeout);

 private:
  void Drain();

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_;
  std::string err_;
  bool eof_ = false;
  std::thread reader_;
  std::optional<int> exit_code_;
};

// Runs to completion with `input` on stdin.
ProcessResult RunProgram(
    const std::vector<std::string>& argv,
    const std::map<std::string, std::string>& env = {},
    const std::string& input = "",
    std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace pushwoosh::testing_tools

#endif  // PUSHWOOSH_TESTS_TOOLS_SUBPROCESS_H_
