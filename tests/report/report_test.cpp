// Renderer tests on the Arcadia fixture: JSON shape and ids, the mandatory-only headline, HTML anchors
// and escaping, plain text without ANSI codes, CSV quoting, and diff classification.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "report/fixture.hpp"
#include "report/report.hpp"
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
  // The hostile passage is inert: no raw tag survives.
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
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
  const std::string plain = render_text(r, TextOptions{false});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(plain.find("Mandatory obligations: 3 of 6 met, 1 partial, 1 gap, 1 conflict"), std::string::npos);
  EXPECT_NE(plain.find("[[recruits]]"), std::string::npos);
  EXPECT_NE(plain.find("Drafting advice:"), std::string::npos);
  EXPECT_NE(plain.find("red flag: A fine may replace imprisonment"), std::string::npos);
  const std::string coloured = render_text(r, TextOptions{true});
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
  EXPECT_EQ(coloured.find("[[recruits]]"), std::string::npos);
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
  for (const char* live : {",=", ",+", ",-", ",@", ",\"=", ",\"@"}) EXPECT_EQ(header.find(live), std::string::npos) << live;
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
  EXPECT_NE(text.find("new s 3(1) [sec_3__subsec_1]: \"A person who recruits, [[transfers]]"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(render_diff_md(d).find("## Closed by the new text"), std::string::npos);
  const std::string html = render_diff_html(d);
  EXPECT_EQ(html.find("<!-- palermo: template"), std::string::npos);
  EXPECT_NE(html.find("data-change=\"opened\""), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
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
