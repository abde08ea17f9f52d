// Loading the Protocol model: reads the *.pal files (from a folder or embedded in the binary),
// parses them with grammars/model, and checks what the grammar cannot: known classes, areas,
// scopes, languages and checks, required fields, unique ids, synonyms and patterns that parse.
// Every error points at FILE:LINE:COL; all errors of all files are reported at once.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "grammars/model/parse.hpp"
#include "model/compiled.hpp"
#include "model/model.hpp"
#include "model/treaty_articles.hpp"
#include "util/edit_distance.hpp"
#include "util/embedded.hpp"
#include "util/files.hpp"

namespace palermo::model {

namespace {

const std::vector<std::string> kInstruments = {"Protocol", "UNTOC", "CoE", "ModelLaw"};
const std::vector<std::string> kClasses = {"mandatory", "qualified", "endeavour", "consider", "good-practice"};
const std::vector<std::string> kAreas = {"definition", "criminalization", "sanctions",  "jurisdiction",
                                         "victims",    "prevention",      "cooperation"};
const std::vector<std::string> kScopes = {"offence", "offence-terms", "anywhere"};
const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
// Languages an element with patterns is expected to cover (pt is welcome but optional).
const std::vector<std::string> kCoreLanguages = {"en", "fr", "es"};
const std::vector<std::string> kObligationFields = {"instrument", "article",   "title",  "class",
                                                    "area",       "statement", "advice", "legislated-in"};
// Kinds of law an obligation is usually legislated in (the report says where to act from these).
const std::vector<std::string> kLawKinds = {"offence", "trafficking-act", "penal-code", "criminal-procedure",
                                            "aml",     "mla-extradition", "immigration"};
const std::vector<std::string> kRequiredObligationFields = {"instrument", "article", "title",
                                                            "class",      "area",    "statement"};

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto close = closest_names(word, candidates, 1);
  return close.empty() ? std::string() : "did you mean '" + close.front() + "'? ";
}

bool is_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
  });
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

const char* kind_name(char kind) {
  return kind == ast::Token::string ? "a \"string\"" : kind == ast::Token::pattern ? "a `pattern`" : "a name";
}

// Runs of whitespace (line breaks included) become one space; the ends are trimmed.
std::string squeeze_whitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

// Checks one file's syntax tree and adds its content to the model; collects errors and warnings.
class ModelBuilder {
 public:
  ModelBuilder(Model& model, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings)
      : model_(model), errors_(errors), warnings_(warnings) {}

  struct ParsedFile {
    std::string name;
    SourceText source;
    ast::File tree;
  };

  // Headers and synonyms first, from every file, so that a pattern may use a synonym defined in a
  // file that sorts after it.
  void collect_declarations(const ParsedFile& file) {
    for (const auto& item : file.tree) {
      if (const auto* header = boost::get<ast::Header>(&item.get())) {
        if (header_where_) {
          error(file, *header, "a second model header",
                "the header `model ... version ...` appears once in the whole model; the first is at " +
                    header_where_->file + ":" + std::to_string(header_where_->line));
          continue;
        }
        header_where_ = SourceLocation{file.name, header->line, header->column};
        model_.name = header->name.text;
        model_.version = header->version.text;
      } else if (const auto* synonyms = boost::get<ast::Synonyms>(&item.get())) {
        const std::string& name = synonyms->name.text;
        if (auto it = synonym_where_.find(name); it != synonym_where_.end()) {
          error(file, synonyms->name, "synonyms '" + name + "' defined twice",
                "the first is at " + it->second.file + ":" + std::to_string(it->second.line));
          continue;
        }
        if (squeeze_whitespace(synonyms->pattern.text).empty()) {
          error(file, synonyms->pattern, "empty pattern in synonyms '" + name + "'", "write at least one word");
          continue;
        }
        synonym_where_[name] = SourceLocation{file.name, synonyms->line, synonyms->column};
        model_.synonyms[name] = squeeze_whitespace(synonyms->pattern.text);
      }
    }
  }

  void check_synonyms(const ParsedFile& file) {
    // A synonym may use another; a reference to an unknown name or a cycle is an error here, once.
    for (const auto& item : file.tree) {
      const auto* synonyms = boost::get<ast::Synonyms>(&item.get());
      if (synonyms == nullptr) continue;
      std::string expanded;
      if (!expand(file, synonyms->pattern, expanded, 0)) continue;
      if (auto parsed = pattern::parse(expanded, file.name, synonyms->pattern.line, synonyms->pattern.column);
          !parsed.ok())
        add_pattern_errors(file, synonyms->pattern, parsed.errors(), expanded != synonyms->pattern.text);
    }
  }

  void add_obligations(const ParsedFile& file) {
    for (const auto& item : file.tree) {
      if (const auto* obligation = boost::get<ast::Obligation>(&item.get())) add_obligation(file, *obligation);
      if (const auto* lexicon = boost::get<ast::Lexicon>(&item.get())) add_lexicon(file, *lexicon);
    }
  }

  // Lexicons the analysis needs but the model lacks come from palermo's own (the embedded
  // protocol-model/05-lexicon.pal), so a small model written for a test or an experiment reads
  // offences as the full model does; `model lint` says which were borrowed. Only when even the
  // embedded file lacks one is it a warning: the analysis then finds nothing through it.
  void borrow_missing_lexicons(const std::string& first_file) {
    std::vector<std::string> missing;
    for (const LexiconUse& use : required_lexicons())
      if (!model_.lexicons.count(use.name)) missing.push_back(use.name);
    if (missing.empty()) return;
    for (const auto& embedded : embedded_files()) {
      std::string_view path = embedded.path;
      if (path != "protocol-model/05-lexicon.pal") continue;
      auto tree = parse_model_source(embedded.content, std::string(path));
      if (!tree.ok()) break;
      ParsedFile file{std::string(path), SourceText(embedded.content), std::move(tree).value()};
      for (const auto& item : file.tree)
        if (const auto* lexicon = boost::get<ast::Lexicon>(&item.get()))
          if (std::find(missing.begin(), missing.end(), lexicon->name.text) != missing.end()) {
            add_lexicon(file, *lexicon);
            model_.borrowed_lexicons.push_back(lexicon->name.text);
          }
    }
    for (const LexiconUse& use : required_lexicons())
      if (!model_.lexicons.count(use.name)) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::warning;
        d.file = first_file;
        d.message = "no lexicon '" + use.name + "': the analysis uses it for " + use.purpose;
        d.hint = "add `lexicon " + use.name + " { en `...` fr `...` es `...` pt `...` }` (see LANGUAGE.md)";
        warnings_.push_back(std::move(d));
      }
  }

  void add_lexicon(const ParsedFile& file, const ast::Lexicon& node) {
    Lexicon lexicon;
    lexicon.name = node.name.text;
    lexicon.where = SourceLocation{file.name, node.name.line, node.name.column};
    if (!is_id(lexicon.name))
      error(file, node.name, "lexicon name '" + lexicon.name + "' has characters names may not use",
            "names use lower-case letters, digits, '.', '-' and '_'");
    if (auto it = model_.lexicons.find(lexicon.name); it != model_.lexicons.end()) {
      error(file, node.name, "lexicon '" + lexicon.name + "' defined twice",
            "the first is at " + it->second.where.file + ":" + std::to_string(it->second.where.line));
      return;
    }
    std::vector<std::string> known;
    for (const LexiconUse& use : required_lexicons()) known.push_back(use.name);
    if (std::find(known.begin(), known.end(), lexicon.name) == known.end())
      warning(file, node.name, "lexicon '" + lexicon.name + "' is not used by the analysis",
              did_you_mean(lexicon.name, known) + "the analysis reads " + join(known));
    const std::vector<std::string> fields{"en", "fr", "es", "pt", "note"};
    std::map<std::string, const ast::Field*> seen;
    for (const auto& field : node.fields) {
      const std::string& key = field.key.text;
      if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
        if (key.size() == 2 && std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          error(file, field.key, "unknown language '" + key + "'",
                "patterns are given for en, fr, es or pt (ISO 639-1)");
        else
          error(file, field.key, "unknown field '" + key + "' in a lexicon",
                did_you_mean(key, fields) + "use " + join(fields));
        continue;
      }
      if (!first_time(file, seen, field)) continue;
      if (key == "note") {
        if (expect_kind(file, field, ast::Token::string)) lexicon.note = field.value.text;
      } else if (expect_kind(file, field, ast::Token::pattern)) {
        if (auto p = make_pattern(file, field)) lexicon.patterns.push_back(std::move(*p));
      }
    }
    if (lexicon.patterns.empty() && seen.size() == seen.count("note"))
      error(file, node.name, "lexicon '" + lexicon.name + "' has no pattern", "give at least one `en `...``");
    model_.lexicons.emplace(lexicon.name, std::move(lexicon));
  }

  bool has_header() const { return header_where_.has_value(); }

 private:
  void error(const ParsedFile& file, const ast::Located& at, std::string message, std::string hint = {}) {
    errors_.push_back(file.source.error_at(file.name, at.line, at.column, std::move(message), std::move(hint)));
  }
  void warning(const ParsedFile& file, const ast::Located& at, std::string message, std::string hint = {}) {
    auto d = file.source.error_at(file.name, at.line, at.column, std::move(message), std::move(hint));
    d.severity = Diagnostic::Severity::warning;
    warnings_.push_back(std::move(d));
  }

  // Line and column of the character `offset` bytes into a pattern's text (which starts right
  // after its opening backtick), so an error inside a multi-line pattern points at the right line.
  static std::pair<int, int> position_in_pattern(const ast::Token& token, std::size_t offset) {
    int line = token.line;
    int column = token.column + 1;
    for (std::size_t i = 0; i < offset && i < token.text.size(); ++i) {
      char c = token.text[i];
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return {line, column};
  }

  // `$name` becomes `(pattern of name)`; false (with an error) on an unknown name or a cycle.
  // The largest pattern synonyms may expand to: the whole model's patterns together are ~100 KB.
  static constexpr std::size_t kMaxExpandedPattern = 256 * 1024;
  std::size_t top_reference_ = 0;  // offset of the '$' being expanded in the pattern as written

  bool expand(const ParsedFile& file, const ast::Token& token, std::string& out, int depth) {
    return expand_text(file, token, token.text, out, depth);
  }
  bool expand_text(const ParsedFile& file, const ast::Token& token, std::string_view text, std::string& out,
                   int depth) {
    // Line breaks stay, so the pattern parser's line numbers match the file's; synonyms are kept
    // on one line. A '$' inside a quoted phrase is a character, as for the pattern parser.
    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"') in_quotes = !in_quotes;
      if (c != '$' || in_quotes) {
        out += c;
        continue;
      }
      std::size_t end = i + 1;
      while (end < text.size() && is_name_char(text[end])) ++end;
      std::string name(text.substr(i + 1, end - i - 1));
      auto it = model_.synonyms.find(name);
      if (it == model_.synonyms.end()) {
        std::vector<std::string> names;
        for (const auto& [known, _] : model_.synonyms) names.push_back(known);
        auto [line, column] = position_in_pattern(token, depth == 0 ? i : 0);
        ast::Located at;
        at.line = line;
        at.column = column;
        error(file, at, name.empty() ? "'$' without a synonyms name" : "unknown synonyms '$" + name + "'",
              did_you_mean(name, names) + "define it with `synonyms " + (name.empty() ? "NAME" : name) +
                  " `...`` in any file of the model");
        return false;
      }
      if (depth == 0) top_reference_ = i;  // where errors deeper in this expansion point
      auto at_reference = [&] {
        auto [line, column] = position_in_pattern(token, top_reference_);
        ast::Located at;
        at.line = line;
        at.column = column;
        return at;
      };
      if (depth > 8) {
        error(file, at_reference(), "synonyms nest too deeply (is there a cycle through '$" + name + "'?)");
        return false;
      }
      out += '(';
      if (!expand_text(file, token, it->second, out, depth + 1)) return false;
      out += ')';
      // Synonyms that use each other several times grow exponentially with depth ($a = $b OR $b,
      // $b = $c OR $c, ...): bound the size, not only the depth.
      if (out.size() > kMaxExpandedPattern) {
        error(file, at_reference(),
              "synonyms expand to more than " + std::to_string(kMaxExpandedPattern / 1024) +
                  " KB of pattern (through '$" + name + "')",
              "use each synonyms name once per pattern, or write the words out");
        return false;
      }
      i = end - 1;
    }
    return true;
  }

  void add_pattern_errors(const ParsedFile& file, const ast::Token& token, const std::vector<Diagnostic>& found,
                          bool expanded) {
    for (Diagnostic d : found) {
      d.file = file.name;
      if (d.line <= 0) {
        d.line = token.line;
        d.column = token.column;
      }
      d.excerpt = std::string(file.source.line_text(d.line));
      if (expanded && d.hint.empty()) d.hint = "the pattern was read with its $synonyms expanded";
      d.severity = Diagnostic::Severity::error;
      errors_.push_back(std::move(d));
    }
  }

  // The value must be of the given kind; returns false (with an error) otherwise.
  bool expect_kind(const ParsedFile& file, const ast::Field& field, char kind) {
    if (field.value.kind == kind) return true;
    std::string example = kind == ast::Token::string ? "\"...\"" : kind == ast::Token::pattern ? "`...`" : "NAME";
    error(file, field.value,
          "'" + field.key.text + "' takes " + kind_name(kind) + ", not " + kind_name(field.value.kind),
          "write: " + field.key.text + " " + example);
    return false;
  }

  // The value must be one of `allowed`; returns its index or nullopt (with an error).
  std::optional<std::size_t> expect_one_of(const ParsedFile& file, const ast::Field& field,
                                           const std::vector<std::string>& allowed, std::string_view what) {
    if (!expect_kind(file, field, ast::Token::name)) return std::nullopt;
    auto it = std::find(allowed.begin(), allowed.end(), field.value.text);
    if (it != allowed.end()) return static_cast<std::size_t>(it - allowed.begin());
    error(file, field.value, "unknown " + std::string(what) + " '" + field.value.text + "'",
          did_you_mean(field.value.text, allowed) + "use " + join(allowed, ", "));
    return std::nullopt;
  }

  // A field seen before in the same block is an error; returns true the first time.
  bool first_time(const ParsedFile& file, std::map<std::string, const ast::Field*>& seen, const ast::Field& field) {
    auto [it, inserted] = seen.emplace(field.key.text, &field);
    if (!inserted)
      error(file, field.key, "'" + field.key.text + "' given twice",
            "each field appears at most once; the first is at line " + std::to_string(it->second->key.line));
    return inserted;
  }

  void add_obligation(const ParsedFile& file, const ast::Obligation& node) {
    Obligation obligation;
    obligation.id = node.id.text;
    obligation.where = SourceLocation{file.name, node.id.line, node.id.column};
    if (!is_id(obligation.id))
      error(file, node.id, "obligation id '" + obligation.id + "' has characters ids may not use",
            "ids use lower-case letters, digits, '.', '-' and '_', e.g. tip.3a.acts");
    if (auto it = obligation_where_.find(obligation.id); it != obligation_where_.end())
      error(file, node.id, "duplicate obligation id '" + obligation.id + "'",
            "obligation ids are unique across the model; the first is at " + it->second.file + ":" +
                std::to_string(it->second.line));
    else
      obligation_where_[obligation.id] = obligation.where;

    std::map<std::string, const ast::Field*> seen;
    std::map<std::string, int> block_lines;  // element and red-flag ids -> line, for duplicates
    const ast::Field* article_field = nullptr;
    for (const auto& entry : node.entries) {
      if (const auto* block = boost::get<ast::Block>(&entry.get())) {
        if (auto it = block_lines.find(block->id.text); it != block_lines.end()) {
          error(file, block->id,
                "duplicate " + block->kind + " id '" + block->id.text + "' in obligation '" + obligation.id + "'",
                "element and red-flag ids are unique within their obligation; the first is at line " +
                    std::to_string(it->second));
        } else {
          block_lines[block->id.text] = block->id.line;
        }
        auto element = make_element(file, obligation, *block);
        (block->kind == "red-flag" ? obligation.red_flags : obligation.elements).push_back(std::move(element));
        continue;
      }
      const auto& field = boost::get<ast::Field>(entry.get());
      const std::string& key = field.key.text;
      if (std::find(kObligationFields.begin(), kObligationFields.end(), key) == kObligationFields.end()) {
        error(file, field.key, "unknown field '" + key + "' in an obligation",
              did_you_mean(key, kObligationFields) + "an obligation has " + join(kObligationFields) +
                  ", and element and red-flag blocks");
        continue;
      }
      if (!first_time(file, seen, field)) continue;
      if (key == "instrument") {
        if (auto i = expect_one_of(file, field, kInstruments, "instrument")) obligation.instrument = kInstruments[*i];
      } else if (key == "class") {
        if (auto i = expect_one_of(file, field, kClasses, "class")) obligation.klass = static_cast<ObligationClass>(*i);
      } else if (key == "area") {
        if (auto i = expect_one_of(file, field, kAreas, "area")) obligation.area = static_cast<Area>(*i);
      } else if (expect_kind(file, field, ast::Token::string)) {
        if (key == "article") {
          obligation.article = field.value.text;
          article_field = &field;
          if (!parse_article_citation(obligation.article))
            error(file, field.value, "article \"" + obligation.article + "\" is not a pinpoint citation",
                  "write the article number with its paragraph and subparagraph, e.g. \"3(a)\", \"34(2)\", "
                  "\"6(3)(b)\"");
        } else if (key == "title") {
          obligation.title = field.value.text;
        } else if (key == "statement") {
          obligation.statement = field.value.text;
        } else if (key == "advice") {
          obligation.advice = field.value.text;
        } else if (key == "legislated-in") {
          std::string word;
          for (std::size_t i = 0; i <= field.value.text.size(); ++i) {
            const char c = i < field.value.text.size() ? field.value.text[i] : ' ';
            if (c != ' ' && c != '\n' && c != '\t') {
              word += c;
              continue;
            }
            if (word.empty()) continue;
            if (std::find(kLawKinds.begin(), kLawKinds.end(), word) == kLawKinds.end())
              error(file, field.value, "unknown kind of law '" + word + "' in legislated-in",
                    did_you_mean(word, kLawKinds) + "the kinds are " + join(kLawKinds));
            else
              obligation.legislated_in.push_back(word);
            word.clear();
          }
        }
      }
    }
    for (const auto& required : kRequiredObligationFields)
      if (!seen.count(required))
        error(file, node.id, "obligation '" + obligation.id + "' has no " + required,
              "every obligation has instrument, article, title, class, area and statement");
    if (obligation.elements.empty() && obligation.red_flags.empty())
      error(file, node.id, "obligation '" + obligation.id + "' has no element",
            "add at least one `element ID \"title\" { scope ... en `...` }`");
    else if (obligation.elements.empty())
      error(file, node.id, "obligation '" + obligation.id + "' has red flags but no element",
            "add at least one `element ID \"title\" { scope ... en `...` }`");
    if (article_field != nullptr && !obligation.instrument.empty() && parse_article_citation(obligation.article)) {
      std::string why = check_article_exists(obligation.instrument, obligation.article);
      if (!why.empty())
        warning(file, article_field->value, "article \"" + obligation.article + "\" does not exist: " + why,
                "check the citation against the treaty text");
    }
    model_.obligations.push_back(std::move(obligation));
  }

  Element make_element(const ParsedFile& file, const Obligation& obligation, const ast::Block& block) {
    const bool red_flag = block.kind == "red-flag";
    Element element;
    element.id = block.id.text;
    element.title = block.title.text;
    element.where = SourceLocation{file.name, block.id.line, block.id.column};
    if (!is_id(element.id))
      error(file, block.id, block.kind + " id '" + element.id + "' has characters ids may not use",
            "ids use lower-case letters, digits, '.', '-' and '_'");
    const std::vector<std::string> fields =
        red_flag ? std::vector<std::string>{"scope", "en", "fr", "es", "pt", "check", "explain", "roles"}
                 : std::vector<std::string>{"scope", "en",    "fr",         "es",         "pt",         "check",
                                            "note",  "roles", "partial-en", "partial-fr", "partial-es", "partial-pt"};
    std::map<std::string, const ast::Field*> seen;
    bool pattern_error = false;
    for (const auto& field : block.fields) {
      const std::string& key = field.key.text;
      if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
        if (key.size() == 2 && std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          error(file, field.key, "unknown language '" + key + "'",
                "patterns are given for en, fr, es or pt (ISO 639-1)");
        else if (key == "note" || key == "explain")
          error(file, field.key, "'" + key + "' does not belong in " + (red_flag ? "a red flag" : "an element"),
                red_flag ? "a red flag says why it is a conflict with `explain \"...\"`"
                         : "an element takes an optional `note \"...\"`");
        else
          error(file, field.key, "unknown field '" + key + "' in " + (red_flag ? "a red flag" : "an element"),
                did_you_mean(key, fields) + "use " + join(fields));
        continue;
      }
      if (!first_time(file, seen, field)) continue;
      if (key == "scope") {
        if (auto i = expect_one_of(file, field, kScopes, "scope")) element.scope = static_cast<Scope>(*i);
      } else if (key == "check") {
        if (auto i = expect_one_of(file, field, known_checks(), "check")) element.check = known_checks()[*i];
      } else if (key == "note" || key == "explain") {
        if (expect_kind(file, field, ast::Token::string)) element.explanation = field.value.text;
      } else if (key == "roles") {
        if (expect_kind(file, field, ast::Token::string)) element.roles = parse_roles(file, field);
      } else if (key.rfind("partial-", 0) == 0) {
        if (!expect_kind(file, field, ast::Token::pattern)) continue;
        if (auto p = make_pattern(file, field)) {
          p->language = key.substr(8);
          element.partial_patterns.push_back(std::move(*p));
        } else {
          pattern_error = true;
        }
      } else if (expect_kind(file, field, ast::Token::pattern)) {
        if (auto p = make_pattern(file, field))
          element.patterns.push_back(std::move(*p));
        else
          pattern_error = true;
      }
    }
    if (!seen.count("scope"))
      error(file, block.id, block.kind + " '" + element.id + "' has no scope",
            "add `scope offence`, `scope offence-terms` or `scope anywhere`");
    bool has_pattern = std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
      return seen.count(f) && std::find(kLanguages.begin(), kLanguages.end(), f) != kLanguages.end();
    });
    if (!has_pattern && !seen.count("check"))
      error(file, block.id, block.kind + " '" + element.id + "' has neither a pattern nor a check",
            "give at least one pattern (`en `...``) or a computed `check NAME`");
    if (!red_flag && has_pattern && !pattern_error) {
      std::vector<std::string> missing;
      for (const auto& language : kCoreLanguages)
        if (!seen.count(language)) missing.push_back(language);
      if (!missing.empty())
        warning(file, block.id,
                "element '" + element.id + "' of '" + obligation.id + "' has no pattern in " + join(missing, " or "),
                "statutes in that language cannot meet this element by wording");
    }
    return element;
  }

  // `roles "victims proceedings"`: the kinds of provision that may carry the element.
  std::vector<std::string> parse_roles(const ParsedFile& file, const ast::Field& field) {
    std::vector<std::string> out;
    std::string word;
    std::string text = field.value.text + " ";
    for (char c : text) {
      if (c == ' ' || c == ',') {
        if (word.empty()) continue;
        if (std::find(provision_roles().begin(), provision_roles().end(), word) == provision_roles().end())
          error(file, field.value, "unknown role '" + word + "'",
                did_you_mean(word, provision_roles()) + "roles are " + join(provision_roles()));
        else
          out.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    if (out.empty()) error(file, field.value, "no role given", "e.g. roles \"victims proceedings\"");
    return out;
  }

  std::optional<Pattern> make_pattern(const ParsedFile& file, const ast::Field& field) {
    const ast::Token& token = field.value;
    if (squeeze_whitespace(token.text).empty()) {
      error(file, token, "empty pattern", "write the words that are evidence, e.g. `recruit* OR enlist*`");
      return std::nullopt;
    }
    std::string expanded;
    if (!expand(file, token, expanded, 0)) return std::nullopt;
    // The pattern text starts one column after its opening backtick.
    auto parsed = pattern::parse(expanded, file.name, token.line, token.column);
    if (!parsed.ok()) {
      add_pattern_errors(file, token, parsed.errors(), expanded != token.text);
      return std::nullopt;
    }
    Pattern pattern;
    pattern.language = field.key.text;
    pattern.source = squeeze_whitespace(token.text);
    pattern.node = std::move(parsed).value();
    pattern.where = SourceLocation{file.name, token.line, token.column};
    return pattern;
  }

  Model& model_;
  std::vector<Diagnostic>& errors_;
  std::vector<Diagnostic>& warnings_;
  std::optional<SourceLocation> header_where_;
  std::map<std::string, SourceLocation> synonym_where_;
  std::map<std::string, SourceLocation> obligation_where_;
};

}  // namespace

const std::vector<std::string>& provision_roles() {
  static const std::vector<std::string> roles = {"offence", "definition", "penalty",    "proceedings",
                                                 "victims", "officials",  "prevention", "cooperation"};
  return roles;
}

const std::vector<LexiconUse>& required_lexicons() {
  // The contract between protocol-model/05-lexicon.pal and src/analysis: every name here is looked
  // up by the analysis; the words themselves live in the model.
  static const std::vector<LexiconUse> uses = {
      {"offence-formula", "finding provisions that create or punish an offence"},
      {"offence-name", "recognising the name of the crime of trafficking in persons"},
      {"conduct-by-name",
       "offences whose conduct is the crime's name (\"traffics a person\", \"se livre à la traite\")"},
      {"defined-name", "defined terms that name the crime (\"traffic\", \"trafficking in persons\", \"traite\")"},
      {"ancillary-conduct",
       "offences about the crime rather than the crime (facilitating, financing, leasing premises)"},
      {"definition-formula", "provisions that define the crime by its name (\"constitue la traite ... le fait de\")"},
      {"smuggling-name", "keeping the smuggling of migrants apart from trafficking"},
      {"exploitation-purpose", "a purpose of exploitation, or one of its forms named directly"},
      {"act-recruitment", "the act of recruitment in an offence"},
      {"act-transportation", "the act of transportation in an offence"},
      {"act-transfer", "the act of transfer in an offence"},
      {"act-harbouring", "the act of harbouring in an offence"},
      {"act-receipt", "the act of receipt in an offence"},
      {"act-on-person", "acts done to a human being (not to goods or money)"},
      {"means", "the means of art 3 (threat, force, fraud, deception, ...)"},
      {"child", "words for a child"},
      {"women-only", "victims named as women or girls"},
      {"person-noun", "victims named as any person (after the acts: \"recruits ... a person\")"},
      {"any-means", "offences committed \"by any means\" (no means required)"},
      {"offence-by-reference",
       "words before a citation by which a penalty provision makes the cited provision an offence"},
      {"negation-before", "words before a red flag's match that exclude the requirement (\"whether or not\")"},
      {"negation-after", "words after a red flag's match that exclude the requirement (\"... is not required\")"},
      {"general-fine-in-lieu", "general provisions letting a court fine instead of imprisoning, for any offence"},
      {"legal-person-closed-list", "provisions making legal persons liable only for the offences they list"},
      {"definition-second-limb", "a definition's second limb (\"and includes ...\"), whose acts may need no means"},
      {"summary-procedure", "penalties that differ for summary trials (the indictment maximum counts)"},
      {"age-below-eighteen", "child clauses and definitions limited to an age below eighteen"},
      {"age-eighteen", "the age of eighteen"},
      {"irrespective", "clauses that dispense with an element (\"regardless of whether\", \"aun cuando\")"},
      {"general-rule", "general provisions that apply to every offence of an Act or Code"},
      {"general-part", "headings of a code's general part (its rules apply to every offence of the code)"},
      {"offence-reference", "provisions that refer to \"the offence\" or the preceding article"},
      {"aggravation", "aggravated forms of the offence"},
      {"on-topic", "evidence outside the offence that is about trafficking or its victims"},
      {"definition-carrier", "definitions that can carry an element of the offence"},
      {"role-definition", "provisions that define terms (by their heading or their Part's)"},
      {"role-penalty", "provisions that set penalties"},
      {"role-proceedings", "provisions about criminal proceedings, evidence and witnesses"},
      {"role-victims", "provisions about the assistance and protection of victims"},
      {"role-officials", "provisions about the duties, powers and training of officials"},
      {"role-prevention", "provisions about prevention"},
      {"role-cooperation", "provisions about international cooperation"},
      {"law-trafficking-act", "titles of laws against trafficking (which kinds of law were checked)"},
      {"law-penal-code", "titles of penal and criminal codes"},
      {"law-criminal-procedure", "titles of criminal procedure and evidence laws"},
      {"law-aml", "titles of laws on money laundering, proceeds of crime and organised crime"},
      {"law-mla-extradition", "titles of laws on extradition and mutual legal assistance"},
      {"law-immigration", "titles of immigration, border and aliens laws"},
  };
  return uses;
}

const std::vector<std::string>& known_checks() {
  static const std::vector<std::string> checks = {
      "offence-exists", "penalty-threshold",     "fine-in-lieu",      "child-no-means", "means-for-children",
      "child-under-18", "victims-restricted",    "general-part",      "means",          "no-transnationality",
      "every-offence",  "child-heavier-penalty", "legal-person-scope"};
  return checks;
}

std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::size_t tolerance = std::max<std::size_t>(2, word.size() / 3);
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    // A candidate that contains the word ("3a" in "tip.3a.acts") is close whatever its length.
    if (!word.empty() && candidate.find(word) != std::string::npos) distance = std::min<std::size_t>(distance, 1);
    if (distance <= tolerance) scored.emplace_back(distance, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

Result<Model> load_model_sources(const std::vector<ModelSource>& sources, std::vector<Diagnostic>* warnings) {
  Model model;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> found_warnings;
  std::vector<ModelBuilder::ParsedFile> files;
  files.reserve(sources.size());  // SourceText views the ModelSource text, which outlives this call
  for (const auto& source : sources) {
    model.files.push_back(source.name);
    auto tree = parse_model_source(source.text, source.name);
    if (!tree.ok()) {
      errors.insert(errors.end(), tree.errors().begin(), tree.errors().end());
      continue;
    }
    files.push_back(ModelBuilder::ParsedFile{source.name, SourceText(source.text), std::move(tree).value()});
  }
  ModelBuilder builder(model, errors, found_warnings);
  for (const auto& file : files) builder.collect_declarations(file);
  for (const auto& file : files) builder.check_synonyms(file);
  for (const auto& file : files) builder.add_obligations(file);
  if (!files.empty()) builder.borrow_missing_lexicons(files.front().name);
  if (!builder.has_header() && errors.empty()) {
    Diagnostic d;
    d.file = sources.empty() ? std::string() : sources.front().name;
    d.message = "the model has no header";
    d.hint = "add `model \"NAME\" version \"VERSION\"` once, in one of the files";
    errors.push_back(std::move(d));
  }
  if (warnings != nullptr) warnings->insert(warnings->end(), found_warnings.begin(), found_warnings.end());
  if (!errors.empty()) return errors;
  return model;
}

Result<Model> load_model(const std::string& dir, std::vector<Diagnostic>* warnings) {
  std::vector<ModelSource> sources;
  if (dir.empty()) {
    if (const std::string_view compiled = builtin_compiled_model(); !compiled.empty() && warnings == nullptr)
      return read_compiled_model(compiled, "built-in model");
    for (const auto& embedded : embedded_files()) {
      std::string_view path = embedded.path;
      if (path.rfind("protocol-model/", 0) == 0 && path.size() > 4 && path.substr(path.size() - 4) == ".pal")
        sources.push_back(ModelSource{std::string(path), std::string(embedded.content)});
    }
    std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    if (sources.empty())
      return Diagnostic{.file = "protocol-model",
                        .message = "this build of palermo carries no model files",
                        .hint = "pass --model DIR"};
    return load_model_sources(sources, warnings);
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Diagnostic{.file = dir,
                      .message = "not a folder (or not readable)",
                      .hint = "--model and `model lint` take a folder holding *.pal files"};
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".pal")
      paths.push_back(entry.path().filename().string());
  if (ec) return Diagnostic{.file = dir, .message = "cannot list the folder: " + ec.message()};
  std::sort(paths.begin(), paths.end());
  if (paths.empty())
    return Diagnostic{.file = dir,
                      .message = "no *.pal files in this folder",
                      .hint = "a model is a folder of *.pal files (see protocol-model/LANGUAGE.md)"};
  std::vector<Diagnostic> errors;
  for (const auto& name : paths) {
    std::string path = (fs::path(dir) / name).string();
    auto text = read_file(path);
    if (!text.ok()) {
      errors.insert(errors.end(), text.errors().begin(), text.errors().end());
      continue;
    }
    sources.push_back(ModelSource{path, std::move(text).value()});
  }
  if (!errors.empty()) return errors;
  return load_model_sources(sources, warnings);
}

}  // namespace palermo::model
