#include "extractors/entity_catalog.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "test_paths.h"

namespace claimgraph::entity_catalog_test {

namespace {

std::string CatalogPath() { return testing::SourceDir() + "/schemas/catalog.json"; }

// The message of a failed AddJson, or "OK".
std::string ErrorOf(EntityCatalog* catalog, const std::string& json) {
  Status s = catalog->AddJson(json, "my.json");
  return s.ok() ? "OK" : s.message();
}

std::string ErrorOf(const std::string& json) {
  EntityCatalog catalog;
  return ErrorOf(&catalog, json);
}

size_t CountType(const EntityCatalog& catalog, EntityType type) {
  size_t n = 0;
  for (const CatalogEntity& e : catalog.entities()) n += e.type == type ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("The bundled catalog loads with at least 60 companies", "[entity]") {
  EntityCatalog catalog;
  Status s = catalog.AddFile(CatalogPath());
  REQUIRE(s.ok());
  CHECK(CountType(catalog, EntityType::kCompany) >= 60);
  CHECK(CountType(catalog, EntityType::kSegment) >= 10);
  CHECK(CountType(catalog, EntityType::kProduct) >= 60);
  CHECK(CountType(catalog, EntityType::kPerson) >= 10);

  const CatalogEntity* amazon = catalog.Find("AMZN");
  REQUIRE(amazon != nullptr);
  CHECK(amazon->name == "Amazon");
  CHECK(amazon->ticker == "AMZN");
  CHECK(amazon->exchange == "NASDAQ");
  const CatalogEntity* aws = catalog.Find("AMZN/aws");
  REQUIRE(aws != nullptr);
  CHECK(aws->type == EntityType::kSegment);
  CHECK(aws->parent == "AMZN");
  const CatalogEntity* trn2 = catalog.Find("AMZN/trainium2");
  REQUIRE(trn2 != nullptr);
  CHECK(trn2->family == "AMZN/trainium");
  CHECK(trn2->category == "accelerator");
  const CatalogEntity* jassy = catalog.Find("person/andy-jassy");
  REQUIRE(jassy != nullptr);
  CHECK(jassy->role == "CEO");
  CHECK(jassy->parent == "AMZN");
  CHECK(catalog.Find("AMZX") == nullptr);
}

TEST_CASE("Children lists what a company owns and what a family groups", "[entity]") {
  EntityCatalog catalog;
  REQUIRE(catalog.AddFile(CatalogPath()).ok());
  std::vector<std::string> amazon = catalog.Children("AMZN");
  CHECK(std::count(amazon.begin(), amazon.end(), "AMZN/aws") == 1);
  CHECK(std::count(amazon.begin(), amazon.end(), "AMZN/trainium3") == 1);
  CHECK(std::count(amazon.begin(), amazon.end(), "person/andy-jassy") == 1);
  CHECK(std::count(amazon.begin(), amazon.end(), "NVDA/h100") == 0);
  std::vector<std::string> trainium = catalog.Children("AMZN/trainium");
  CHECK(trainium == std::vector<std::string>{"AMZN/trainium2", "AMZN/trainium3", "AMZN/trainium4"});
  CHECK(catalog.Children("nothing").empty());
}

TEST_CASE("Broken catalog JSON is rejected with the file named", "[entity]") {
  CHECK(ErrorOf("{\"companies\": [") == "my.json: not a valid JSON object");
  CHECK(ErrorOf("[]") == "my.json: not a valid JSON object");
  CHECK(ErrorOf(R"({"compnies": []})") ==
        "my.json: unknown key \"compnies\" (expected companies, segments, products, people)");
  CHECK(ErrorOf(R"({"companies": {}})") == "my.json: companies: must be an array");
  CHECK(ErrorOf(R"({"$comment": "notes", "companies": []})") == "OK");
}

TEST_CASE("Catalog entries with missing or bad fields name the field", "[entity]") {
  CHECK(ErrorOf(R"({"companies": [{"name": "Acme"}]})") == "my.json: companies[0].id: missing");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME"}]})") == "my.json: companies[0].name: missing");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": ""}]})") ==
        "my.json: companies[0].name: must be a non-empty string");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": "Acme", "aliases": ["A", 5]}]})") ==
        "my.json: companies[0].aliases[1]: must be a non-empty string");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": "Acme", "aliases": ["$ACME"]}]})") ==
        "my.json: companies[0].aliases[0]: must start with a letter or digit");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": "Acme", "role": "CEO"}]})") ==
        "my.json: companies[0].role: unknown field for a company");
  CHECK(ErrorOf(R"({"companies": [{"id": "AC/ME", "name": "Acme"}]})") ==
        "my.json: companies[0].id: \"AC/ME\": a company id cannot contain '/'");
  CHECK(ErrorOf(R"({"people": [{"id": "jane-doe", "name": "Jane Doe"}]})") ==
        "my.json: people[0].id: \"jane-doe\" must start with \"person/\"");
}

TEST_CASE("Catalog references must name existing entities of the right type", "[entity]") {
  const std::string company = R"("companies": [{"id": "AMZN", "name": "Amazon"}])";
  CHECK(ErrorOf("{" + company + R"(, "products": [
      {"id": "AMZN/a", "name": "A", "parent": "AMZN"},
      {"id": "AMZX/b", "name": "B", "parent": "AMZX"}]})") ==
        "my.json: products[1].parent: unknown company \"AMZX\"");
  CHECK(ErrorOf("{" + company + R"(, "segments": [{"id": "AMZN/aws", "name": "AWS"}]})") ==
        "my.json: segments[0].parent: missing");
  CHECK(ErrorOf("{" + company + R"(, "segments": [{"id": "AMZN/aws", "name": "AWS",
      "parent": "AMZN"}], "products": [{"id": "AMZN/x", "name": "X", "parent": "AMZN/aws"}]})") ==
        "my.json: products[0].parent: \"AMZN/aws\" is a segment, not a company");
  CHECK(ErrorOf("{" + company + R"(, "products": [{"id": "aws", "name": "AWS",
      "parent": "AMZN"}]})") ==
        "my.json: products[0].id: \"aws\" must start with \"AMZN/\" (its parent's id)");
  CHECK(ErrorOf("{" + company + R"(, "products": [{"id": "AMZN/trn2", "name": "Trn2",
      "parent": "AMZN", "family": "AMZN/trn"}]})") ==
        "my.json: products[0].family: unknown product \"AMZN/trn\"");
  CHECK(ErrorOf("{" + company + R"(, "products": [{"id": "AMZN/t", "name": "T",
      "parent": "AMZN", "category": "asic"}]})") ==
        "my.json: products[0].category: unknown category \"asic\" (expected chip, accelerator, "
        "cpu, gpu, cloud_service, model, software, device, platform)");
  CHECK(ErrorOf("{" + company + R"(, "people": [{"id": "person/x", "name": "X",
      "parent": "NOPE"}]})") == "my.json: people[0].parent: unknown company \"NOPE\"");
}

TEST_CASE("Entries may refer to entries later in the same file", "[entity]") {
  EntityCatalog catalog;
  CHECK(ErrorOf(&catalog, R"({"products": [
      {"id": "ACME/w2", "name": "Widget 2", "parent": "ACME", "family": "ACME/w"},
      {"id": "ACME/w", "name": "Widget", "parent": "ACME"}],
      "companies": [{"id": "ACME", "name": "Acme"}]})") == "OK");
  CHECK(catalog.Children("ACME/w") == std::vector<std::string>{"ACME/w2"});
}

TEST_CASE("A duplicate id within one catalog file is an error naming both places", "[entity]") {
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": "Acme"},
      {"id": "BETA", "name": "Beta"}, {"id": "ACME", "name": "Acme again"}]})") ==
        "my.json: companies[2].id: duplicate id \"ACME\" (first at companies[0])");
  CHECK(ErrorOf(R"({"companies": [{"id": "ACME", "name": "Acme"}],
      "segments": [{"id": "ACME", "name": "Acme", "parent": "ACME"}]})") ==
        "my.json: segments[0].id: duplicate id \"ACME\" (first at companies[0])");
}

TEST_CASE("A user catalog extends an existing entry and adds new ones", "[entity]") {
  EntityCatalog catalog;
  REQUIRE(catalog.AddFile(CatalogPath()).ok());
  size_t before = catalog.entities().size();
  Status s = catalog.AddJson(R"({"companies": [
      {"id": "AMZN", "aliases": ["Amazon.com, Inc.", "Amazon"]},
      {"id": "PON1V", "name": "Ponsse", "ticker": "PON1V", "exchange": "HEL"}],
      "products": [{"id": "AMZN/trainium5", "name": "Trainium5", "parent": "AMZN",
                    "family": "AMZN/trainium", "category": "accelerator"}],
      "people": [{"id": "person/andy-jassy", "role": "President and CEO"}]})",
                             "user.json");
  REQUIRE(s.ok());
  CHECK(catalog.entities().size() == before + 2);
  const CatalogEntity* amazon = catalog.Find("AMZN");
  REQUIRE(amazon != nullptr);
  CHECK(amazon->name == "Amazon");
  CHECK(std::count(amazon->aliases.begin(), amazon->aliases.end(), "Amazon.com, Inc.") == 1);
  CHECK(std::count(amazon->aliases.begin(), amazon->aliases.end(), "Amazon") == 0);
  CHECK(std::count(amazon->aliases.begin(), amazon->aliases.end(), "Amazon.com") == 1);
  CHECK(catalog.Find("person/andy-jassy")->role == "President and CEO");
  CHECK(catalog.Find("person/andy-jassy")->name == "Andy Jassy");
  CHECK(catalog.Find("PON1V")->exchange == "HEL");
  std::vector<std::string> family = catalog.Children("AMZN/trainium");
  CHECK(family.back() == "AMZN/trainium5");
}

TEST_CASE("Renaming an entry keeps its old name as an alias", "[entity]") {
  EntityCatalog catalog;
  REQUIRE(catalog.AddJson(R"({"companies": [{"id": "META", "name": "Facebook"}]})", "a.json").ok());
  REQUIRE(catalog.AddJson(R"({"companies": [{"id": "META", "name": "Meta"}]})", "b.json").ok());
  CHECK(catalog.Find("META")->name == "Meta");
  CHECK(catalog.Find("META")->aliases == std::vector<std::string>{"Facebook"});
}

TEST_CASE("A failed catalog file adds nothing and changes nothing", "[entity]") {
  EntityCatalog catalog;
  REQUIRE(catalog.AddJson(R"({"companies": [{"id": "ACME", "name": "Acme"}]})", "a.json").ok());
  Status s = catalog.AddJson(R"({"companies": [
      {"id": "ACME", "aliases": ["Acme Corp"], "ticker": "ACM"},
      {"id": "BETA", "name": "Beta"}],
      "segments": [{"id": "BETA/x", "name": "X", "parent": "GAMMA"}]})",
                             "b.json");
  CHECK(s.message() == "b.json: segments[0].parent: unknown company \"GAMMA\"");
  CHECK(catalog.entities().size() == 1);
  CHECK(catalog.Find("BETA") == nullptr);
  CHECK(catalog.Find("ACME")->aliases.empty());
  CHECK(catalog.Find("ACME")->ticker.empty());
  CHECK(ErrorOf(&catalog, R"({"segments": [{"id": "ACME", "name": "Acme", "parent": "ACME"}]})") ==
        "my.json: segments[0].id: \"ACME\" is already a company");
}

TEST_CASE("A missing catalog file is an error naming the path", "[entity]") {
  EntityCatalog catalog;
  Status s = catalog.AddFile("/nonexistent/catalog.json");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("/nonexistent/catalog.json") != std::string::npos);
  CHECK(catalog.entities().empty());
}

}  // namespace claimgraph::entity_catalog_test
