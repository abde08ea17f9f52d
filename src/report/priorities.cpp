// The verdict sentence and the prioritised recommendations (see priorities.hpp).
#include "report/priorities.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/countries.hpp"
#include "report/summary.hpp"

namespace palermo::report {

using analysis::ElementFinding;
using analysis::ObligationFinding;
using analysis::Status;

std::string_view priority_label(Priority p) {
  switch (p) {
    case Priority::urgent:
      return "urgent";
    case Priority::required:
      return "required";
    case Priority::recommended:
      return "recommended";
    case Priority::consider:
      return "consider";
  }
  return "?";
}

namespace {

bool needs_action(Status s) {
  return s == Status::gap || s == Status::partial || s == Status::conflict || s == Status::not_in_documents;
}

Priority priority_of(const ObligationFinding& f) {
  if (f.status == Status::conflict) return Priority::urgent;
  switch (layer_of(f.klass)) {
    case Layer::mandatory:
      return Priority::required;
    case Layer::optional:
      return Priority::recommended;
    case Layer::good_practice:
      return Priority::consider;
  }
  return Priority::consider;
}

// Groups in the order a drafter should work through them; within one, mandatory before the rest.
int rank_of(const ObligationFinding& f) {
  const int layer = static_cast<int>(layer_of(f.klass));
  if (f.status == Status::conflict) return layer;  // 0..2: every conflict before any gap
  // In each layer: gaps, then partials, then what the documents could not answer.
  return 3 + layer * 3 + (f.status == Status::gap ? 0 : f.status == Status::partial ? 1 : 2);
}

std::string cite(const analysis::Evidence& e) { return e.citation.empty() ? e.eid : e.citation; }

const analysis::Offence* trafficking_offence(const analysis::CountryReport& r) {
  for (const auto& o : r.offences)
    if (o.trafficking) return &o;
  return nullptr;
}

std::string main_document_title(const analysis::CountryReport& r) {
  for (const auto& d : r.documents)
    if (d.doc_type == "act" && !d.title.empty()) return d.title;
  for (const auto& d : r.documents)
    if (!d.title.empty()) return d.title;
  return "the law";
}

bool legislated_in(const ObligationFinding& f, std::string_view kind) {
  return std::find(f.legislated_in.begin(), f.legislated_in.end(), kind) != f.legislated_in.end();
}

// "the penal code or the anti-money-laundering law", for the model's kinds of law.
std::string kinds_of_law(const ObligationFinding& f) {
  std::vector<std::string> names;
  for (const std::string& k : f.legislated_in) {
    if (k == "trafficking-act")
      names.push_back("the anti-trafficking act");
    else if (k == "penal-code")
      names.push_back("the penal code");
    else if (k == "criminal-procedure")
      names.push_back("the criminal procedure law");
    else if (k == "aml")
      names.push_back("the anti-money-laundering law");
    else if (k == "mla-extradition")
      names.push_back("the mutual legal assistance and extradition law");
    else if (k == "immigration")
      names.push_back("the immigration law");
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : " or ") + names[i];
  return out;
}

// Where to act, most specific first: the provision that conflicts; the provision that already does
// part of the job; the trafficking offence for what belongs in it; else a new provision in the act.
std::string where_to_act(const analysis::CountryReport& r, const ObligationFinding& f) {
  if (f.status == Status::not_in_documents) {
    // A law the documents themselves name, of a kind this obligation usually sits in.
    for (const analysis::NamedLaw& law : r.named_laws)
      for (const std::string& kind : law.kinds)
        if (legislated_in(f, kind))
          return fmt::format("usually {}: check the {} (named in {}), which was not among the documents checked",
                             kinds_of_law(f), law.title, law.citation.empty() ? law.eid : law.citation);
    return fmt::format("usually {}, which was not among the documents checked", kinds_of_law(f));
  }
  if (f.status == Status::conflict)
    for (const ElementFinding& flag : f.red_flags)
      if (flag.status == Status::conflict && !flag.evidence.empty())
        return fmt::format("amend {}, which raises the conflict ({})", cite(flag.evidence.front()), flag.title);
  const analysis::Offence* offence = trafficking_offence(r);
  const bool in_offence = legislated_in(f, "offence");
  if (in_offence && offence != nullptr)
    return fmt::format("amend {} (the trafficking offence){}",
                       offence->citation.empty() ? offence->eid : offence->citation,
                       f.legislated_in.size() > 1 ? ", or " + kinds_of_law(f) : "");
  for (const ElementFinding& el : f.elements)
    if ((el.status == Status::met || el.status == Status::partial) && !el.evidence.empty())
      return fmt::format("amend {}, which already provides part of this", cite(el.evidence.front()));
  if (in_offence) return fmt::format("create the trafficking offence in {}", main_document_title(r));
  // A penal code among the documents checked is where penal-code matters go.
  if (legislated_in(f, "penal-code"))
    for (const auto& d : r.documents)
      if (std::find(d.kinds.begin(), d.kinds.end(), "penal-code") != d.kinds.end() && !d.title.empty())
        return fmt::format("add a provision to {}", d.title);
  const std::string kinds = kinds_of_law(f);
  if (kinds.empty() || legislated_in(f, "trafficking-act"))
    return fmt::format("add a provision to {}", main_document_title(r));
  return fmt::format("usually {} (check it if it was not among the documents checked), or add a provision to {}", kinds,
                     main_document_title(r));
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string join(const std::vector<std::string>& items, std::string_view last_joiner) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_joiner) : std::string("; ");
    out += items[i];
  }
  return out;
}

}  // namespace

std::vector<Recommendation> recommendations(const analysis::CountryReport& report) {
  std::vector<const ObligationFinding*> todo;
  for (const auto& f : report.findings)
    if (needs_action(f.status)) todo.push_back(&f);
  std::stable_sort(todo.begin(), todo.end(),
                   [](const ObligationFinding* a, const ObligationFinding* b) { return rank_of(*a) < rank_of(*b); });
  std::vector<Recommendation> out;
  for (const ObligationFinding* f : todo) {
    Recommendation rec;
    rec.number = static_cast<int>(out.size()) + 1;
    rec.priority = priority_of(*f);
    rec.finding = f;
    for (const ElementFinding& el : f->elements)
      if (el.status != Status::met && el.status != Status::not_applicable) rec.missing.push_back(el.title);
    std::vector<std::string> missing_lower, flags_lower;  // for use inside a sentence
    for (const std::string& m : rec.missing) missing_lower.push_back(lower_first(m));
    for (const ElementFinding& flag : f->red_flags)
      if (flag.status == Status::conflict) rec.red_flags.push_back(flag.title);
    for (const std::string& m : rec.red_flags) flags_lower.push_back(lower_first(m));
    rec.where = where_to_act(report, *f);
    const bool nothing_met = rec.missing.size() == f->elements.size();
    if (f->status == Status::conflict) {
      rec.action = "Remove the conflict: " + join(flags_lower, " and ") + ".";
      if (!rec.missing.empty()) rec.action += " Then provide " + join(missing_lower, " and ") + ".";
    } else if (f->status == Status::not_in_documents) {
      rec.action = "If that law does not already provide it: " + f->advice;
    } else if (nothing_met || rec.missing.empty()) {
      rec.action = f->advice;
    } else {
      rec.action = "Provide what is missing: " + join(missing_lower, " and ") + ".";
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::string named_laws_line(const analysis::CountryReport& report, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < report.named_laws.size() && i < limit; ++i) {
    const auto& law = report.named_laws[i];
    out += (out.empty() ? "" : "; ") + law.title + " (" + (law.citation.empty() ? law.eid : law.citation) + ")";
  }
  if (report.named_laws.size() > limit) out += fmt::format("; and {} more", report.named_laws.size() - limit);
  return out;
}

std::vector<std::string> conflict_names(const analysis::CountryReport& report) {
  std::vector<std::string> out;
  for (const auto& f : report.findings)
    if (f.status == Status::conflict) out.push_back(fmt::format("{} ({})", f.title, article_label(f)));
  return out;
}

std::string verdict(const analysis::CountryReport& report) {
  const std::string name = country_name(std::string_view(report.country).substr(0, report.country.find('-')));
  const std::string whose =
      name.empty() ? (report.country.empty() ? std::string("The") : report.country + "'s") : name + "'s";
  const StatusCounts mandatory = count_layer(report, Layer::mandatory);
  if (mandatory.total == 0 && mandatory.not_assessed > 0)
    return fmt::format(
        "{} law was not assessed: the documents are in a language the model cannot read, so no "
        "verdict is given.",
        whose);
  std::vector<std::string> offences;
  bool narrow = false;
  for (const auto& o : report.offences)
    if (o.trafficking) {
      offences.push_back(o.citation.empty() ? o.eid : o.citation);
      narrow = narrow || o.narrow;
    }
  std::string offence_clause = offences.empty()
                                   ? "creates no offence palermo recognises as trafficking"
                                   : fmt::format("creates {}trafficking offence ({})",
                                                 narrow ? "a narrower-than-art-3 " : "a ", join(offences, " and "));
  std::string sentence = fmt::format("{} law {} and meets {} of {} mandatory obligations", whose, offence_clause,
                                     mandatory.met, mandatory.total);
  std::vector<std::string> rest;
  if (mandatory.partial > 0) rest.push_back(fmt::format("{} partly", mandatory.partial));
  if (mandatory.gap > 0) rest.push_back(fmt::format("{} not at all", mandatory.gap));
  if (!rest.empty()) sentence += " (" + join(rest, ", ") + ")";
  if (mandatory.not_in_documents > 0)
    sentence +=
        fmt::format("; {} more usually sit in laws not among the documents checked", mandatory.not_in_documents);
  const std::vector<std::string> conflicts = conflict_names(report);
  if (conflicts.empty()) return sentence + "; nothing in it conflicts with the Protocol.";
  return sentence + fmt::format("; it conflicts with the Protocol on {}.", join(conflicts, " and "));
}

}  // namespace palermo::report
