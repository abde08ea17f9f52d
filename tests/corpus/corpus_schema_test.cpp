// The bundled corpus is valid Akoma Ntoso 3.0: every corpus/**/*.akn.xml validates against the OASIS
// schema (libxml2's XSD validator, independently of palermo's reader) and reads into a provision tree.
#include <gtest/gtest.h>

#include "file_test_names.hpp"
#include "shared_files.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <fstream>
#include <iterator>
#include <set>

#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "akn/reader.hpp"
#include "corpus/corpus_support.hpp"

namespace palermo::corpus_test {
namespace {

struct SchemaParserFree {
  void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaFree {
  void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
struct ValidCtxtFree {
  void operator()(xmlSchemaValidCtxt* v) const { xmlSchemaFreeValidCtxt(v); }
};
struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// Structured errors collected as "file:line: message" so a failure names the offending element.
void collect_error(void* user, xmlError* error) {
  auto* messages = static_cast<std::vector<std::string>*>(user);
  if (!error || messages->size() >= 20) return;  // the first twenty say enough
  std::string message = error->message ? error->message : "(no message)";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  messages->push_back(std::string(error->file ? error->file : "?") + ":" + std::to_string(error->line) + ": " +
                      message);
}

// The schema is parsed once for all documents: it is large (about 6,000 lines) and imports xml.xsd
// from its own folder, which XML_PARSE_NONET still allows because it is a local file.
class AknSchema {
 public:
  static AknSchema& instance() {
    static AknSchema schema;
    return schema;
  }
  const std::vector<std::string>& load_errors() const { return load_errors_; }
  bool loaded() const { return schema_ != nullptr; }

  // Empty when the document is valid; otherwise the parser's or the validator's messages.
  std::vector<std::string> validate(const std::string& path) const {
    std::vector<std::string> messages;
    xmlSetStructuredErrorFunc(&messages, collect_error);
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET));
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc) {
      if (messages.empty()) messages.push_back(path + ": not well-formed XML");
      return messages;
    }
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtFree> validator(xmlSchemaNewValidCtxt(schema_.get()));
    xmlSchemaSetValidStructuredErrors(validator.get(), collect_error, &messages);
    const int rc = xmlSchemaValidateDoc(validator.get(), doc.get());
    if (rc != 0 && messages.empty()) messages.push_back(path + ": invalid (libxml2 code " + std::to_string(rc) + ")");
    return messages;
  }

 private:
  AknSchema() {
    const std::string xsd = shared_dir() + "/akn/schema/akomantoso30.xsd";
    std::unique_ptr<xmlSchemaParserCtxt, SchemaParserFree> parser(xmlSchemaNewParserCtxt(xsd.c_str()));
    if (!parser) {
      load_errors_.push_back(xsd + ": cannot be opened");
      return;
    }
    xmlSchemaSetParserStructuredErrors(parser.get(), collect_error, &load_errors_);
    schema_.reset(xmlSchemaParse(parser.get()));
    if (!schema_ && load_errors_.empty()) load_errors_.push_back(xsd + ": the schema does not parse");
  }
  std::unique_ptr<xmlSchema, SchemaFree> schema_;
  std::vector<std::string> load_errors_;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "  " + l + "\n";
  return out;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  static const std::vector<std::string> labels = file_test_names::unique_labels(corpus_documents());
  return labels.at(info.index);
}

TEST(CorpusFiles, EveryCountryFolderHoldsDocumentsAndAProfile) {
  const std::vector<std::string> documents = corpus_documents();
  const std::vector<std::string> profiles = corpus_profiles();
  // corpus/README.md lists five fictional countries, xa to xe, seven documents in all, each with a
  // PROFILE.md; corpus/REAL-COUNTRIES.md lists the real countries palermo imported (no profiles).
  std::size_t fictional = 0;
  for (const std::string& d : documents)
    fictional += std::filesystem::path(d).parent_path().filename().string().rfind('x', 0) == 0;
  EXPECT_EQ(fictional, 7u);
  ASSERT_EQ(profiles.size(), 5u);
  std::ifstream real_list(std::string(PALERMO_SOURCE_DIR) + "/corpus/REAL-COUNTRIES.md");
  std::string listed((std::istreambuf_iterator<char>(real_list)), std::istreambuf_iterator<char>());
  std::set<std::string> real_countries;
  for (const std::string& d : documents) {
    const auto path = std::filesystem::path(d);
    const std::string country = path.parent_path().filename().string();
    if (country.rfind('x', 0) == 0) continue;
    real_countries.insert(country);
    EXPECT_NE(listed.find(country + "/" + path.filename().string()), std::string::npos)
        << d << " is not listed with its source in corpus/REAL-COUNTRIES.md";
  }
  EXPECT_GE(real_countries.size(), 10u);
  for (const std::string& profile : profiles) {
    const auto folder = std::filesystem::path(profile).parent_path();
    bool has_document = false;
    for (const std::string& d : documents) has_document |= std::filesystem::path(d).parent_path() == folder;
    EXPECT_TRUE(has_document) << folder << " has a PROFILE.md but no *.akn.xml";
  }
}

class CorpusDocument : public testing::TestWithParam<std::string> {};

TEST_P(CorpusDocument, ValidatesAgainstAkomaNtoso30Schema) {
  SKIP_WITHOUT_SHARED(shared_dir() + "/akn/schema/akomantoso30.xsd");
  const AknSchema& schema = AknSchema::instance();
  ASSERT_TRUE(schema.loaded()) << "akomantoso30.xsd did not load:\n" << joined(schema.load_errors());
  const std::vector<std::string> errors = schema.validate(GetParam());
  EXPECT_TRUE(errors.empty()) << GetParam() << " is not valid AKN 3.0:\n" << joined(errors);
}

TEST_P(CorpusDocument, ReadsIntoProvisionsWithEids) {
  auto doc = akn::read_document(GetParam());
  ASSERT_TRUE(doc.ok()) << (doc.errors().empty() ? std::string("no diagnostic") : doc.errors().front().format());
  EXPECT_GT(doc->provisions.size(), 0u);
  EXPECT_EQ(doc->namespace_uri, "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
  EXPECT_EQ(doc->dialect, "akn-3.0");
  // The file lives in its country's folder, and FRBRcountry says the same.
  EXPECT_EQ(doc->frbr.country, std::filesystem::path(GetParam()).parent_path().filename().string());
  // The corpus writes every eId by hand (README: "eIds following the OASIS naming convention").
  std::size_t generated = 0;
  for (const akn::Provision& p : doc->provisions) generated += p.eid_generated;
  EXPECT_EQ(generated, 0u) << generated << " provisions of " << GetParam() << " carry no eId";
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDocument, testing::ValuesIn(corpus_documents()), test_name);

}  // namespace
}  // namespace palermo::corpus_test
