#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace pushwoosh::testing_tools {
namespace {

std::vector<std::string> ChildEnvironment(
    const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::strncmp(*entry, "PUSHWOOSH_", 10) != 0) env.emplace_back(*entry);
  }
  for (const auto& [name, value] : extra) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

int DecodeWaitStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Subprocess::Subprocess(const std::vector<std::string>& argv,
                       const std::map<std::string, std::string>& env) {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 ||
      pipe2(err, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe2 failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);

  std::vector<std::string> args = argv;
  std::vector<std::string> environment = ChildEnvironment(env);
  std::vector<char*> arg_pointers = Pointers(args);
  std::vector<char*> env_pointers = Pointers(environment);
  const int spawned = posix_spawn(&pid_, args[0].c_str(), &actions, nullptr,
                                  arg_pointers.data(), env_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  stdin_fd_ = in[1];
  stdout_fd_ = out[0];
  stderr_fd_ = err[0];
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + args[0] + ": " +
                             std::strerror(spawned));
  }
  reader_ = std::thread([this] { Drain(); });
}

Subprocess::~Subprocess() {
  if (!exit_code_.has_value()) Wait(std::chrono::milliseconds(0));
  if (stdin_fd_ >= 0) close(stdin_fd_);
}

void Subprocess::Drain() {
  pollfd fds[2] = {{stdout_fd_, POLLIN, 0}, {stderr_fd_, POLLIN, 0}};
  int open_fds = 2;
  char buffer[4096];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
        continue;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      (i == 0 ? out_ : err_).append(buffer, static_cast<std::size_t>(n));
      changed_.notify_all();
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  eof_ = true;
  changed_.notify_all();
}

void Subprocess::CloseStdin(const std::string& data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n =
        write(stdin_fd_, data.data() + written, data.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(stdin_fd_);
  stdin_fd_ = -1;
}

std::optional<std::string> Subprocess::ReadLine(
    std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  const bool ready = changed_.wait_for(lock, timeout, [&] {
    return out_.find('\n') != std::string::npos || eof_;
  });
  const auto newline = out_.find('\n');
  if (!ready || newline == std::string::npos) return std::nullopt;
  std::string line = out_.substr(0, newline);
  out_.erase(0, newline + 1);
  return line;
}

bool Subprocess::WaitForStderr(const std::string& text,
                               std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    return err_.find(text) != std::string::npos || eof_;
  }) && err_.find(text) != std::string::npos;
}

void Subprocess::Signal(int signal_number) {
  if (!exit_code_.has_value()) kill(pid_, signal_number);
}

ProcessResult Subprocess::Wait(std::chrono::milliseconds timeout) {
  ProcessResult result;
  if (stdin_fd_ >= 0) CloseStdin();
  {
    // The pipes close when the child exits (or is killed below).
    std::unique_lock<std::mutex> lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [&] { return eof_; })) {
      result.timed_out = true;
      kill(pid_, SIGKILL);
    }
  }
  reader_.join();
  int status = 0;
  waitpid(pid_, &status, 0);
  exit_code_ = DecodeWaitStatus(status);
  result.exit_code = *exit_code_;
  std::lock_guard<std::mutex> lock(mutex_);
  result.out = out_;
  result.err = err_;
  return result;
}

ProcessResult RunProgram(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         const std::string& input,
                         std::chrono::milliseconds timeout) {
  Subprocess process(argv, env);
  process.CloseStdin(input);
  return process.Wait(timeout);
}

}  // namespace pushwoosh::testing_tools
