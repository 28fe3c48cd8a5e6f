// claimgraph: typed claims from financial text. Entry point; the only place
// that catches exceptions (CLI11 reports usage errors by throwing).
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace claimgraph::cli {

std::string ResolveSchemaDir(const GlobalOptions& global) {
  if (!global.schema_dir.empty()) return global.schema_dir;
  if (const char* env = std::getenv("CLAIMGRAPH_SCHEMAS"); env && *env) return env;
  return CLAIMGRAPH_DEFAULT_SCHEMA_DIR;
}

}  // namespace claimgraph::cli

int main(int argc, char** argv) {
  using namespace claimgraph::cli;
  // Over a file-size limit (ulimit -f), a write should fail with EFBIG and
  // be reported like a full disk, not kill the process mid-batch.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{
      "claimgraph: finds typed claims (who, what metric, what value, which period,\n"
      "said by whom, reported or hypothetical) in financial news, research notes and\n"
      "filings.\n\n"
      "Examples:\n"
      "  claimgraph annotate corpus/articles --format table\n"
      "  claimgraph extract corpus/articles --format table\n"
      "  claimgraph ingest --db news.db corpus/articles\n"
      "  claimgraph ask --db news.db \"what is claimed about AMZN chips\"\n"
      "  claimgraph query --db news.db --entity Amazon --metric backlog --format jsonl\n"
      "  claimgraph annotate news.jsonl | jq 'select(.type==\"money\")'\n"
      "  cat article.txt | claimgraph annotate -\n",
      "claimgraph"};
  app.set_version_flag("--version", std::string(CLAIMGRAPH_VERSION));
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--schemas", global.schema_dir,
                 "Directory with the rule, lexicon and catalog files "
                 "(default: $CLAIMGRAPH_SCHEMAS, else the source tree's schemas/)")
      ->check(CLI::ExistingDirectory);
  int exit_code = 0;
  RegisterAnnotate(app, global, &exit_code);
  RegisterExtract(app, global, &exit_code);
  RegisterIngest(app, global, &exit_code);
  RegisterQuery(app, global, &exit_code);
  RegisterAsk(app, global, &exit_code);
  RegisterShow(app, &exit_code);
  RegisterStats(app, &exit_code);
  RegisterGraph(app, global, &exit_code);
  RegisterContradictions(app, global, &exit_code);
  RegisterConsistency(app, global, &exit_code);
  RegisterRebuild(app, global, &exit_code);
  RegisterSst(app, &exit_code);
  RegisterLoadSst(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "claimgraph: internal error: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
