#include "engine/status.h"

namespace claimgraph {

std::string_view Status::CodeName() const {
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kNotFound:
      return "not_found";
    case Code::kIOError:
      return "io_error";
    case Code::kCorruption:
      return "corruption";
    case Code::kResourceExhausted:
      return "resource_exhausted";
    case Code::kUnsupported:
      return "unsupported";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(CodeName());
  out += ": ";
  out += message_;
  return out;
}

}  // namespace claimgraph
