// Intervals of stated values: digit precision, qualifiers, units.
#include "graph/value_interval.h"

#include <catch2/catch.hpp>

namespace claimgraph::value_interval_test {

namespace {

ClaimValue Money(double amount, const std::string& text, Qualifier q = Qualifier::kExact,
                 const std::string& currency = "USD") {
  ClaimValue v;
  v.type = MentionType::kMoney;
  v.text = text;
  v.quantity.amount = amount;
  v.quantity.low = q == Qualifier::kAtMost ? -kUnbounded : amount;
  v.quantity.high = q == Qualifier::kAtLeast ? kUnbounded : amount;
  v.quantity.qualifier = q;
  v.quantity.currency = currency;
  return v;
}

}  // namespace

TEST_CASE("An exact value spans half a unit of its last digit", "[contradictions][interval]") {
  auto v = IntervalOf(Money(1.2e9, "$1.2 billion"));
  REQUIRE(v);
  CHECK(v->low == Approx(1.15e9));
  CHECK(v->high == Approx(1.25e9));
  CHECK(v->dimension == "money:USD");
  auto w = IntervalOf(Money(1.2e9, "$1,200 million"));
  REQUIRE(w);
  CHECK(w->low == Approx(1.1995e9));
  CHECK(w->high == Approx(1.2005e9));
  CHECK(Overlaps(v->low, v->high, w->low, w->high));
  CHECK(DigitPrecision("two", 2) == 0);
}

TEST_CASE("Qualifiers widen or open the interval", "[contradictions][interval]") {
  auto approx = IntervalOf(Money(1.3e9, "about $1.3 billion", Qualifier::kApprox));
  REQUIRE(approx);
  CHECK(approx->low == Approx(1.17e9));
  CHECK(approx->high == Approx(1.43e9));
  auto at_least = IntervalOf(Money(2e10, "more than $20 billion", Qualifier::kAtLeast));
  REQUIRE(at_least);
  CHECK(at_least->low == Approx(2e10));
  CHECK(at_least->high == kUnbounded);
  auto at_most = IntervalOf(Money(2e10, "up to $20 billion", Qualifier::kAtMost));
  REQUIRE(at_most);
  CHECK(at_most->low == -kUnbounded);
  CHECK(at_most->high == Approx(2e10));
  ClaimValue range = Money(1.5e7, "$10-$20 million", Qualifier::kRange);
  range.quantity.low = 1e7;
  range.quantity.high = 2e7;
  auto r = IntervalOf(range);
  REQUIRE(r);
  CHECK(r->low == Approx(1e7));
  CHECK(r->high == Approx(2e7));
}

TEST_CASE("Units define what can be compared", "[contradictions][interval]") {
  CHECK(IntervalOf(Money(1e9, "EUR 1 billion", Qualifier::kExact, "EUR"))->dimension ==
        "money:EUR");
  ClaimValue bp;
  bp.type = MentionType::kBasisPoints;
  bp.text = "25 basis points";
  bp.quantity.amount = bp.quantity.low = bp.quantity.high = 25;
  auto points = IntervalOf(bp);
  REQUIRE(points);
  CHECK(points->dimension == "points");
  CHECK(points->amount == Approx(0.25));
  ClaimValue period;
  period.type = MentionType::kPeriod;
  CHECK_FALSE(IntervalOf(period));
}

TEST_CASE("A factor of a thousand between matching digits is a scale slip",
          "[contradictions][interval]") {
  CHECK(IsScaleSlip(1.15e9, 1.25e9, 1.2e9, 1.15e6, 1.25e6, 1.2e6));
  CHECK_FALSE(IsScaleSlip(1.15e9, 1.25e9, 1.2e9, 2.95e6, 3.05e6, 3e6));
  CHECK_FALSE(IsScaleSlip(1.15e9, 1.25e9, 1.2e9, 1.15e9, 1.25e9, 1.2e9));
  CHECK(FormatInterval(2.25e11, 2.25e11, kUnbounded, Qualifier::kAtLeast, "money:USD") ==
        "more than $225B");
}

}  // namespace claimgraph::value_interval_test
