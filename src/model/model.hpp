// The Protocol model as plain data: every obligation the Trafficking in Persons Protocol and the
// UNTOC articles applying with it place on national law, with the evidence that shows it is met.
// Loaded from protocol-model/*.pal (grammar in grammars/model/) — see protocol-model/LANGUAGE.md.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "grammars/pattern/pattern.hpp"
#include "util/result.hpp"

namespace palermo::model {

// The treaty's own verb decides the class.
enum class ObligationClass {
  mandatory,      // "shall"
  qualified,      // "in appropriate cases", "to the extent possible", "subject to its domestic law"
  endeavour,      // "shall endeavour"
  consider,       // "shall consider"
  good_practice,  // beyond the Protocol: UNODC Model Law, Council of Europe Convention
};
enum class Area { definition, criminalization, sanctions, jurisdiction, victims, prevention, cooperation };

// Where the evidence must stand for it to count.
enum class Scope {
  offence,        // inside a provision that creates the trafficking offence
  offence_terms,  // there, or in the definition of a term that offence uses (or a provision it cites)
  anywhere,       // anywhere in the country's law
};

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;  // 1-based, in code points; 0 when unknown

  bool operator==(const SourceLocation&) const = default;
};

struct Pattern {
  std::string language;  // ISO 639-1 as written in the model: "en", "fr", "es", "pt"
  std::string source;    // the pattern as written
  pattern::Node node;    // parsed
  SourceLocation where;

  bool operator==(const Pattern&) const = default;
};

// One element of an obligation (e.g. the act of "recruitment"), or a red flag (a pattern whose
// presence signals a conflict with the obligation, e.g. "across the border" in the offence).
struct Element {
  std::string id;     // unique within its obligation: "recruitment"
  std::string title;  // "Recruitment"
  Scope scope = Scope::offence_terms;
  std::vector<Pattern> patterns;  // any one matching, in the document's language, is evidence
  // Wording that reaches the element only in part (`partial-en` ...): when no full evidence is
  // found, a match here makes the element partial, with the words cited ("incites another" for
  // organizing or directing others).
  std::vector<Pattern> partial_patterns;
  // The kinds of provision that may carry the element (`roles "victims proceedings"`); empty: any.
  // Evidence found anywhere in the law counts only in a provision of one of these roles.
  std::vector<std::string> roles;
  std::string check;        // a computed check run by the analysis instead of (or besides)
                            // patterns, e.g. "penalty-threshold", "means-for-children"
  std::string explanation;  // red flags: why this is a conflict; elements: optional note
  SourceLocation where;

  bool operator==(const Element&) const = default;
};

struct Obligation {
  std::string id;          // stable, e.g. "tip.3a.acts"; reports and JSON use it
  std::string instrument;  // "Protocol", "UNTOC", "CoE", "Model Law"
  std::string article;     // pinpoint: "3(a)", "34(2)", "6(3)(b)"
  std::string title;
  ObligationClass klass = ObligationClass::mandatory;
  Area area = Area::definition;
  std::string statement;  // the obligation in our own words
  std::string advice;     // drafting advice when it is missing
  // The kinds of law where countries usually legislate it (`legislated-in "penal-code aml"`): where a
  // report tells the drafter to act. "offence": in the trafficking offence itself. Empty: not said.
  std::vector<std::string> legislated_in;
  std::vector<Element> elements;
  std::vector<Element> red_flags;
  SourceLocation where;

  bool operator==(const Obligation&) const = default;
};

// A named list of words the analysis itself relies on — how legislatures create an offence ("commits
// an offence", "est puni de", "comete el delito"), name the crime, speak of a child — one pattern
// per language. The analysis looks lexicons up by name (required_lexicons()); a lawyer extends
// them in protocol-model/ without touching C++.
struct Lexicon {
  std::string name;
  std::string note;
  std::vector<Pattern> patterns;  // one per language at most
  SourceLocation where;

  bool operator==(const Lexicon&) const = default;
};

// A lexicon the analysis uses, and what for (shown by `model lint` when one is missing).
struct LexiconUse {
  std::string name;
  std::string purpose;
};
const std::vector<LexiconUse>& required_lexicons();
// The roles a provision may play (LANGUAGE.md, "Roles"): offence, definition, penalty, proceedings,
// victims, officials, prevention, cooperation.
const std::vector<std::string>& provision_roles();

struct Model {
  std::string name;                // from the `model` header line
  std::string version;             // from the `model` header line
  std::vector<std::string> files;  // the *.pal files it was loaded from, in load order
  std::vector<Obligation> obligations;
  // Named pattern fragments (`synonyms` blocks) are expanded at load time; kept for `model show`.
  std::map<std::string, std::string> synonyms;
  std::map<std::string, Lexicon> lexicons;
  std::vector<std::string> borrowed_lexicons;  // required lexicons the model lacked, taken from palermo's own

  const Obligation* find(std::string_view id) const;

  bool operator==(const Model&) const = default;
};

std::string_view to_string(ObligationClass c);
std::string_view to_string(Area a);
std::string_view to_string(Scope s);

// Loads every *.pal file of a directory, or (dir empty) the model built into the binary: its compiled
// form when the executable carries one (model/compiled.hpp) and no warnings are asked for, else its
// embedded *.pal files, parsed (`model lint` asks for warnings, so it always reads the source).
// Errors carry FILE:LINE:COL, the line and a caret. Warnings (a language without a pattern, ...)
// come back in `warnings`.
// This is also the helper behind every command's `--model DIR` option: pass the option's value
// (empty when not given).
Result<Model> load_model(const std::string& dir, std::vector<Diagnostic>* warnings = nullptr);

// Loads a model from in-memory files (name, text), in the given order; load_model uses it, and
// tests use it for small inline models.
struct ModelSource {
  std::string name;  // shown in diagnostics, e.g. "protocol-model/definition.pal"
  std::string text;
};
Result<Model> load_model_sources(const std::vector<ModelSource>& sources, std::vector<Diagnostic>* warnings = nullptr);

// The names of the computed checks the analysis implements (LANGUAGE.md, "Computed checks").
const std::vector<std::string>& known_checks();

// Up to `limit` candidates closest to `word` (edit distance, then name order), for "did you mean"
// hints; candidates further than about a third of the word's length are left out.
std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace palermo::model
