#include "engine/stored_codec.h"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace claimgraph::stored_codec_test {
namespace {

uint64_t Bits(double d) { return std::bit_cast<uint64_t>(d); }

ClaimValue FullValue(std::string text, double amount) {
  ClaimValue v;
  v.type = MentionType::kMoney;
  v.quantity.amount = amount;
  v.quantity.low = amount * 0.95;
  v.quantity.high = amount * 1.05;
  v.quantity.qualifier = Qualifier::kApprox;
  v.quantity.currency = "USD";
  v.quantity.unit = "dollars";
  v.quantity.equivalent = true;
  v.quantity.vague = true;
  v.start = 123;
  v.end = 140;
  v.text = std::move(text);
  v.period = Period{"2024-01-01", "2024-03-31", Granularity::kQuarter, 2024, 1, true, "-1q"};
  v.period_text = "the first quarter";
  return v;
}

StoredClaim FullClaim() {
  StoredClaim s;
  Claim& c = s.claim;
  c.claim_id = "c-9f2e";
  c.doc_id = "doc-17";
  c.kind = ClaimKind::kRelative;
  c.subject = {"AMZN/aws", "Amazon Web Services", EntityType::kSegment};
  c.metric = "free_cash_flow";
  c.value = FullValue("$1.2 billion", 1.2e9);
  c.prior = FullValue("nearly $26 billion", 2.6e10);
  c.prior->period->relative_offset = "-1y";
  c.change = FullValue("up 18%", 18);
  c.change->type = MentionType::kPercent;
  c.change_direction = "down";
  c.modality = Modality::kGuidance;
  c.negated = true;
  c.speaker = Speaker{"Andy Jassy", "CEO", "person/andy-jassy"};
  c.evidence_start = 100;
  c.evidence_end = 220;
  c.evidence_text = "Free cash flow fell to $1.2 billion from nearly $26 billion.";
  c.rule = "quantity.fell_to_from";
  c.ruleset = "rs-31c4";
  c.comparator = "Microsoft Azure";
  c.status = "sold_out";
  c.stance = "negative";
  c.score = -0.42;
  c.label = "Sentiment Score";
  c.relation = "runs_on";
  c.object = {"AMZN/trainium", "Trainium", EntityType::kProduct};
  c.terms = {"chips", "processor"};
  s.source = "Reuters";
  s.published = "2024-04-30";
  s.title = "Amazon cash flow";
  return s;
}

StoredDocument FullDocument() {
  StoredDocument s;
  Document& d = s.doc;
  d.id = "doc-17";
  d.text = "Amazon said...\nSentiment Score\n0.72\nTicker\nAMZN\n";
  d.source = "Reuters";
  d.published = "2024-04-30T12:00:00Z";
  d.url = "https://example.com/a?b=c";
  d.title = "Amazon cash flow";
  d.origin = "news.jsonl:3";
  d.prose_end = 15;
  d.metadata = {{"Sentiment Score", "0.72", 15, 36}, {"Ticker", "AMZN", 36, 48}};
  s.content_hash = "0123456789abcdef";
  s.ruleset = "rs-31c4";
  s.claim_count = 12;
  s.ingested_at = 1714478400;
  return s;
}

void CheckSameValue(const std::optional<ClaimValue>& a, const std::optional<ClaimValue>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  CHECK(a->type == b->type);
  CHECK(Bits(a->quantity.amount) == Bits(b->quantity.amount));
  CHECK(Bits(a->quantity.low) == Bits(b->quantity.low));
  CHECK(Bits(a->quantity.high) == Bits(b->quantity.high));
  CHECK(a->quantity.qualifier == b->quantity.qualifier);
  CHECK(a->quantity.currency == b->quantity.currency);
  CHECK(a->quantity.unit == b->quantity.unit);
  CHECK(a->quantity.equivalent == b->quantity.equivalent);
  CHECK(a->quantity.vague == b->quantity.vague);
  CHECK(a->start == b->start);
  CHECK(a->end == b->end);
  CHECK(a->text == b->text);
  CHECK(a->period_text == b->period_text);
  REQUIRE(a->period.has_value() == b->period.has_value());
  if (!a->period) return;
  CHECK(a->period->start == b->period->start);
  CHECK(a->period->end == b->period->end);
  CHECK(a->period->granularity == b->period->granularity);
  CHECK(a->period->year == b->period->year);
  CHECK(a->period->quarter == b->period->quarter);
  CHECK(a->period->fiscal == b->period->fiscal);
  CHECK(a->period->relative_offset == b->period->relative_offset);
}

void CheckSameClaim(const StoredClaim& a, const StoredClaim& b) {
  const Claim& x = a.claim;
  const Claim& y = b.claim;
  CHECK(x.claim_id == y.claim_id);
  CHECK(x.doc_id == y.doc_id);
  CHECK(x.kind == y.kind);
  CHECK(x.subject.id == y.subject.id);
  CHECK(x.subject.name == y.subject.name);
  CHECK(x.subject.type == y.subject.type);
  CHECK(x.metric == y.metric);
  CheckSameValue(x.value, y.value);
  CheckSameValue(x.prior, y.prior);
  CheckSameValue(x.change, y.change);
  CHECK(x.change_direction == y.change_direction);
  CHECK(x.modality == y.modality);
  CHECK(x.negated == y.negated);
  REQUIRE(x.speaker.has_value() == y.speaker.has_value());
  if (x.speaker) {
    CHECK(x.speaker->name == y.speaker->name);
    CHECK(x.speaker->role == y.speaker->role);
    CHECK(x.speaker->id == y.speaker->id);
  }
  CHECK(x.evidence_start == y.evidence_start);
  CHECK(x.evidence_end == y.evidence_end);
  CHECK(x.evidence_text == y.evidence_text);
  CHECK(x.rule == y.rule);
  CHECK(x.ruleset == y.ruleset);
  CHECK(x.terms == y.terms);
  CHECK(x.comparator == y.comparator);
  CHECK(x.status == y.status);
  CHECK(x.stance == y.stance);
  CHECK(Bits(x.score) == Bits(y.score));
  CHECK(x.label == y.label);
  CHECK(x.relation == y.relation);
  CHECK(x.object.id == y.object.id);
  CHECK(x.object.name == y.object.name);
  CHECK(x.object.type == y.object.type);
  CHECK(a.source == b.source);
  CHECK(a.published == b.published);
  CHECK(a.title == b.title);
}

void CheckSameDocument(const StoredDocument& a, const StoredDocument& b) {
  CHECK(a.doc.id == b.doc.id);
  CHECK(a.doc.text == b.doc.text);
  CHECK(a.doc.source == b.doc.source);
  CHECK(a.doc.published == b.doc.published);
  CHECK(a.doc.url == b.doc.url);
  CHECK(a.doc.title == b.doc.title);
  CHECK(a.doc.origin == b.doc.origin);
  CHECK(a.doc.prose_end == b.doc.prose_end);
  REQUIRE(a.doc.metadata.size() == b.doc.metadata.size());
  for (size_t i = 0; i < a.doc.metadata.size(); ++i) {
    CHECK(a.doc.metadata[i].label == b.doc.metadata[i].label);
    CHECK(a.doc.metadata[i].value == b.doc.metadata[i].value);
    CHECK(a.doc.metadata[i].start == b.doc.metadata[i].start);
    CHECK(a.doc.metadata[i].end == b.doc.metadata[i].end);
  }
  CHECK(a.content_hash == b.content_hash);
  CHECK(a.ruleset == b.ruleset);
  CHECK(a.claim_count == b.claim_count);
  CHECK(a.ingested_at == b.ingested_at);
}

std::string Encode(const StoredClaim& claim) {
  std::string out;
  EncodeStoredClaim(claim, &out);
  return out;
}

std::string Encode(const StoredDocument& doc) {
  std::string out;
  EncodeStoredDocument(doc, &out);
  return out;
}

// Decodes into a target pre-filled with a full claim, so a decoder that
// forgets to reset a field shows up as a mismatch.
StoredClaim RoundTrip(const StoredClaim& claim) {
  StoredClaim decoded = FullClaim();
  Status s = DecodeStoredClaim(Encode(claim), &decoded);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return decoded;
}

// The offset of the first byte where two encodings differ.
size_t FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  REQUIRE(i < std::max(a.size(), b.size()));
  return i;
}

Status DecodeClaimBytes(const std::string& bytes) {
  StoredClaim claim;
  return DecodeStoredClaim(bytes, &claim);
}

}  // namespace

TEST_CASE("A fully populated claim round trips field by field", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  CheckSameClaim(RoundTrip(claim), claim);
}

TEST_CASE("A claim with every optional empty round trips", "[stored_codec]") {
  StoredClaim claim;
  claim.claim.claim_id = "c-1";
  StoredClaim decoded = RoundTrip(claim);
  CHECK_FALSE(decoded.claim.value.has_value());
  CHECK_FALSE(decoded.claim.prior.has_value());
  CHECK_FALSE(decoded.claim.change.has_value());
  CHECK_FALSE(decoded.claim.speaker.has_value());
  CheckSameClaim(decoded, claim);

  claim.claim.value = FullValue("7", 7);
  claim.claim.value->period.reset();
  CheckSameClaim(RoundTrip(claim), claim);
}

TEST_CASE("Decoding into a used record keeps nothing of the record before", "[stored_codec]") {
  // Scans decode each record into the one decoded before it (to reuse its
  // strings' memory), so every part present in both must be overwritten:
  // here every value, period and speaker is present with default fields,
  // and there are fewer terms than the full claim had.
  StoredClaim claim;
  claim.claim.claim_id = "c-2";
  claim.claim.value.emplace().period.emplace();
  claim.claim.prior.emplace().period.emplace();
  claim.claim.change.emplace();
  claim.claim.speaker.emplace();
  claim.claim.terms = {"x"};
  StoredClaim decoded = RoundTrip(claim);
  CheckSameClaim(decoded, claim);
  CHECK(Encode(decoded) == Encode(claim));

  // And a used record takes a full one back.
  StoredClaim full = FullClaim();
  REQUIRE(DecodeStoredClaim(Encode(full), &decoded).ok());
  CheckSameClaim(decoded, full);
}

TEST_CASE("Open ended bounds NaN and negative zero round trip bit for bit", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  claim.claim.value->quantity.low = -kUnbounded;
  claim.claim.value->quantity.high = kUnbounded;
  claim.claim.prior->quantity.amount = std::numeric_limits<double>::quiet_NaN();
  claim.claim.prior->quantity.low = std::numeric_limits<double>::denorm_min();
  claim.claim.change->quantity.amount = -0.0;
  claim.claim.score = std::numeric_limits<double>::lowest();
  StoredClaim decoded = RoundTrip(claim);
  CHECK(std::isinf(decoded.claim.value->quantity.low));
  CHECK(decoded.claim.value->quantity.low < 0);
  CHECK(decoded.claim.value->quantity.high == kUnbounded);
  CHECK(std::isnan(decoded.claim.prior->quantity.amount));
  CHECK(std::signbit(decoded.claim.change->quantity.amount));
  CheckSameClaim(decoded, claim);
}

TEST_CASE("Extreme integers round trip", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  claim.claim.evidence_start = std::numeric_limits<size_t>::max();
  claim.claim.value->period->year = std::numeric_limits<int>::min();
  claim.claim.value->period->quarter = std::numeric_limits<int>::max();
  claim.claim.prior->period->year = -1;
  CheckSameClaim(RoundTrip(claim), claim);

  for (int64_t at : {std::numeric_limits<int64_t>::min(), int64_t{-1}, int64_t{0},
                     std::numeric_limits<int64_t>::max()}) {
    StoredDocument doc = FullDocument();
    doc.ingested_at = at;
    doc.claim_count = std::numeric_limits<uint64_t>::max();
    StoredDocument decoded;
    REQUIRE(DecodeStoredDocument(Encode(doc), &decoded).ok());
    CheckSameDocument(decoded, doc);
  }
}

TEST_CASE("UTF-8 text and embedded NUL bytes round trip", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  claim.claim.evidence_text = "Umsatz stieg um 12 % auf 3,4 Mrd. \xE2\x82\xAC \xF0\x9F\x93\x88";
  claim.claim.subject.name = "\xE6\x97\xA5\xE7\xAB\x8B";
  claim.title = std::string("a\0b", 3);
  CheckSameClaim(RoundTrip(claim), claim);

  StoredDocument doc = FullDocument();
  doc.doc.text.assign(100000, 'x');
  doc.doc.text += "\xC3\xA9";
  StoredDocument decoded;
  REQUIRE(DecodeStoredDocument(Encode(doc), &decoded).ok());
  CheckSameDocument(decoded, doc);
}

TEST_CASE("Every enum value round trips", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  for (int i = 0; i <= static_cast<int>(ClaimKind::kScore); ++i) {
    claim.claim.kind = static_cast<ClaimKind>(i);
    CHECK(RoundTrip(claim).claim.kind == claim.claim.kind);
  }
  for (int i = 0; i <= static_cast<int>(Modality::kOpinion); ++i) {
    claim.claim.modality = static_cast<Modality>(i);
    CHECK(RoundTrip(claim).claim.modality == claim.claim.modality);
  }
  for (int i = 0; i <= static_cast<int>(EntityType::kPerson); ++i) {
    claim.claim.subject.type = static_cast<EntityType>(i);
    CHECK(RoundTrip(claim).claim.subject.type == claim.claim.subject.type);
  }
  for (int i = 0; i <= static_cast<int>(MentionType::kDuration); ++i) {
    claim.claim.change->type = static_cast<MentionType>(i);
    CHECK(RoundTrip(claim).claim.change->type == claim.claim.change->type);
  }
  for (int i = 0; i <= static_cast<int>(Qualifier::kRange); ++i) {
    claim.claim.prior->quantity.qualifier = static_cast<Qualifier>(i);
    CHECK(RoundTrip(claim).claim.prior->quantity.qualifier ==
          claim.claim.prior->quantity.qualifier);
  }
  for (int i = 0; i <= static_cast<int>(Granularity::kSpan); ++i) {
    claim.claim.value->period->granularity = static_cast<Granularity>(i);
    CHECK(RoundTrip(claim).claim.value->period->granularity ==
          claim.claim.value->period->granularity);
  }
}

TEST_CASE("An enum value past the last one is corruption naming the field", "[stored_codec]") {
  StoredClaim claim = FullClaim();
  claim.claim.kind = static_cast<ClaimKind>(static_cast<int>(ClaimKind::kRelation) + 1);
  Status s = DecodeClaimBytes(Encode(claim));
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message() == "stored claim: bad value for field kind");

  claim = FullClaim();
  claim.claim.prior->period->granularity =
      static_cast<Granularity>(static_cast<int>(Granularity::kSpan) + 1);
  s = DecodeClaimBytes(Encode(claim));
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message() == "stored claim: bad value for field prior.period.granularity");

  claim = FullClaim();
  claim.claim.change->quantity.qualifier = static_cast<Qualifier>(200);
  s = DecodeClaimBytes(Encode(claim));
  CHECK(s.message() == "stored claim: bad value for field change.quantity.qualifier");
}

TEST_CASE("A fully populated document round trips field by field", "[stored_codec]") {
  StoredDocument doc = FullDocument();
  StoredDocument decoded;
  decoded.doc.metadata.resize(5);  // stale entries must not survive
  REQUIRE(DecodeStoredDocument(Encode(doc), &decoded).ok());
  CheckSameDocument(decoded, doc);

  StoredDocument empty;
  REQUIRE(DecodeStoredDocument(Encode(empty), &decoded).ok());
  CheckSameDocument(decoded, empty);
}

TEST_CASE("Encoding appends to the output", "[stored_codec]") {
  std::string out = "key:";
  EncodeStoredClaim(FullClaim(), &out);
  REQUIRE(out.compare(0, 4, "key:") == 0);
  CHECK(out.substr(4) == Encode(FullClaim()));
  CHECK(Encode(FullClaim()).front() == '\x03');
}

TEST_CASE("Every truncated prefix is rejected as corruption", "[stored_codec]") {
  StoredClaim empty_claim;
  for (const std::string& bytes : {Encode(FullClaim()), Encode(empty_claim)}) {
    for (size_t n = 0; n < bytes.size(); ++n) {
      StoredClaim claim;
      Status s = DecodeStoredClaim(std::string_view(bytes).substr(0, n), &claim);
      INFO("prefix length " << n << ": " << s.ToString());
      REQUIRE(s.code() == Status::Code::kCorruption);
      REQUIRE(s.message().rfind("stored claim: truncated at field ", 0) == 0);
    }
  }
  StoredDocument empty_doc;
  for (const std::string& bytes : {Encode(FullDocument()), Encode(empty_doc)}) {
    for (size_t n = 0; n < bytes.size(); ++n) {
      StoredDocument doc;
      Status s = DecodeStoredDocument(std::string_view(bytes).substr(0, n), &doc);
      INFO("prefix length " << n << ": " << s.ToString());
      REQUIRE(s.code() == Status::Code::kCorruption);
      REQUIRE(s.message().rfind("stored document: truncated at field ", 0) == 0);
    }
  }
}

TEST_CASE("A truncation names the field it cut", "[stored_codec]") {
  const std::string bytes = Encode(FullClaim());
  const size_t at = bytes.find("Free cash flow fell");
  REQUIRE(at != std::string::npos);
  Status s = DecodeClaimBytes(bytes.substr(0, at + 4));
  CHECK(s.message() == "stored claim: truncated at field evidence_text");
  s = DecodeClaimBytes(bytes.substr(0, bytes.find("Andy Jassy") + 1));
  CHECK(s.message() == "stored claim: truncated at field speaker.name");
  s = DecodeClaimBytes(bytes.substr(0, bytes.find("-1y") + 1));
  CHECK(s.message() == "stored claim: truncated at field prior.period.relative_offset");
  s = DecodeClaimBytes(bytes.substr(0, bytes.find("processor") + 1));
  CHECK(s.message() == "stored claim: truncated at field terms");
}

TEST_CASE("An unknown record version is rejected", "[stored_codec]") {
  for (char version : {'\x00', '\x01', '\x02', '\x04', '\xff'}) {
    std::string claim = Encode(FullClaim());
    claim[0] = version;
    Status s = DecodeClaimBytes(claim);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK(s.message().find("unknown record version") != std::string::npos);
    std::string doc = Encode(FullDocument());
    doc[0] = version;
    StoredDocument decoded;
    CHECK(DecodeStoredDocument(doc, &decoded).code() == Status::Code::kCorruption);
  }
}

TEST_CASE("Trailing bytes are rejected", "[stored_codec]") {
  Status s = DecodeClaimBytes(Encode(FullClaim()) + "xy");
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message() == "stored claim: 2 trailing bytes after the last field");
  StoredDocument doc;
  CHECK(DecodeStoredDocument(Encode(FullDocument()) + '\0', &doc).code() ==
        Status::Code::kCorruption);
}

TEST_CASE("Malformed scalars are rejected naming the field", "[stored_codec]") {
  StoredClaim a = FullClaim();
  StoredClaim b = FullClaim();
  b.claim.negated = false;
  std::string bytes = Encode(a);
  bytes[FirstDifference(bytes, Encode(b))] = '\x02';
  CHECK(DecodeClaimBytes(bytes).message() == "stored claim: bad value for field negated");

  // year = 2^31 does not fit an int: zigzag 2^32 is the varint 80 80 80 80 10.
  b = FullClaim();
  b.claim.value->period->year = 2025;
  bytes = Encode(a);
  const size_t year_at = FirstDifference(bytes, Encode(b));
  bytes.replace(year_at, 2, "\x80\x80\x80\x80\x10");  // 2024 zigzags to two bytes
  CHECK(DecodeClaimBytes(bytes).message() ==
        "stored claim: value out of range at field value.period.year");

  // A claim_id length that overflows 64 bits.
  bytes = '\x03' + std::string(10, '\xff') + std::string(20, '\x01');
  CHECK(DecodeClaimBytes(bytes).message() == "stored claim: bad varint at field claim_id");
  // A claim_id length past the end of the input.
  bytes = std::string("\x03\xe8\x07", 3) + "short";
  CHECK(DecodeClaimBytes(bytes).message() == "stored claim: truncated at field claim_id");
}

TEST_CASE("Offsets past the end of a stored document's text are corruption", "[stored_codec]") {
  // Rebuild re-extracts stored documents, and the extractor cuts the prose
  // and each trailer field out of the text with these offsets.
  StoredDocument doc = FullDocument();
  StoredDocument decoded;
  doc.doc.metadata[1].end = doc.doc.text.size() + 1;
  Status s = DecodeStoredDocument(Encode(doc), &decoded);
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message().find("metadata[1] span [36, 49)") != std::string::npos);

  doc = FullDocument();
  doc.doc.metadata[0].start = doc.doc.metadata[0].end + 1;
  CHECK(DecodeStoredDocument(Encode(doc), &decoded).code() == Status::Code::kCorruption);

  doc = FullDocument();
  doc.doc.prose_end = doc.doc.text.size() + 1;
  s = DecodeStoredDocument(Encode(doc), &decoded);
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message().find("prose_end 49 is past the end of the text (48 bytes)") !=
        std::string::npos);

  doc = FullDocument();
  doc.doc.prose_end = doc.doc.text.size();  // up to the end is fine
  CHECK(DecodeStoredDocument(Encode(doc), &decoded).ok());
}

TEST_CASE("A huge metadata count is rejected before allocating", "[stored_codec]") {
  // Version, seven empty strings, prose_end 0, then a count of 2^63.
  std::string bytes = std::string("\x03", 1) + std::string(8, '\0');
  bytes += std::string(9, '\x80') + '\x01';
  StoredDocument doc;
  Status s = DecodeStoredDocument(bytes, &doc);
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message() == "stored document: truncated at field metadata");
}

TEST_CASE("Random corruption decodes or fails cleanly", "[stored_codec]") {
  std::mt19937 rng(20240430);
  const std::string claim_bytes = Encode(FullClaim());
  const std::string doc_bytes = Encode(FullDocument());
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = (i % 2 == 0) ? claim_bytes : doc_bytes;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xFF);
    }
    if (i % 5 == 0) bytes.resize(rng() % (bytes.size() + 1));
    StoredClaim claim;
    StoredDocument doc;
    Status s = (i % 2 == 0) ? DecodeStoredClaim(bytes, &claim) : DecodeStoredDocument(bytes, &doc);
    INFO("iteration " << i << ": " << s.ToString());
    REQUIRE((s.ok() || s.code() == Status::Code::kCorruption));
  }
  // Pure noise behind a valid version byte.
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(1 + rng() % 200, '\x01');
    for (size_t k = 1; k < bytes.size(); ++k) bytes[k] = static_cast<char>(rng() & 0xFF);
    StoredClaim claim;
    StoredDocument doc;
    Status claim_status = DecodeStoredClaim(bytes, &claim);
    Status doc_status = DecodeStoredDocument(bytes, &doc);
    REQUIRE((claim_status.ok() || claim_status.code() == Status::Code::kCorruption));
    REQUIRE((doc_status.ok() || doc_status.code() == Status::Code::kCorruption));
  }
}

}  // namespace claimgraph::stored_codec_test
