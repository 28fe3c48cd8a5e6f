// Placeholder; filled in by issue 5 work.
namespace claimgraph {}
