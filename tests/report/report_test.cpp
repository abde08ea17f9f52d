// Renderer tests on the Arcadia fixture: JSON shape and ids, the mandatory-only headline, HTML anchors
// and escaping, plain text without ANSI codes, CSV quoting, and diff classification.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "report/countries.hpp"
#include "report/fixture.hpp"
#include "report/priorities.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/wrap.hpp"
#include "util/embedded.hpp"

namespace palermo::report {
namespace {

using analysis::Status;

const analysis::ObligationFinding& finding(const CountryReport& r, std::string_view id) {
  for (const auto& f : r.findings)
    if (f.id == id) return f;
  throw std::runtime_error("no finding " + std::string(id));
}

TEST(ReportJson, ParsesWithSchemaFieldsAndStableIds) {
  const CountryReport r = fixture::report();
  auto j = nlohmann::json::parse(render_json(r));
  EXPECT_EQ(j.at("schema"), "palermo-report/1");
  EXPECT_EQ(j.at("country"), "xz");
  EXPECT_EQ(j.at("model").at("version"), "2026.11-fixture");
  EXPECT_NE(j.at("assessment_note").get<std::string>().find("not its implementation"), std::string::npos);
  ASSERT_EQ(j.at("documents").size(), 2u);
  EXPECT_EQ(j.at("documents")[0].at("sha256").get<std::string>().size(), 64u);
  EXPECT_EQ(j.at("documents")[0].at("expression_date"), "2024-03-01");
  ASSERT_EQ(j.at("findings").size(), r.findings.size());
  for (std::size_t i = 0; i < r.findings.size(); ++i) EXPECT_EQ(j["findings"][i].at("id"), r.findings[i].id);
  const auto& mandatory = j.at("summary").at("mandatory");
  EXPECT_EQ(mandatory.at("total"), 6);
  EXPECT_EQ(mandatory.at("met"), 3);
  EXPECT_EQ(mandatory.at("conflict"), 1);
  EXPECT_EQ(j.at("summary").at("good_practice").at("gap"), 1);
  const auto& acts = j.at("findings")[0];
  EXPECT_EQ(acts.at("class"), "mandatory");
  EXPECT_EQ(acts.at("layer"), "mandatory");
  EXPECT_EQ(acts.at("area"), "definition");
  EXPECT_EQ(acts.at("status"), "partial");
  const auto& ev = acts.at("elements")[0].at("evidence")[0];
  EXPECT_EQ(ev.at("eid"), "sec_3__subsec_1");
  EXPECT_EQ(ev.at("citation"), "s 3(1)");
  auto span = ev.at("highlights")[0];
  std::string passage = ev.at("passage");
  EXPECT_EQ(passage.substr(span[0].get<std::size_t>(), span[1].get<std::size_t>() - span[0].get<std::size_t>()),
            "recruits");
  const auto& purpose = j.at("findings")[2].at("elements")[0].at("evidence")[0];
  ASSERT_EQ(purpose.at("chain").size(), 2u);
  EXPECT_EQ(purpose.at("chain")[1].at("kind"), "defined-term");
  EXPECT_EQ(j.at("findings")[5].at("red_flags")[0].at("red_flag"), true);
}

TEST(ReportMarkdown, HeadlineCountsOnlyMandatoryObligations) {
  const std::string md = render_markdown(fixture::report());
  EXPECT_NE(md.find("**Mandatory obligations: 3 of 6 met, 1 partial, 1 gap, 1 conflict**"), std::string::npos) << md;
  EXPECT_NE(md.find("Good practice: 0 of 1 met"), std::string::npos);
  EXPECT_NE(md.find("## Mandatory obligations"), std::string::npos);
  EXPECT_NE(md.find("## Good practice beyond the Protocol"), std::string::npos);
  EXPECT_NE(md.find("### Definition"), std::string::npos);
  EXPECT_NE(md.find("> A person who **recruits**, transports"), std::string::npos);
  EXPECT_NE(md.find("via s 3(1): uses the defined term 'exploitation' → s 1"), std::string::npos);
  EXPECT_NE(md.find("**Drafting advice:** Add \"transfers\""), std::string::npos);
  EXPECT_NE(md.find("not its implementation"), std::string::npos);
  // The hostile passage is inert: no raw tag survives, and it is escaped the Markdown way (not as
  // HTML entities, which would paste into a word processor as "&lt;").
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  // Mandatory findings come before the optional and good-practice ones.
  EXPECT_LT(md.find("#### Protocol art 6(6)"), md.find("#### Protocol art 6(3)"));
}

TEST(ReportHtml, EveryEvidenceLinkHasItsAnchorAndHostileTextIsEscaped) {
  const std::string html = render_html(fixture::report(), fixture::documents());
  ASSERT_EQ(html.find("<!-- palermo: template"), std::string::npos) << html.substr(0, 300);
  std::set<std::string> ids;
  std::regex id_re(R"re(\bid="([^"]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1]);
  std::regex href_re(R"re(href="#([^"]+)")re");
  int links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re); it != std::sregex_iterator(); ++it) {
    ++links;
    EXPECT_TRUE(ids.count((*it)[1])) << "dangling link #" << (*it)[1];
  }
  EXPECT_GT(links, 10);
  EXPECT_TRUE(ids.count("doc1-sec_3__subsec_1"));
  EXPECT_TRUE(ids.count("doc2-sec_20"));
  EXPECT_TRUE(ids.count("ob-tip.3a.acts"));
  // Only palermo's own script tag; the statute's "<script>" is escaped.
  std::size_t scripts = 0;
  for (std::size_t at = html.find("<script>"); at != std::string::npos; at = html.find("<script>", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; care"), std::string::npos);
  // Evidence words are marked both in the checklist and in the statute text below it.
  EXPECT_NE(html.find("A person who <mark>recruits</mark>, <mark>transports</mark> or <mark>harbours</mark>"),
            std::string::npos);
  EXPECT_NE(html.find("Mandatory obligations: 3 of 6 met, 1 partial, 1 gap, 1 conflict"), std::string::npos);
  EXPECT_NE(html.find("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"), std::string::npos);
  EXPECT_NE(html.find("2026.11-fixture"), std::string::npos);
  EXPECT_NE(html.find("not its implementation"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);  // self-contained: nothing fetched
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(ReportText, NoAnsiCodesWhenColourIsOff) {
  const CountryReport r = fixture::report();
  TextOptions detail;
  detail.detail = true;
  const std::string plain = render_text(r, detail);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(plain.find("Mandatory obligations: 3 of 6 met, 1 partial, 1 gap, 1 conflict"), std::string::npos);
  EXPECT_NE(plain.find("[[recruits]]"), std::string::npos);
  EXPECT_NE(plain.find("Where:"), std::string::npos);
  EXPECT_NE(plain.find("red flag: A fine may replace imprisonment"), std::string::npos);
  detail.colour = true;
  const std::string coloured = render_text(r, detail);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
  EXPECT_EQ(coloured.find("[[recruits]]"), std::string::npos);
}

// Issue 10: the terminal report is a summary a reader takes in at a glance, within 80 columns, with
// the verdict and the conflict named near the top; evidence only with --detail; patterns on request.
TEST(ReportText, SummaryFitsEightyColumnsAndNamesTheConflictFirst) {
  const CountryReport r = fixture::report();
  const std::string summary = render_text(r, TextOptions{});
  std::istringstream lines(summary);
  std::string line;
  int n = 0, conflict_line = -1;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_LE(display_width(line), 80u) << line;
    if (conflict_line < 0 && line.find("Sanctions:") != std::string::npos) conflict_line = n;
  }
  EXPECT_GT(conflict_line, 0) << summary;
  EXPECT_LE(conflict_line, 20) << summary;
  EXPECT_EQ(summary.find("[[recruits]]"), std::string::npos) << "evidence belongs to --detail";
  EXPECT_NE(summary.find("URGENT"), std::string::npos);
  TextOptions detail;
  detail.detail = true;
  const std::string with_evidence = render_text(r, detail);
  EXPECT_EQ(with_evidence.find("matched `"), std::string::npos) << "patterns only with --explain";
  detail.patterns = true;
  EXPECT_NE(render_text(r, detail).find("matched `"), std::string::npos);
  std::istringstream detail_lines(with_evidence);
  while (std::getline(detail_lines, line)) EXPECT_LE(display_width(line), 80u) << line;
}

TEST(ReportWrap, WrapsAtSpacesCountingCharactersNotBytes) {
  EXPECT_EQ(wrap_text("aaa bbb ccc", 7, "", ""), "aaa bbb\nccc\n");
  EXPECT_EQ(wrap_text("été été été", 7, "", ""), "été été\nété\n");
  EXPECT_EQ(wrap_text("one two", 20, "- ", "  "), "- one two\n");
  EXPECT_EQ(display_width("\x1b[1mbold\x1b[0m"), 4u);
  EXPECT_EQ(fit("abcdefgh", 5), "abcd…");
  EXPECT_EQ(fit("ééééé", 5), "ééééé");
  // A word longer than the line is cut, never allowed to overflow it.
  std::istringstream in(wrap_text(std::string(50, 'x'), 20, "", ""));
  for (std::string line; std::getline(in, line);) EXPECT_LE(display_width(line), 20u) << line;
}

TEST(ReportCountries, IsoCodesNameTheCountry) {
  EXPECT_EQ(country_label("na"), "Namibia (na)");
  EXPECT_EQ(country_label("NA"), "Namibia (NA)");
  EXPECT_EQ(country_name("nam"), "Namibia");
  EXPECT_EQ(country_name("bo"), "Bolivia");  // the common name, not "Bolivia, Plurinational State of"
  EXPECT_EQ(country_label("xz"), "xz");      // user-assigned: no name invented
  EXPECT_EQ(country_label("GB-UKM"), "United Kingdom (GB-UKM)");  // a subdivision, by its country
  EXPECT_EQ(country_label(""), "(country not stated)");
  EXPECT_GE(country_names().size(), 249u);
}

// Issue 10: recommendations in priority order, each saying where to act, advice only for what is missing.
TEST(ReportRecommendations, ConflictsFirstThenMandatoryThenTheRest) {
  const CountryReport r = fixture::report();
  const std::vector<Recommendation> recs = recommendations(r);
  ASSERT_GE(recs.size(), 4u);
  EXPECT_EQ(recs[0].priority, Priority::urgent);
  EXPECT_EQ(recs[0].finding->id, "untoc.11.1.sanctions");
  for (std::size_t i = 1; i < recs.size(); ++i) {
    EXPECT_EQ(recs[i].number, static_cast<int>(i) + 1);
    EXPECT_LE(static_cast<int>(recs[i - 1].priority), static_cast<int>(recs[i].priority)) << recs[i].finding->id;
  }
  // A partial finding: only the two missing acts, not the model's advice for all five.
  auto acts =
      std::find_if(recs.begin(), recs.end(), [](const Recommendation& x) { return x.finding->id == "tip.3a.acts"; });
  ASSERT_NE(acts, recs.end());
  EXPECT_EQ(acts->missing, (std::vector<std::string>{"Transfer", "Receipt"}));
  EXPECT_NE(acts->action.find("transfer and receipt"), std::string::npos) << acts->action;
  EXPECT_EQ(acts->priority, Priority::required);
  // A plain gap keeps the model's advice; every recommendation says where to act.
  auto compensation = std::find_if(recs.begin(), recs.end(),
                                   [](const Recommendation& x) { return x.finding->id == "tip.6.6.compensation"; });
  ASSERT_NE(compensation, recs.end());
  EXPECT_EQ(compensation->action, "Add a provision allowing courts to order compensation to victims.");
  for (const Recommendation& x : recs) EXPECT_FALSE(x.where.empty()) << x.finding->id;
  // Met findings never appear.
  for (const Recommendation& x : recs) EXPECT_NE(x.finding->status, Status::met) << x.finding->id;
}

TEST(ReportVerdict, NamesTheOffenceAndTheConflicts) {
  CountryReport r = fixture::report();
  const std::string v = verdict(r);
  EXPECT_NE(v.find("creates a trafficking offence (s 3(1))"), std::string::npos) << v;
  EXPECT_NE(v.find("meets 3 of 6 mandatory obligations"), std::string::npos) << v;
  EXPECT_NE(v.find("conflicts with the Protocol on Sanctions"), std::string::npos) << v;
  r.country = "na";
  EXPECT_EQ(verdict(r).rfind("Namibia's law", 0), 0u) << verdict(r);
  r.offences.clear();
  EXPECT_NE(verdict(r).find("creates no offence palermo recognises as trafficking"), std::string::npos);
}

// Issue 10: Markdown pastes into Word and Google Docs: no raw HTML tags, no entities.
TEST(ReportMarkdown, NoHtmlTagsOrEntities) {
  const std::string md = render_markdown(fixture::report());
  std::smatch m;
  EXPECT_FALSE(std::regex_search(md, m, std::regex(R"((^|[^\\])<[A-Za-z/].{0,30})"))) << m.str();
  EXPECT_FALSE(std::regex_search(md, m, std::regex(".{0,30}&[a-z]+;"))) << m.str();
  EXPECT_NE(md.find("## Recommendations"), std::string::npos);
  EXPECT_NE(md.find("**Verdict.**"), std::string::npos);
}

TEST(ReportJson, LeadsWithVerdictAndRecommendations) {
  const auto j = nlohmann::json::parse(render_json(fixture::report()));
  EXPECT_FALSE(j.at("verdict").get<std::string>().empty());
  ASSERT_TRUE(j.at("recommendations").is_array());
  EXPECT_EQ(j["recommendations"][0]["priority"], "urgent");
  EXPECT_EQ(j["recommendations"][0]["obligation"], "untoc.11.1.sanctions");
  EXPECT_FALSE(j["recommendations"][0]["where"].get<std::string>().empty());
}

TEST(ReportHtml, AccessibleAndLabelledWithTheStatutesLanguage) {
  const std::string html = render_html(fixture::report(), fixture::documents());
  EXPECT_NE(html.find("<a class=\"skip\" href=\"#main\">"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\">"), std::string::npos);
  EXPECT_NE(html.find("lang=\"en\""), std::string::npos);
  EXPECT_NE(html.find("aria-pressed"), std::string::npos);
  EXPECT_NE(html.find("<h4 class=\"title\">"), std::string::npos);  // findings are headings
  EXPECT_NE(html.find("id=\"recommendations\""), std::string::npos);
  EXPECT_NE(html.find("@media (max-width: 720px)"), std::string::npos);
  // "Not met" shows conflicts too: the worst status must never be filtered out with the gaps.
  EXPECT_NE(html.find("s === 'gap' || s === 'partial' || s === 'conflict' || s === 'not in documents'"),
            std::string::npos);
}

// Issue 11: a FRBRcountry such as "=HYPERLINK(...)" reached the CSV header as a live formula.
TEST(CompareCsv, CellsThatASpreadsheetWouldRunAreWrittenAsText) {
  CountryReport a = fixture::report();
  CountryReport b = fixture::report();
  CountryReport c = fixture::report();
  CountryReport d = fixture::report();
  a.country = "=HYPERLINK(\"http://x\",\"y\")";
  b.country = "+cmd|' /C calc'!A0";
  c.country = "-2+3";
  d.country = "@SUM(1,2)";
  const std::string csv = render_compare_csv(build_matrix({a, b, c, d}));
  const std::string header = csv.substr(0, csv.find("\r\n"));
  EXPECT_NE(header.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), std::string::npos) << header;
  EXPECT_NE(header.find(",'+cmd|' /C calc'!A0"), std::string::npos) << header;
  EXPECT_NE(header.find(",'-2+3"), std::string::npos) << header;
  EXPECT_NE(header.find(",\"'@SUM(1,2)\""), std::string::npos) << header;
  for (const char* live : {",=", ",+", ",-", ",@", ",\"=", ",\"@"})
    EXPECT_EQ(header.find(live), std::string::npos) << live;
}

TEST(CompareCsv, QuotesFieldsPerRfc4180) {
  CountryReport a = fixture::report();
  CountryReport b = fixture::report();
  b.country = "xy";
  b.findings.pop_back();  // xy's report lacks the good-practice obligation
  finding(b, "tip.6.6.compensation");
  b.findings[6].status = Status::met;
  const CompareMatrix m = build_matrix({a, b});
  ASSERT_EQ(m.countries, (std::vector<std::string>{"xz", "xy"}));
  ASSERT_EQ(m.rows.size(), a.findings.size());
  EXPECT_EQ(m.rows.back().id, "gp.non-punishment");
  EXPECT_FALSE(m.rows.back().cells[1].status.has_value());
  const std::string csv = render_compare_csv(m);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "id,instrument,article,title,class,area,xz,xy");
  EXPECT_NE(csv.find("tip.3a.acts,Protocol,3(a),\"Acts: recruitment, transportation, transfer, harbouring, "
                     "receipt\",mandatory,definition,partial,partial\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"Sanctions: \"\"serious crime\"\", four years at least\""), std::string::npos);
  EXPECT_NE(csv.find("tip.6.6.compensation,Protocol,6(6),Compensation for victims,mandatory,victims,gap,met\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("good-practice,victims,gap,\r\n"), std::string::npos);
  // Every record has the same number of fields outside quotes.
  std::size_t records = 0;
  for (std::size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; at += 2) ++records;
  EXPECT_EQ(records, m.rows.size() + 1);

  const std::string text = render_compare_text(m, TextOptions{false});
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("●"), std::string::npos);
  EXPECT_NE(text.find("✕"), std::string::npos);
  auto j = nlohmann::json::parse(render_compare_json(m, {a, b}));
  EXPECT_EQ(j.at("schema"), "palermo-compare/1");
  EXPECT_TRUE(j.at("obligations").back().at("cells")[1].at("status").is_null());
  const std::string html = render_compare_html(m, {a, b});
  EXPECT_NE(html.find("href=\"#c2-tip.6.6.compensation\""), std::string::npos);
  EXPECT_NE(html.find("id=\"c2-tip.6.6.compensation\""), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(render_compare_md(m).find("| Compensation for victims <br>`tip.6.6.compensation` |"), std::string::npos);
}

TEST(Diff, ClassifiesClosedOpenedChangedUnchanged) {
  const CountryReport before = fixture::report();
  CountryReport after = fixture::report();
  // The bill adds transfer and receipt: acts closed.
  auto& acts = after.findings[0];
  acts.status = Status::met;
  acts.elements[3].status = Status::met;
  acts.elements[3].evidence = {fixture::evidence(fixture::kActPath, "sec_3__subsec_1", "s 3(1)",
                                                 "A person who recruits, transfers or receives another person",
                                                 {"transfers"})};
  // ...but it drops force from the means: means opened.
  after.findings[1].status = Status::partial;
  // Same status on new evidence: changed.
  after.findings[2].elements[0].evidence[0].eid = "sec_2";
  after.findings[2].elements[0].evidence[0].citation = "s 2";
  // Conflict to gap: changed, not closed.
  after.findings[5].status = Status::gap;

  const DiffResult d = diff_reports(before, after);
  auto change_of = [&](std::string_view id) {
    for (const auto& o : d.obligations)
      if (o.id == id) return o.change;
    ADD_FAILURE() << "no obligation " << id;
    return Change::unchanged;
  };
  EXPECT_EQ(change_of("tip.3a.acts"), Change::closed);
  EXPECT_EQ(change_of("tip.3a.means"), Change::opened);
  EXPECT_EQ(change_of("tip.3a.purpose"), Change::changed);
  EXPECT_EQ(change_of("untoc.11.1.sanctions"), Change::changed);
  EXPECT_EQ(change_of("tip.6.6.compensation"), Change::unchanged);
  EXPECT_EQ(d.closed, 1);
  EXPECT_EQ(d.opened, 1);
  EXPECT_EQ(d.changed, 2);
  EXPECT_EQ(d.unchanged, static_cast<int>(before.findings.size()) - 4);
  for (const auto& o : d.obligations)
    if (o.id == "tip.3a.acts") {
      ASSERT_EQ(o.elements.size(), 5u + 0u);
      EXPECT_EQ(o.elements[3].id, "transfer");
      EXPECT_EQ(o.elements[3].change, Change::closed);
      EXPECT_TRUE(o.elements[3].old_evidence.empty());
      EXPECT_EQ(o.elements[3].new_evidence.size(), 1u);
      EXPECT_EQ(o.elements[0].change, Change::unchanged);
    }

  auto j = nlohmann::json::parse(render_diff_json(d));
  EXPECT_EQ(j.at("schema"), "palermo-diff/1");
  EXPECT_EQ(j.at("summary").at("closed"), 1);
  EXPECT_EQ(j.at("obligations")[0].at("change"), "closed");
  const std::string text = render_diff_text(d, TextOptions{false});
  EXPECT_NE(text.find("1 closed, 1 opened, 2 changed"), std::string::npos);
  EXPECT_NE(text.find("new s 3(1) [sec_3__subsec_1]: \"A person who recruits, [[transfers]]"), std::string::npos)
      << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(render_diff_md(d).find("## Closed by the new text"), std::string::npos);
  const std::string html = render_diff_html(d);
  EXPECT_EQ(html.find("<!-- palermo: template"), std::string::npos);
  EXPECT_NE(html.find("data-change=\"opened\""), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
}

// Issue 10: every regression is "opened" (a drafter scanning what a bill opens must see it), a red flag
// reads "raised" or "clear", and a changed passage comes with a word-level redline.
TEST(Diff, RegressionsAreOpenedRedFlagsReadRaisedOrClearAndChangesAreRedlined) {
  const CountryReport before = fixture::report();
  CountryReport after = fixture::report();
  after.findings[0].status = Status::gap;  // acts: partial -> gap, a regression short of "met"
  after.findings[0].elements[0].status = Status::gap;
  after.findings[0].elements[0].evidence[0].passage = "A person who recruits, transports or harbours a child";
  const DiffResult d = diff_reports(before, after);
  ASSERT_EQ(d.obligations.front().id, "tip.3a.acts");
  EXPECT_EQ(d.obligations.front().change, Change::opened);
  EXPECT_EQ(d.obligations.front().elements[0].change, Change::opened);
  EXPECT_EQ(element_status(Status::conflict, true), "raised");
  EXPECT_EQ(element_status(Status::met, true), "clear");
  EXPECT_EQ(element_status(Status::met, false), "met");
  const std::string html = render_diff_html(d);
  EXPECT_NE(html.find("<ins>a child</ins>"), std::string::npos)
      << html.substr(html.find("redline") == std::string::npos ? 0 : html.find("redline"), 600);
  EXPECT_NE(html.find("<del>"), std::string::npos);
  EXPECT_NE(render_diff_md(d).find("**a child**"), std::string::npos);
  const auto edits = word_diff("a b c d", "a x c d e");
  std::string joined;
  for (const WordEdit& w : edits)
    joined += (w.kind == WordEdit::Kind::keep ? "=" : w.kind == WordEdit::Kind::del ? "-" : "+") + w.text + "|";
  EXPECT_EQ(joined, "=a|+x|-b|=c d|+e|");
}

// Issue 10: a comparison of 200 countries stays under 5 MB, keeps its header row and obligation
// column in view, and every cell's link has its target on the page.
TEST(CompareHtml, TwoHundredCountriesStaySmallWithFixedHeadersAndWorkingLinks) {
  std::vector<CountryReport> reports;
  for (int i = 0; i < 200; ++i) {
    CountryReport r = fixture::report();
    r.country = fmt::format("q{:03}", i);
    reports.push_back(std::move(r));
  }
  reports[0].country = "na";
  const CompareMatrix m = build_matrix(reports);
  const std::string html = render_compare_html(m, reports);
  EXPECT_LT(html.size(), 5u * 1000 * 1000);
  EXPECT_NE(html.find("position: sticky"), std::string::npos);
  EXPECT_NE(html.find("title=\"Namibia\""), std::string::npos);  // names, not only codes
  EXPECT_NE(html.find("data-sort=\"score\""), std::string::npos);
  EXPECT_NE(html.find("data-differ"), std::string::npos);
  std::set<std::string> ids;
  std::regex id_re(R"re(\bid="([^"]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1]);
  std::regex href_re(R"re(href="#([^"]+)")re");
  std::size_t links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re); it != std::sregex_iterator(); ++it, ++links)
    EXPECT_TRUE(ids.count((*it)[1])) << "no target for #" << (*it)[1];
  EXPECT_GT(links, 200u * 6);
  // Linked to each country's own report instead: nothing inlined, cells point into "na.html".
  CompareHtmlOptions linked;
  linked.report_link = "{country}.html";
  const std::string small = render_compare_html(m, reports, linked);
  EXPECT_NE(small.find("href=\"na.html#ob-tip.3a.acts\""), std::string::npos);
  EXPECT_LT(small.size(), html.size());
}

TEST(Templates, AllEmbeddedAndOfficialReportsNeverEmpty) {
  std::set<std::string> names;
  for (const auto& f : embedded_files())
    if (f.path.substr(0, 18) == "reports/templates/") names.insert(std::string(f.path.substr(18)));
  for (const char* n : {"report.html", "compare.html", "diff.html", "report.css", "report.js"})
    EXPECT_TRUE(names.count(n)) << n << " is not embedded";
  // An empty report still renders a stated headline, not a crash.
  CountryReport empty;
  EXPECT_NE(render_markdown(empty).find("Mandatory obligations: 0 of 0 met"), std::string::npos);
  EXPECT_NO_THROW(nlohmann::json::parse(render_json(empty)));
  EXPECT_NE(render_html(empty, {}).find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace palermo::report
