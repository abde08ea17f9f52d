// Pattern evidence, element and obligation statuses (see evaluate.hpp; computed checks: checks.cpp).
#include "analysis/evaluate.hpp"
#include "analysis/confidence.hpp"
#include "analysis/offences.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace palermo::analysis {

namespace {

constexpr std::size_t kPassageBytes = 400;

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The provision's words trimmed to a readable window around the first highlight; highlights made
// relative to the returned passage.
std::pair<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> window(
    std::string_view whole, std::uint32_t whole_begin, const std::vector<ByteRange>& absolute) {
  std::size_t start = 0, end = whole.size();
  if (whole.size() > kPassageBytes + 40 && !absolute.empty()) {
    std::size_t first = absolute.front().first - whole_begin;
    start = first > 150 ? first - 150 : 0;
    end = std::min(whole.size(), start + kPassageBytes);
    std::size_t first_end = absolute.front().second - whole_begin;
    if (end < first_end) end = std::min(whole.size(), first_end + 20);
    // Cut between words, never inside one ("imprisonm…", "twenty-…"): move each cut to the nearest
    // white space that keeps the first match inside, looking outwards when inwards would lose it.
    auto space = [&](std::size_t i) { return whole[i] == ' ' || whole[i] == '\n' || whole[i] == '\t'; };
    if (start > 0 && !space(start - 1)) {
      std::size_t s = start;
      while (s < first && !space(s)) ++s;
      if (s < first)
        start = s + 1;
      else {
        while (start > 0 && !space(start - 1)) --start;
      }
    }
    if (end < whole.size() && !space(end)) {
      std::size_t e = end;
      while (e > first_end && !space(e)) --e;
      if (e > first_end)
        end = e;
      else {
        while (end < whole.size() && !space(end)) ++end;
      }
    }
    while (end > start && space(end - 1)) --end;
  }
  std::string prefix = start > 0 ? "\xE2\x80\xA6 " : "";
  std::string passage =
      prefix + std::string(whole.substr(start, end - start)) + (end < whole.size() ? " \xE2\x80\xA6" : "");
  std::replace(passage.begin(), passage.end(), '\n', ' ');
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rel;
  for (const ByteRange& r : absolute) {
    std::size_t b = r.first - whole_begin, e = r.second - whole_begin;
    if (b < start || e > end) continue;
    rel.emplace_back(static_cast<std::uint32_t>(b - start + prefix.size()),
                     static_cast<std::uint32_t>(e - start + prefix.size()));
  }
  return {passage, rel};
}

std::string cite_of(const akn::Provision& p) { return p.citation.empty() ? p.eid : p.citation; }

std::string shorten(std::string s, std::size_t n) {
  if (s.size() <= n) return s;
  // At the last space before the limit, so a number or word is never cut ("not exceeding 3…" for 30).
  std::size_t cut = s.rfind(' ', n);
  if (cut == std::string::npos || cut < n / 2) {
    cut = n;
    while (cut > 0 && continuation_byte(s[cut])) --cut;
  }
  while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == ';')) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

std::string lower_first(std::string s) {
  // Titles start with a capital ("Recruitment"); inside a sentence they read in lower case, except
  // when the second letter is a capital too (an acronym).
  if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string describe(const Evidence& e) {
  std::string out = "'" + shorten(e.matched, 80) + "' in " + e.citation;
  if (!e.chain.empty()) out += " (" + e.chain.back().label + ")";
  return out;
}

Evaluator::Evaluator(Corpus& corpus, Lexicons& lexicons, const std::vector<OffenceSite>& offences,
                     const Definitions& defs, const Scopes& scopes, const model::Model& model)
    : corpus_(corpus), lex_(lexicons), model_(model), offences_(offences), defs_(defs), scopes_(scopes) {}

const std::vector<ScopeItem>& Evaluator::items_for(model::Scope scope) const {
  switch (scope) {
    case model::Scope::offence:
      return scopes_.offence;
    case model::Scope::offence_terms:
      return area_ == model::Area::definition ? scopes_.offence_terms : scopes_.offence_terms_aggravated;
    case model::Scope::anywhere:
      break;
  }
  return area_ == model::Area::definition ? scopes_.anywhere : scopes_.anywhere_operative;
}

const std::vector<std::string>& Evaluator::roles_of(std::size_t doc, std::size_t unit) {
  auto key = std::make_pair(doc, unit);
  if (auto it = roles_.find(key); it != roles_.end()) return it->second;
  std::vector<std::string> roles;
  auto add = [&](const std::string& r) {
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
  };
  const akn::Document& d = *corpus_.doc(doc).doc;
  // Heading first: the unit's own, then those of the Parts and Chapters above it (each heading read
  // once: a Part's heading decides for all its sections).
  for (int q = static_cast<int>(unit); q >= 0 && roles.empty(); q = d.provisions[static_cast<std::size_t>(q)].parent) {
    const auto at = static_cast<std::size_t>(q);
    if (d.provisions[at].heading.empty()) continue;
    auto cached = heading_roles_.find({doc, at});
    if (cached == heading_roles_.end()) {
      std::vector<std::string> found;
      for (const std::string& r : model::provision_roles())
        if (r != "offence" && lex_.in_text("role-" + r, doc, d.provisions[at].heading)) found.push_back(r);
      cached = heading_roles_.emplace(std::make_pair(doc, at), std::move(found)).first;
    }
    for (const std::string& r : cached->second) add(r);
  }
  if (std::any_of(offences_.begin(), offences_.end(),
                  [&](const OffenceSite& o) { return o.doc == doc && o.unit == unit; }))
    add("offence");
  return roles_.emplace(key, std::move(roles)).first->second;
}

const std::vector<ScopeItem>& Evaluator::items_with_roles(const std::vector<ScopeItem>& items,
                                                          const std::vector<std::string>& roles) {
  if (roles.empty()) return items;
  std::string key;
  for (const std::string& r : roles) key += r + " ";
  auto cache_key = std::make_pair(&items, key);
  if (auto it = role_items_.find(cache_key); it != role_items_.end()) return it->second;
  std::vector<ScopeItem> kept;
  for (const ScopeItem& item : items) {
    const auto& have = roles_of(item.doc, corpus_.doc(item.doc).unit_of[item.provision]);
    const bool fits = have.empty() || std::any_of(have.begin(), have.end(), [&](const std::string& r) {
                        return std::find(roles.begin(), roles.end(), r) != roles.end();
                      });
    if (fits) kept.push_back(item);
  }
  return role_items_.emplace(cache_key, std::move(kept)).first->second;
}

std::vector<const OffenceSite*> Evaluator::trafficking_offences() const {
  std::vector<const OffenceSite*> out;
  for (const OffenceSite& o : offences_)
    if (o.info.trafficking) out.push_back(&o);
  return out;
}

std::string Evaluator::offence_citations() const {
  std::vector<std::string> cites;
  for (const OffenceSite* o : trafficking_offences())
    cites.push_back(o->info.citation.empty() ? o->info.eid : o->info.citation);
  return join(cites, ", ");
}

bool Evaluator::may_occur(const text::CompiledPattern& cp, std::size_t doc) {
  auto [it, fresh] = may_occur_.try_emplace({&cp, doc}, false);
  if (fresh)
    it->second =
        text::may_match(cp, corpus_.indexed(doc, {0, static_cast<std::uint32_t>(corpus_.doc(doc).text.size())}));
  return it->second;
}

const text::CompiledPattern& Evaluator::compiled(const model::Pattern& p, text::Language lang) {
  auto key = std::make_pair(&p, lang);
  auto it = compiled_.find(key);
  if (it == compiled_.end()) it = compiled_.emplace(key, text::compile(p.node, corpus_.tokenizer(lang))).first;
  return it->second;
}

Evidence Evaluator::make_evidence(const ScopeItem& item, const model::Pattern& p, pattern::Node::Kind kind,
                                  const text::Match& m) {
  const DocText& dt = corpus_.doc(item.doc);
  const akn::Document& d = *dt.doc;
  std::vector<ByteRange> spans;
  for (const auto& [b, e] : m.spans) spans.push_back({item.range.first + b, item.range.first + e});
  std::size_t provision = item.provision;
  if (!spans.empty()) {
    provision = dt.provision_at(spans.front().first);
    bool alternatives = kind == pattern::Node::Kind::any_of || kind == pattern::Node::Kind::phrase;
    if (alternatives) {
      // One alternative is enough: cite where the first one stands, highlight what stands there.
      std::vector<ByteRange> inside;
      for (const ByteRange& s : spans)
        if (s.first >= dt.subtree[provision].first && s.second <= dt.subtree[provision].second) inside.push_back(s);
      spans = inside;
    } else {
      for (const ByteRange& s : spans) provision = dt.common_ancestor(provision, dt.provision_at(s.first));
    }
  }
  Evidence ev;
  ev.document = d.path;
  ev.doc_title = d.title;
  ev.eid = d.provisions[provision].eid;
  ev.citation = cite_of(d.provisions[provision]);
  auto [passage, highlights] = window(dt.slice(dt.subtree[provision]), dt.subtree[provision].first, spans);
  ev.passage = std::move(passage);
  ev.highlights = std::move(highlights);
  std::vector<std::string> words;
  for (const ByteRange& s : spans) {
    if (words.size() == 6) break;
    std::string w(dt.slice(s));
    std::replace(w.begin(), w.end(), '\n', ' ');
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  ev.matched = join(words, " \xE2\x80\xA6 ");
  ev.pattern = p.source;
  ev.language = p.language;
  ev.chain = item.chain;
  return ev;
}

Evidence Evaluator::passage_evidence(std::size_t doc, ByteRange highlight, const std::string& check,
                                     const std::vector<ChainLink>& chain) {
  const DocText& dt = corpus_.doc(doc);
  const akn::Document& d = *dt.doc;
  // Checks quote by length ("the first 200 bytes"): widen the highlight to whole words, so that it
  // never ends inside one ("exploiting t|hem"). Bytes of multi-byte characters count as letters.
  const std::string_view text = dt.text;
  auto word_byte = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return std::isalnum(c) || c >= 0x80;
  };
  if (highlight.second > highlight.first && highlight.second <= text.size()) {
    while (highlight.second < text.size() && word_byte(highlight.second - 1) && word_byte(highlight.second))
      ++highlight.second;
    while (highlight.first > 0 && word_byte(highlight.first - 1) && word_byte(highlight.first)) --highlight.first;
  }
  std::size_t provision = dt.provision_at(highlight.first);
  if (highlight.second > highlight.first)
    provision = dt.common_ancestor(provision, dt.provision_at(highlight.second - 1));
  Evidence ev;
  ev.document = d.path;
  ev.doc_title = d.title;
  ev.eid = d.provisions[provision].eid;
  ev.citation = cite_of(d.provisions[provision]);
  std::vector<ByteRange> spans;
  if (highlight.second > highlight.first) spans.push_back(highlight);
  auto [passage, highlights] = window(dt.slice(dt.subtree[provision]), dt.subtree[provision].first, spans);
  ev.passage = std::move(passage);
  ev.highlights = std::move(highlights);
  ev.matched = shorten(std::string(dt.slice(highlight)), 200);
  std::replace(ev.matched.begin(), ev.matched.end(), '\n', ' ');
  ev.pattern = "check " + check;
  ev.language = dt.model_language;
  ev.chain = chain;
  return ev;
}

std::vector<Evaluator::Hit> Evaluator::search(const model::Element& element, const std::vector<ScopeItem>& items,
                                              std::size_t limit) {
  return search_with(element.patterns, items, limit);
}

std::vector<Evaluator::Hit> Evaluator::search_with(const std::vector<model::Pattern>& patterns,
                                                   const std::vector<ScopeItem>& items, std::size_t limit,
                                                   bool other_languages) {
  std::vector<Hit> hits;
  if (patterns.empty()) return hits;
  for (const ScopeItem& item : items) {
    const DocText& dt = corpus_.doc(item.doc);
    if (skip_purpose_definitions_ && !item.chain.empty() && item.chain.back().kind == "defined-term") {
      // "uses the defined term 'forced labour'": the term is the text between the last two quotes.
      const std::string& label = item.chain.back().label;
      const std::size_t close = label.rfind('\'');
      const std::size_t open =
          close == std::string::npos || close == 0 ? std::string::npos : label.rfind('\'', close - 1);
      if (open != std::string::npos &&
          lex_.in_text("exploitation-purpose", item.doc, std::string_view(label).substr(open + 1, close - open - 1)))
        continue;
    }
    bool has_own_language = std::any_of(patterns.begin(), patterns.end(),
                                        [&](const model::Pattern& p) { return p.language == dt.model_language; });
    std::optional<text::TextWindow> indexed;
    for (const model::Pattern& p : patterns) {
      // The document's language; every language when it is unknown or the model has none for it.
      if ((has_own_language || !other_languages) && p.language != dt.model_language) continue;
      const text::CompiledPattern& cp = compiled(p, dt.language);
      if (!may_occur(cp, item.doc)) continue;
      if (!indexed) indexed = corpus_.indexed(item.doc, item.range);
      if (!text::matches(cp, *indexed)) continue;
      // For "a OR b OR (c AND d)", cite the alternative that matches earliest in the text, with only
      // its words: a match reports the spans of every alternative, mixing unrelated provisions.
      text::CompiledPattern narrowed = cp;
      pattern::Node narrowed_source = p.node;
      while (narrowed.root.kind == pattern::Node::Kind::any_of || narrowed.root.kind == pattern::Node::Kind::all_of) {
        if (narrowed.root.kind == pattern::Node::Kind::all_of) {
          // "(consent NEAR "not a defence") AND (trafficking OR exploitation)": the first operand is
          // the evidence, the others only confirm the context; cite where the first one stands.
          if (narrowed.root.children.empty()) break;
          text::CompiledPattern first{cp.language, cp.vocabulary,
                                      narrowed_source.children.empty() ? narrowed_source : narrowed_source.children[0],
                                      narrowed.root.children[0]};
          narrowed_source = first.source;
          narrowed = std::move(first);
          continue;
        }
        std::optional<text::CompiledPattern> best;
        std::uint32_t best_begin = 0;
        for (std::size_t i = 0; i < narrowed.root.children.size(); ++i) {
          text::CompiledPattern alternative{
              cp.language, cp.vocabulary,
              narrowed_source.children.size() > i ? narrowed_source.children[i] : narrowed_source,
              narrowed.root.children[i]};
          if (!text::matches(alternative, *indexed)) continue;
          text::Match am = text::match(alternative, *indexed);
          if (!am || am.spans.empty()) continue;
          if (!best || am.spans.front().first < best_begin) {
            best_begin = am.spans.front().first;
            best = std::move(alternative);
          }
        }
        if (!best) break;
        narrowed_source = best->source;
        narrowed = std::move(*best);
      }
      text::Match m = text::match(narrowed, *indexed);
      if (!m) continue;
      hits.push_back({&item, make_evidence(item, p, narrowed_source.kind, m)});
      break;
    }
    if (hits.size() >= limit) break;
  }
  return hits;
}

std::vector<Evaluator::Hit> Evaluator::search_partial(const model::Element& element,
                                                      const std::vector<ScopeItem>& items, std::size_t limit) {
  // Only in the document's own language: partial wording is too loose to try in every language.
  return search_with(element.partial_patterns, items, limit, /*other_languages=*/false);
}

namespace {

// Words that, just before or just after a red flag's match, say the requirement does NOT apply:
// "whether or not ... across a border", "sans qu'il soit nécessaire que ... franchi une frontière",
// "... is not required", "independientemente de que ... cruce la frontera".
// Whether the clause around a red flag's words names the requirement only to exclude it: the
// words before it ("whether or not", "sans qu'il soit nécessaire") or after it ("... is not
// required", "o no") come from the negation-before / negation-after lexicons, in the document's
// language.
bool negated(const Evidence& ev, Lexicons& lex, std::size_t doc) {
  if (ev.highlights.empty()) return false;
  const std::uint32_t first = ev.highlights.front().first;
  const std::uint32_t last = ev.highlights.back().second;
  auto clause_before = [&](std::uint32_t at) {
    std::uint32_t from = at > 240 ? at - 240 : 0;
    from = static_cast<std::uint32_t>(utf8_boundary_at_or_after(ev.passage, from));
    std::string_view window(ev.passage.data() + from, at - from);
    std::size_t stop = window.find_last_of(";.:");
    if (stop != std::string_view::npos) window.remove_prefix(stop + 1);
    return window;
  };
  auto clause_after = [&](std::uint32_t at) {
    std::string_view rest(ev.passage.data() + std::min<std::size_t>(at, ev.passage.size()),
                          ev.passage.size() - std::min<std::size_t>(at, ev.passage.size()));
    rest = utf8_prefix(rest, 90);
    std::size_t stop = rest.find_first_of(";.");
    if (stop != std::string_view::npos) rest = rest.substr(0, stop);
    return rest;
  };
  return lex.in_text("negation-before", doc, clause_before(first)) ||
         lex.in_text("negation-after", doc, clause_after(last));
}

}  // namespace

ElementFinding Evaluator::evaluate_patterns(const model::Element& e, bool red_flag) {
  ElementFinding f;
  f.id = e.id;
  f.title = e.title;
  f.red_flag = red_flag;
  const std::string title = lower_first(e.title);
  const bool offence_found = !scopes_.offence.empty();
  const std::string cites = offence_citations();

  if (red_flag) {
    // A red flag looks only where its scope says (never "anywhere" beyond the offence by default):
    // words in an unrelated provision must not make the offence conflict with the Protocol.
    const auto& items = e.scope == model::Scope::anywhere ? scopes_.offence_terms : items_for(e.scope);
    auto hits = search(e, items, 6);
    std::vector<ScopeItem> paragraphs;  // outlives the hits, which point into it
    if (hits.empty() && e.scope == model::Scope::offence) {
      // An article whose numbered paragraphs are separate offences ("1. Quem ... levando-a para país
      // estrangeiro ... 2. Quem, por qualquer meio, ... menor, dentro ou fora do território nacional"):
      // words that set the requirement aside in one paragraph (an alternative, an aggravation) say
      // nothing of another. Each paragraph is read on its own; paragraphs about children are left to
      // the child checks.
      for (const ScopeItem& item : items) {
        const DocText& dt = corpus_.doc(item.doc);
        for (std::size_t c : dt.doc->provisions[item.provision].children) {
          const ByteRange r = dt.subtree[c];
          if (r.first < item.range.first || r.second > item.range.second || lex_.in("child", item.doc, r)) continue;
          if (!lex_.in("offence-formula", item.doc, r)) continue;  // a paragraph that is an offence of its own
          paragraphs.push_back(ScopeItem{item.doc, r, c, item.tier, item.chain});
        }
      }
      if (!paragraphs.empty()) hits = search(e, paragraphs, 6);
    }
    // "without it being necessary that the victim crossed a border" names the requirement only to
    // exclude it: such a passage supports the Protocol rather than conflicting with it.
    std::vector<Hit> excluded;
    for (auto it = hits.begin(); it != hits.end();) {
      if (negated(it->evidence, lex_, it->item->doc)) {
        excluded.push_back(std::move(*it));
        it = hits.erase(it);
      } else {
        ++it;
      }
    }
    if (hits.empty() && !excluded.empty()) {
      f.status = Status::met;
      f.confidence = confidence::kFirm;
      f.reason = "the offence expressly excludes " + title + ": " + describe(excluded.front().evidence);
      for (auto& h : excluded) f.evidence.push_back(std::move(h.evidence));
      return f;
    }
    if (hits.size() > 3) hits.resize(3);
    if (!hits.empty()) {
      f.status = Status::conflict;
      f.confidence = hits.front().item->tier == 0 ? 0.85 : 0.7;
      f.reason = title + ": " + describe(hits.front().evidence);
      for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
    } else {
      f.status = Status::met;
      f.confidence = offence_found ? 0.7 : 0.4;
      f.reason = offence_found ? "no requirement of " + title + " found in the offence " + cites
                               : "no provision creating a trafficking offence was found to check for " + title;
    }
    return f;
  }

  if (e.scope != model::Scope::anywhere && !offence_found) {
    f.status = Status::gap;
    f.confidence = confidence::kTentative;
    f.reason = "no provision creating a trafficking offence was found";
    return f;
  }
  // Evidence from anywhere in the law only from provisions that can carry the element (its roles).
  const std::vector<ScopeItem>& items =
      e.scope == model::Scope::anywhere ? items_with_roles(items_for(e.scope), e.roles) : items_for(e.scope);
  auto hits = search(e, items, 3);
  if (!hits.empty()) {
    f.status = Status::met;
    int tier = hits.front().item->tier;
    f.confidence = tier == 0 ? 0.9 : tier == 1 ? 0.75 : 0.8;
    f.reason = e.title + ": " + describe(hits.front().evidence);
    for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
    return f;
  }
  // Wording that reaches the element only in part ("forced labour" for servitude), in the scope.
  if (auto partly = search_partial(e, items_for(e.scope), 2); !partly.empty()) {
    f.status = Status::partial;
    f.confidence = confidence::kDoubtful;
    f.reason = e.title + ": reached only in part, by " + describe(partly.front().evidence) +
               (e.explanation.empty() ? "" : " (" + e.explanation + ")");
    for (auto& h : partly) f.evidence.push_back(std::move(h.evidence));
    return f;
  }
  if (e.scope != model::Scope::anywhere) {
    auto outside = search(e, items_for(model::Scope::anywhere), 6);
    // Words elsewhere count for something only in a provision about trafficking or exploitation:
    // "received by a person" in the definition of "gain" says nothing about the offence.
    std::erase_if(outside, [&](const Hit& h) { return !lex_.in("on-topic", h.item->doc, h.item->range); });
    if (outside.size() > 2) outside.resize(2);
    if (!outside.empty()) {
      f.status = Status::partial;
      f.confidence = confidence::kTentative;
      f.reason = e.title + ": only " + describe(outside.front().evidence) + ", outside the offence " + cites +
                 (e.scope == model::Scope::offence_terms ? " and the terms it uses" : "");
      for (auto& h : outside) f.evidence.push_back(std::move(h.evidence));
      return f;
    }
  }
  f.status = Status::gap;
  f.confidence = confidence::kProbable;
  switch (e.scope) {
    case model::Scope::offence:
      f.reason = "no evidence of \u2018" + title + "\u2019 in the offence " + cites;
      break;
    case model::Scope::offence_terms:
      f.reason = "no evidence of \u2018" + title + "\u2019 in the offence " + cites + " or the terms it uses" +
                 (scopes_.terms.empty() ? "" : " (" + shorten(join(scopes_.terms, ", "), 160) + ")");
      break;
    case model::Scope::anywhere:
      f.reason = "no evidence of \u2018" + title + "\u2019 in any of the documents";
      break;
  }
  return f;
}

ElementFinding Evaluator::evaluate_element(const model::Obligation& o, const model::Element& e, bool red_flag) {
  if (!e.check.empty())
    if (auto checked = run_check(o, e, red_flag)) return *checked;
  return evaluate_patterns(e, red_flag);
}

ObligationFinding Evaluator::evaluate(const model::Obligation& o) {
  ObligationFinding f;
  f.id = o.id;
  f.instrument = o.instrument;
  f.article = o.article;
  f.title = o.title;
  f.legislated_in = o.legislated_in;
  f.klass = o.klass;
  f.area = o.area;
  area_ = o.area;
  for (const model::Element& e : o.elements) f.elements.push_back(evaluate_element(o, e, false));
  for (const model::Element& e : o.red_flags) f.red_flags.push_back(evaluate_element(o, e, true));

  const bool any_conflict = std::any_of(f.red_flags.begin(), f.red_flags.end(),
                                        [](const ElementFinding& r) { return r.status == Status::conflict; });
  std::vector<std::string> met, missing;
  double confidence = 0;
  for (const ElementFinding& el : f.elements) {
    (el.status == Status::met ? met : missing).push_back(lower_first(el.title));
    confidence += el.confidence;
  }
  if (!f.elements.empty()) confidence /= static_cast<double>(f.elements.size());
  const std::size_t total = f.elements.size();
  const bool any_found = std::any_of(f.elements.begin(), f.elements.end(), [](const ElementFinding& el) {
    return el.status == Status::met || el.status == Status::partial;
  });
  if (any_conflict) {
    const ElementFinding* flag = nullptr;
    for (const ElementFinding& r : f.red_flags)
      if (r.status == Status::conflict) {
        flag = &r;
        break;
      }
    f.status = Status::conflict;
    f.confidence = flag->confidence;
    f.reason = flag->title + ": " + flag->reason;
  } else if (met.size() == total && total > 0) {
    f.status = Status::met;
    f.confidence = confidence;
    f.reason = total == 1 ? f.elements.front().reason : "all " + std::to_string(total) + " elements found";
  } else if (any_found) {
    f.status = Status::partial;
    f.confidence = confidence;
    f.reason = std::to_string(met.size()) + " of " + std::to_string(total) +
               " elements met; not found where required: " + shorten(join(missing, ", "), 200);
  } else {
    f.status = Status::gap;
    f.confidence = confidence;
    f.reason = total == 1 ? f.elements.front().reason : "none of the elements found; " + f.elements.front().reason;
  }
  if (f.status != Status::met) f.advice = o.advice;
  return f;
}

}  // namespace palermo::analysis
