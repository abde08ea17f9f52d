// Evaluating the model against the documents: patterns matched in the element's scope, computed
// checks (checks.cpp), element and obligation statuses, reasons a lawyer can check.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/corpus.hpp"
#include "analysis/definitions.hpp"
#include "analysis/finding.hpp"
#include "analysis/lexicon.hpp"
#include "analysis/offences.hpp"
#include "analysis/scope.hpp"
#include "model/model.hpp"

namespace palermo::analysis {

class Evaluator {
 public:
  Evaluator(Corpus& corpus, Lexicons& lexicons, const std::vector<OffenceSite>& offences, const Definitions& defs,
            const Scopes& scopes, const model::Model& model);

  ObligationFinding evaluate(const model::Obligation& obligation);

  // ---- used by the computed checks (checks.cpp) ----
  struct Hit {
    const ScopeItem* item = nullptr;
    Evidence evidence;
  };
  // Pattern evidence for an element in the given items, at most `limit` hits (one per item).
  std::vector<Hit> search(const model::Element& element, const std::vector<ScopeItem>& items, std::size_t limit);
  // The same with the element's partial patterns (wording that reaches it only in part).
  std::vector<Hit> search_partial(const model::Element& element, const std::vector<ScopeItem>& items,
                                  std::size_t limit);
  // Evidence for a whole byte range without a pattern (e.g. the offence's penalty words).
  Evidence passage_evidence(std::size_t doc, ByteRange highlight, const std::string& check,
                            const std::vector<ChainLink>& chain = {});
  const std::vector<ScopeItem>& items_for(model::Scope scope) const;
  std::vector<const OffenceSite*> trafficking_offences() const;
  Corpus& corpus() { return corpus_; }
  Lexicons& lexicons() { return lex_; }
  const Definitions& definitions() const { return defs_; }
  const Scopes& scopes() const { return scopes_; }
  std::string offence_citations() const;  // "s 3, s 22" — for reasons
  // The roles of a unit (model::provision_roles()), from its heading and its Part's or Chapter's,
  // from being an offence, or from being a list of definitions; empty when none can be told.
  const std::vector<std::string>& roles_of(std::size_t doc, std::size_t unit);

 private:
  ElementFinding evaluate_element(const model::Obligation& o, const model::Element& e, bool red_flag);
  // Patterns in the document's language; in every language when the model has none in it and
  // `other_languages` is true.
  std::vector<Hit> search_with(const std::vector<model::Pattern>& patterns, const std::vector<ScopeItem>& items,
                               std::size_t limit, bool other_languages = true);
  ElementFinding evaluate_patterns(const model::Element& e, bool red_flag);
  std::optional<ElementFinding> run_check(const model::Obligation& o, const model::Element& e, bool red_flag);
  // The computed checks (checks.cpp), one per name in model::known_checks(); each fills `f`.
  using Check = ElementFinding (Evaluator::*)(const model::Element& e, ElementFinding f);
  static const std::map<std::string, Check>& checks();
  ElementFinding check_offence_exists(const model::Element& e, ElementFinding f);
  ElementFinding check_penalty(const model::Element& e, ElementFinding f);      // penalty-threshold, fine-in-lieu
  ElementFinding check_child_means(const model::Element& e, ElementFinding f);  // child-no-means, means-for-children
  ElementFinding check_child_under_18(const model::Element& e, ElementFinding f);
  ElementFinding check_victims_restricted(const model::Element& e, ElementFinding f);
  ElementFinding check_general_part(const model::Element& e, ElementFinding f);
  ElementFinding check_means(const model::Element& e, ElementFinding f);
  ElementFinding check_no_transnationality(const model::Element& e, ElementFinding f);
  ElementFinding check_every_offence(const model::Element& e, ElementFinding f);
  ElementFinding check_legal_person_scope(const model::Element& e, ElementFinding f);
  ElementFinding check_child_heavier_penalty(const model::Element& e, ElementFinding f);
  const model::Obligation* current_ = nullptr;  // the obligation whose element a check is evaluating
  ElementFinding child_no_means(const model::Element& e);
  bool under_general_part(std::size_t doc, std::size_t provision);  // shared by the two child checks, computed once
  // True when the provision's text cites one of the trafficking offences ("an offence under
  // section 3", "les infractions prévues aux articles 311-1 à 311-5", "el artículo anterior").
  bool cites_trafficking_offence(std::size_t doc, std::size_t provision);
  const text::CompiledPattern& compiled(const model::Pattern& p, text::Language lang);
  Evidence make_evidence(const ScopeItem& item, const model::Pattern& p, pattern::Node::Kind kind,
                         const text::Match& m);

  // Why a narrow offence falls short of art 3, in words for the report ("its purposes are limited to
  // one form of exploitation"); empty when it does not.
  std::vector<std::string> narrowness();
  // True when the offence's victims are only women and/or children (only children, when asked).
  bool protects_only_women_or_children(const OffenceSite& off, bool children_only = false);

  Corpus& corpus_;
  Lexicons& lex_;
  // Set while a means of art 3 is searched: the definitions of forms of exploitation ("forced labour
  // means compelling a person ... by threat") describe the exploitation, not how the victim was
  // recruited or moved, so their words are no evidence of a means.
  bool skip_purpose_definitions_ = false;
  const model::Model& model_;
  const std::vector<OffenceSite>& offences_;
  const Definitions& defs_;
  const Scopes& scopes_;
  std::map<std::pair<const model::Pattern*, text::Language>, text::CompiledPattern> compiled_;
  // Whether a compiled pattern may match anywhere in a document (text::may_match on the whole
  // document): when not, none of the document's provisions is tried against it.
  bool may_occur(const text::CompiledPattern& cp, std::size_t doc);
  std::map<std::pair<const text::CompiledPattern*, std::size_t>, bool> may_occur_;
  // Items of a scope that may carry an element with these roles (all items when it names none).
  const std::vector<ScopeItem>& items_with_roles(const std::vector<ScopeItem>& items,
                                                 const std::vector<std::string>& roles);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> roles_;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> heading_roles_;  // per headed provision
  std::map<std::pair<const std::vector<ScopeItem>*, std::string>, std::vector<ScopeItem>> role_items_;
  std::optional<ElementFinding> child_no_means_;  // shared by child-no-means and means-for-children
  model::Area area_ = model::Area::definition;    // of the obligation being evaluated
};

// Element finding helpers shared by evaluate.cpp and checks.cpp.
std::string describe(const Evidence& e);  // "'recruits' in s 3(1)" (+ " via the defined term ...")
std::string lower_first(std::string s);

}  // namespace palermo::analysis
