// Finds penalty clauses in running text with the X3 grammar (instantiated here, and only here) and
// turns each into a PenaltyMention; summarises an offence's mentions into one Penalty.
#include "grammars/penalty/penalty.hpp"

#include <algorithm>
#include <string>

#include "grammars/penalty/grammar_def.hpp"

namespace palermo::penalty {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(clause_type, iterator_type, context_type)
clause_type const& clause() { return clause_rule; }
}  // namespace grammar

namespace {

bool lower_contains(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return grammar_words::ascii_lower(a) == b; });
  return it != haystack.end();
}

// A clause is a penalty only when it says something about the penalty: a term, life, or two
// penalties joined ("a fine or imprisonment"). A lone "imprisonment" or "fine" word is not one.
bool says_something(const ast::Clause& clause) {
  if (clause.parts.size() >= 2) return true;
  const ast::Part& p = clause.parts.front();
  if (p.kind == ast::PartKind::imprisonment) return p.life || p.max_years >= 0 || p.min_years >= 0;
  return false;
}

PenaltyMention to_mention(const ast::Clause& clause, std::size_t begin, std::size_t end, std::string_view text) {
  PenaltyMention m;
  m.begin = begin;
  m.end = end;
  m.text = std::string(text.substr(begin, end - begin));
  for (const ast::Part& p : clause.parts) {
    if (p.kind == ast::PartKind::fine) {
      m.fine = true;
      continue;
    }
    m.imprisonment = true;
    m.life = m.life || p.life;
    if (p.max_years >= 0) m.max_years = std::max(m.max_years, p.max_years);
    if (p.min_years >= 0) m.min_years = m.min_years < 0 ? p.min_years : std::min(m.min_years, p.min_years);
  }
  // A fine may replace imprisonment when the two are alternatives ("or", "ou", "o"), or when the
  // clause lets the court impose either alone ("or both", "l'une de ces deux peines seulement");
  // "and"/"et" makes both mandatory, "without the option of a fine" rules the fine out.
  bool alternative = clause.either_alone;
  for (std::size_t i = 0; i < clause.links.size(); ++i)
    if (clause.links[i] == ast::Link::or_instead && clause.parts[i].kind != clause.parts[i + 1].kind)
      alternative = true;
  m.fine_in_lieu = m.fine && m.imprisonment && alternative && !clause.fine_excluded;
  return m;
}

}  // namespace

std::vector<PenaltyMention> find_penalties(std::string_view text) {
  if (grammar_words::has_soft_hyphen(text)) {
    auto clean = grammar_words::without_soft_hyphens(text);
    auto found = find_penalties(clean.text);
    for (PenaltyMention& m : found) {
      m.begin = clean.original[m.begin];
      m.end = clean.original[m.end - 1] + 1;
    }
    return found;
  }
  std::vector<PenaltyMention> out;
  const char* const base = text.data();
  const char* const last = base + text.size();
  std::size_t pos = 0;
  while (pos < text.size()) {
    // A word starts after a non-word byte, or after a typographic apostrophe ("l’emprisonnement"),
    // whose UTF-8 bytes would otherwise read as part of a word.
    bool word_start =
        grammar_words::is_word_byte(text[pos]) && (pos == 0 || !grammar_words::is_word_byte(text[pos - 1]) ||
                                                   (pos >= 3 && text.compare(pos - 3, 3, "\xE2\x80\x99") == 0));
    if (!word_start) {
      ++pos;
      continue;
    }
    const char* it = base + pos;
    ast::Clause clause;
    bool ok = boost::spirit::x3::phrase_parse(it, last, grammar::clause(), boost::spirit::x3::ascii::space, clause);
    if (ok && !clause.parts.empty() && says_something(clause)) {
      std::size_t end = static_cast<std::size_t>(it - base);
      while (end > pos && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
      bool implied_custody = lower_contains(text.substr(pos, 4), "for ");
      std::string_view before = text.substr(pos >= 160 ? pos - 160 : 0, pos >= 160 ? 160 : pos);
      bool penal_context = lower_contains(before, "liable") || lower_contains(before, "imprison") ||
                           lower_contains(before, "sentence") || lower_contains(before, "convict") ||
                           lower_contains(before, "punish");
      if (!implied_custody || penal_context) {
        out.push_back(to_mention(clause, pos, end, text));
        pos = end;
        continue;
      }
    }
    // next word (a typographic apostrophe ends this one: "l’emprisonnement" holds two)
    while (pos < text.size() && grammar_words::is_word_byte(text[pos]) && text.compare(pos, 3, "\xE2\x80\x99") != 0)
      ++pos;
    if (text.compare(pos, 3, "\xE2\x80\x99") == 0) pos += 3;
  }
  return out;
}

Penalty summarize(const std::vector<PenaltyMention>& mentions) {
  Penalty p;
  for (const PenaltyMention& m : mentions) {
    p.imprisonment = p.imprisonment || m.imprisonment;
    p.fine = p.fine || m.fine;
    p.fine_in_lieu = p.fine_in_lieu || m.fine_in_lieu;
    p.life = p.life || m.life;
    if (m.max_years >= 0) p.max_years = std::max(p.max_years, m.max_years);
    if (m.min_years >= 0) p.min_years = p.min_years < 0 ? m.min_years : std::min(p.min_years, m.min_years);
    if (!p.text.empty()) p.text += " / ";
    p.text += m.text;
  }
  return p;
}

}  // namespace palermo::penalty
