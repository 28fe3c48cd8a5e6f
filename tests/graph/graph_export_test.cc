// Placeholder; filled in by issue 5 work.
#include <catch2/catch.hpp>
