// Structure -> Akoma Ntoso 3.0 XML. Element order follows the OASIS schema (akomantoso30.xsd):
// meta (identification, references, proprietary), preface, body; in each provision num, heading,
// then either content or intro + children.
#include "import/akn_writer.hpp"

#include <set>

#include <fmt/format.h>

#include "akn/eid.hpp"

namespace palermo::import {

namespace {

constexpr std::string_view kPalermoNamespace = "https://palermo.invalid/ns/import";

// eIds must be unique: a second provision with the same number under the same parent (a text that
// numbers two chapters "I") gets "-2", "-3".
class EidAllocator {
 public:
  std::string make(std::string_view parent, std::string_view element, std::string_view label) {
    std::string number = akn::eid_number_from_num(label);
    std::string eid = akn::make_eid(parent, element, number);
    std::string candidate = eid;
    for (int n = 2; !used_.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", eid, n);
    return candidate;
  }

 private:
  std::set<std::string> used_;
};

void write_paragraphs(std::string& out, const std::vector<std::string>& paras) {
  for (const auto& p : paras) {
    out += "<p>";
    out += xml_escape(p);
    out += "</p>";
  }
}

bool is_unit(const std::string& element) { return element == "section" || element == "article"; }

void write_node(std::string& out, const Node& n, const std::string& parent_eid, EidAllocator& eids, int& hcontainers) {
  std::string eid;
  if (n.element == "hcontainer") {
    eid = fmt::format("hcontainer_{}", ++hcontainers);
  } else {
    // Sections and articles are named from the body, not from the chapters above them (the
    // convention's "sec_3", as every published AKN act is); their subdivisions from them.
    std::string_view parent = is_unit(n.element) ? std::string_view() : std::string_view(parent_eid);
    eid = eids.make(parent, n.element, n.label.empty() ? std::string_view("1") : std::string_view(n.label));
  }
  out += fmt::format("<{} eId=\"{}\"", n.element, xml_escape(eid));
  if (!n.name.empty()) out += fmt::format(" name=\"{}\"", xml_escape(n.name));
  out += '>';
  if (!n.num.empty()) out += "<num>" + xml_escape(n.num) + "</num>";
  // The schema puts <num> before <heading>; a heading written above the number says so.
  if (!n.heading.empty())
    out +=
        std::string(n.heading_above ? "<heading class=\"above\">" : "<heading>") + xml_escape(n.heading) + "</heading>";
  // Containers keep their eId prefix for what they contain (chp_2__dvs_1); units start afresh.
  const std::string& child_parent = eid;
  if (n.children.empty()) {
    out += "<content>";
    if (n.intro.empty()) out += "<p/>";
    write_paragraphs(out, n.intro);
    out += "</content>";
  } else {
    if (!n.intro.empty()) {
      out += "<intro>";
      write_paragraphs(out, n.intro);
      out += "</intro>";
    }
    for (const Node& c : n.children) write_node(out, c, child_parent, eids, hcontainers);
  }
  out += fmt::format("</{}>", n.element);
}

std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "1" : out.substr(0, 60);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // U+FFFE and U+FFFF are valid UTF-8 (and UTF-16) but not characters XML may hold: the AKN would
    // not read back (found by fuzz_import_text). They become U+FFFD, as C0 controls become spaces.
    if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

std::string write_akn(const Structure& s, const Metadata& meta) {
  std::string country = meta.country.empty() ? "xx" : meta.country;
  std::string year = meta.date.size() >= 4 ? meta.date.substr(0, 4) : "0000";
  std::string number = meta.number.empty() ? slug(meta.title) : slug(meta.number);
  std::string doc_type = meta.doc_type == "bill" ? "bill" : "act";
  std::string subtype = meta.doc_type == "code" ? "code" : doc_type;
  std::string work = fmt::format("/akn/{}/{}/{}/{}", country, doc_type, year, number);
  std::string expression = fmt::format("{}/{}@{}", work, meta.language, meta.date);
  std::string title = meta.title;
  if (title.empty() && !s.preface.empty()) title = s.preface.front();

  std::string out;
  out.reserve(4096 + 2 * 1024);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n";
  out += fmt::format("<{} name=\"{}\">\n<meta>\n<identification source=\"#palermo\">\n", doc_type, xml_escape(subtype));
  out += fmt::format(
      "<FRBRWork><FRBRthis value=\"{0}/!main\"/><FRBRuri value=\"{0}\"/><FRBRdate date=\"{1}\" name=\"work\"/>"
      "<FRBRauthor href=\"#legislature\"/><FRBRcountry value=\"{2}\"/><FRBRnumber value=\"{3}\"/>"
      "<FRBRname value=\"{4}\"/></FRBRWork>\n",
      xml_escape(work), xml_escape(meta.date), xml_escape(country), xml_escape(number), xml_escape(title));
  out += fmt::format(
      "<FRBRExpression><FRBRthis value=\"{0}/!main\"/><FRBRuri value=\"{0}\"/><FRBRdate date=\"{1}\" "
      "name=\"expression\"/>"
      "<FRBRauthor href=\"#legislature\"/><FRBRlanguage language=\"{2}\"/></FRBRExpression>\n",
      xml_escape(expression), xml_escape(meta.date), xml_escape(meta.language));
  out += fmt::format(
      "<FRBRManifestation><FRBRthis value=\"{0}/!main.xml\"/><FRBRuri value=\"{0}.xml\"/>"
      "<FRBRdate date=\"{1}\" name=\"import\"/><FRBRauthor href=\"#palermo\"/></FRBRManifestation>\n",
      xml_escape(expression), xml_escape(meta.date));
  out += "</identification>\n<references source=\"#palermo\">";
  out += "<TLCOrganization eId=\"palermo\" href=\"/ontology/organization/palermo\" showAs=\"palermo import\"/>";
  out += fmt::format(
      "<TLCOrganization eId=\"legislature\" href=\"/ontology/organization/{}/legislature\" showAs=\"Legislature\"/>",
      xml_escape(country));
  out += "</references>\n";
  out += fmt::format(
      "<proprietary source=\"#palermo\"><palermo:source xmlns:palermo=\"{}\" file=\"{}\" sha256=\"{}\" format=\"{}\" "
      "language=\"{}\"/></proprietary>\n",
      kPalermoNamespace, xml_escape(meta.source_file), xml_escape(meta.source_sha256), xml_escape(meta.source_format),
      xml_escape(meta.language_note));
  out += "</meta>\n";

  std::vector<std::string> preface = s.preface;
  // With no provisions recognised, the text after the title is kept as one block of the body, so
  // that it is read as statute text, not as a preface.
  std::vector<std::string> unplaced;
  if (s.body.empty() && preface.size() > 1) {
    unplaced.assign(preface.begin() + 1, preface.end());
    preface.resize(1);
  }
  if (preface.empty() && !meta.title.empty()) preface.push_back(meta.title);
  if (!preface.empty()) {
    out += "<preface><longTitle><p>" + xml_escape(preface.front()) + "</p></longTitle>";
    write_paragraphs(out, std::vector<std::string>(preface.begin() + 1, preface.end()));
    out += "</preface>\n";
  }
  out += "<body>\n";
  EidAllocator eids;
  int hcontainers = 0;
  if (s.body.empty()) {
    out += "<hcontainer eId=\"hcontainer_1\" name=\"text\"><content>";
    if (unplaced.empty()) out += "<p/>";
    write_paragraphs(out, unplaced);
    out += "</content></hcontainer>";
  }
  for (const Node& n : s.body) {
    write_node(out, n, "", eids, hcontainers);
    out += '\n';
  }
  out += "</body>\n";
  out += fmt::format("</{}>\n</akomaNtoso>\n", doc_type);
  return out;
}

}  // namespace palermo::import
