// analyze(): documents + model -> CountryReport. Builds the shared views once (flattened texts,
// offences, definitions, scopes), then evaluates every obligation in model order.
#include "analysis/analyze.hpp"

#include "grammars/citation/citation.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <ctime>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "analysis/corpus.hpp"
#include "analysis/definitions.hpp"
#include "analysis/evaluate.hpp"
#include "analysis/lexicon.hpp"
#include "analysis/offences.hpp"
#include "analysis/scope.hpp"

namespace palermo::analysis {

namespace {

// The model's wording cites "section [X]"; a law that numbers articles ("art 4") or paragraphs
// ("§ 232") reads better in its own style, so the drafter can paste the wording in.
std::string in_numbering_style(std::string advice, const std::vector<Offence>& offences) {
  const Offence* offence = nullptr;
  for (const Offence& o : offences)
    if (o.trafficking) {
      offence = &o;
      break;
    }
  if (offence == nullptr) return advice;
  const std::string_view cite = offence->citation;
  std::string word;
  if (cite.rfind("art", 0) == 0)
    word = "article";
  else if (cite.rfind("\xC2\xA7", 0) == 0)
    word = "\xC2\xA7";
  else if (cite.rfind("reg", 0) == 0)
    word = "regulation";
  else
    return advice;
  for (std::size_t at = advice.find("section [X]"); at != std::string::npos; at = advice.find("section [X]", at + 1))
    advice.replace(at, 7, word);
  return advice;
}

std::string now_iso8601() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The model languages with at least one pattern: documents in any other language are not assessed.
std::vector<std::string> readable_languages(const model::Model& model) {
  std::vector<std::string> out;
  auto add = [&](const std::string& lang) {
    if (std::find(out.begin(), out.end(), lang) == out.end()) out.push_back(lang);
  };
  for (const model::Obligation& o : model.obligations)
    for (const auto* list : {&o.elements, &o.red_flags})
      for (const model::Element& e : *list)
        for (const model::Pattern& p : e.patterns) add(p.language);
  return out;
}

void not_assessed(ObligationFinding& f, const std::vector<std::string>& documents) {
  std::string which;
  for (const std::string& d : documents) which += (which.empty() ? "" : "; ") + d;
  const std::string reason = "not assessed: the model has no wording for the language of " + which +
                             " (add patterns in protocol-model/ to read it)";
  f.status = Status::not_assessed;
  f.confidence = 0;
  f.reason = reason;
  f.advice.clear();
  for (auto* list : {&f.elements, &f.red_flags})
    for (ElementFinding& e : *list) {
      e.status = Status::not_assessed;
      e.confidence = 0;
      e.reason = reason;
      e.evidence.clear();
    }
}

// The kinds of law, as the model's `legislated-in` names them, that a title names.
const char* const kLawKinds[] = {"trafficking-act", "penal-code", "criminal-procedure", "aml",
                                 "mla-extradition", "immigration"};

// Nothing of the obligation was found, and it usually sits in kinds of law none of the documents is:
// the documents cannot answer it. Obligations of the offence itself, or of an anti-trafficking act,
// are always answerable when such a law was given.
bool answerable_elsewhere_only(const ObligationFinding& f, const std::vector<DocumentInfo>& documents) {
  if (f.status != Status::gap || f.legislated_in.empty()) return false;
  for (const ElementFinding& e : f.elements)
    if (e.status != Status::gap || !e.evidence.empty()) return false;
  for (const std::string& kind : f.legislated_in) {
    if (kind == "offence") return false;
    for (const DocumentInfo& d : documents)
      if (std::find(d.kinds.begin(), d.kinds.end(), kind) != d.kinds.end()) return false;
  }
  return true;
}

// Titles compared loosely: lower case, without a leading "the" or a trailing year.
std::string title_key(std::string_view title) {
  std::string key;
  for (char c : title) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  while (!key.empty() &&
         (std::isdigit(static_cast<unsigned char>(key.back())) || key.back() == ' ' || key.back() == ','))
    key.pop_back();
  return key;
}

// Other laws the documents name by title, with the kinds of law their titles say they are.
std::vector<NamedLaw> named_laws(const Corpus& corpus, Lexicons& lexicons, const std::vector<DocumentInfo>& documents) {
  std::vector<NamedLaw> out;
  std::set<std::string> own;
  for (const DocumentInfo& d : documents) own.insert(title_key(d.title));
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < corpus.docs().size(); ++i) {
    const DocText& dt = corpus.doc(i);
    if (!dt.assessed) continue;
    for (const citation::NamedLaw& n : citation::find_named_laws(dt.text)) {
      const std::string key = title_key(n.title);
      if (own.count(key)) continue;
      auto [it, fresh] = index.emplace(key, out.size());
      if (fresh) {
        NamedLaw law;
        law.title = n.title;
        const std::size_t p = dt.provision_at(static_cast<std::uint32_t>(n.begin));
        law.document = dt.doc->path;
        law.eid = dt.doc->provisions[p].eid;
        law.citation = dt.doc->provisions[p].citation;
        for (const char* kind : kLawKinds)
          if (lexicons.in_text(std::string("law-") + kind, i, n.title)) law.kinds.push_back(kind);
        out.push_back(std::move(law));
      }
      NamedLaw& law = out[it->second];
      ++law.mentions;
      if (law.title.size() < n.title.size()) law.title = n.title;  // the fullest form, with its year
    }
  }
  // "Protection Act" cut from "Child Care and Protection Act" by a line break: keep the longer.
  std::erase_if(out, [&](const NamedLaw& a) {
    const std::string ka = title_key(a.title);
    return std::any_of(out.begin(), out.end(), [&](const NamedLaw& b) {
      const std::string kb = title_key(b.title);
      return kb.size() > ka.size() && kb.compare(kb.size() - ka.size(), ka.size(), ka) == 0;
    });
  });
  std::stable_sort(out.begin(), out.end(),
                   [](const NamedLaw& a, const NamedLaw& b) { return a.mentions > b.mentions; });
  return out;
}

void not_in_documents(ObligationFinding& f) {
  std::string kinds;
  for (const std::string& k : f.legislated_in) kinds += (kinds.empty() ? "" : ", ") + k;
  const std::string reason = "not found in the documents checked, and usually legislated in a kind of law (" + kinds +
                             ") none of them is: add that law, or run with --complete to count it as a gap";
  f.status = Status::not_in_documents;
  f.reason = reason;
  for (ElementFinding& e : f.elements) {
    e.status = Status::not_in_documents;
    e.reason = reason;
  }
}

}  // namespace

CountryReport analyze(const std::vector<akn::Document>& documents, const model::Model& model,
                      const CheckOptions& options) {
  CountryReport report;
  report.model_version = model.version;
  report.generated = now_iso8601();
  for (const akn::Document& d : documents) {
    DocumentInfo info;
    info.path = d.path;
    info.title = d.title;
    info.country = d.frbr.country;
    info.doc_type = d.doc_type;
    info.language = d.frbr.language;
    info.expression_date = d.frbr.expression_date;
    info.expression_uri = d.frbr.expression_uri;
    info.sha256 = d.sha256;
    info.dialect = d.dialect;
    info.provisions = d.provisions.size();
    report.documents.push_back(std::move(info));
  }
  report.country = options.country;
  if (report.country.empty())
    for (const akn::Document& d : documents)
      if (!d.frbr.country.empty()) {
        report.country = d.frbr.country;
        break;
      }

  Corpus corpus(documents, readable_languages(model));
  bool any_assessed = false;
  for (const DocText& dt : corpus.docs()) {
    if (dt.assessed) {
      any_assessed = true;
    } else {
      std::string title = dt.doc->title.empty() ? dt.doc->path : dt.doc->title;
      report.not_assessed.push_back(title + " (" + dt.language_name + ")");
    }
  }
  Lexicons lexicons(corpus, model);
  for (std::size_t i = 0; i < corpus.docs().size(); ++i) {
    const DocText& dt = corpus.doc(i);
    if (!dt.assessed || dt.doc->title.empty()) continue;
    for (DocumentInfo& info : report.documents) {
      if (info.path != dt.doc->path) continue;
      for (const char* kind : kLawKinds)
        if (lexicons.in_text(std::string("law-") + kind, i, dt.doc->title) &&
            std::find(info.kinds.begin(), info.kinds.end(), kind) == info.kinds.end())
          info.kinds.push_back(kind);
    }
  }
  report.complete = options.complete;
  report.named_laws = named_laws(corpus, lexicons, report.documents);
  Definitions definitions = find_definitions(corpus);
  OffenceSearch search = find_offences(corpus, lexicons, definitions, options.offences);
  std::vector<OffenceSite>& offences = search.offences;
  report.candidates = std::move(search.candidates);
  report.unresolved_offences = std::move(search.unresolved);
  Scopes scopes = build_scopes(corpus, lexicons, offences, definitions);
  for (const OffenceSite& o : offences) report.offences.push_back(o.info);

  Evaluator evaluator(corpus, lexicons, offences, definitions, scopes, model);
  for (const model::Obligation& o : model.obligations) {
    ObligationFinding f = evaluator.evaluate(o);
    // Text palermo could not read gets no verdict, in either direction.
    if (!any_assessed) not_assessed(f, report.not_assessed);
    f.advice = in_numbering_style(std::move(f.advice), report.offences);
    if (!options.complete && any_assessed && answerable_elsewhere_only(f, report.documents)) not_in_documents(f);
    report.findings.push_back(std::move(f));
  }
  return report;
}

std::vector<CountryReport> analyze_countries(const std::vector<const std::vector<akn::Document>*>& countries,
                                             const model::Model& model, const CheckOptions& options, unsigned threads) {
  std::vector<CountryReport> reports(countries.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, countries.size())));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    for (std::size_t i = next++; i < countries.size(); i = next++) {
      try {
        reports[i] = analyze(*countries[i], model, options);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return reports;
}

}  // namespace palermo::analysis
