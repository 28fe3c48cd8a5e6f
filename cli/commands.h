// Subcommand registration. Each Register* adds a subcommand to the app and
// arranges for *exit_code to be set when it runs. Parsing and validation
// happen in CLI11; the commands call library APIs and print.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace claimgraph::cli {

// Options shared by every subcommand.
struct GlobalOptions {
  std::string schema_dir;  // --schemas, $CLAIMGRAPH_SCHEMAS, or the build's schemas/
};

// Resolves the schema directory: flag, then environment, then the
// directory compiled in.
std::string ResolveSchemaDir(const GlobalOptions& global);

void RegisterAnnotate(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterExtract(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterIngest(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterQuery(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterAsk(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterStats(CLI::App& app, int* exit_code);  // stats and check
void RegisterShow(CLI::App& app, int* exit_code);
void RegisterGraph(CLI::App& app, const GlobalOptions& global,
                   int* exit_code);  // neighbors, path, export
void RegisterContradictions(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterConsistency(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterRebuild(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterSst(CLI::App& app, int* exit_code);
void RegisterLoadSst(CLI::App& app, int* exit_code);

}  // namespace claimgraph::cli
