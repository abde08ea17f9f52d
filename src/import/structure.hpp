// Recognising a statute's structure in plain text: which lines are parts, chapters, sections and
// articles, and which enumeration markers ("(1)", "(a)", "1°") are subdivisions — only when their
// numbering runs in sequence. Everything else stays text where it stood: nothing is dropped.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "util/result.hpp"

namespace palermo::import {

// One provision found in the text. Plain data; the AKN writer (akn_writer.hpp) turns it into XML.
struct Node {
  std::string element;             // AKN element: "chapter", "section", "article", "subsection", "point", "hcontainer"
  std::string name;                // hcontainer's name ("schedule"); empty otherwise
  std::string num;                 // as written: "3.", "Article 225-4-1", "(a)", "CHAPTER II"
  std::string label;               // the number alone, for the eId: "3", "225-4-1", "a", "ii"
  std::string heading;             // may be empty
  bool heading_above = false;      // the heading was written above the number (kept in reading order by class="above")
  std::vector<std::string> intro;  // paragraphs before the children, or all of the text when none
  std::vector<Node> children;
  int line = 0;  // 1-based line of the input where the provision starts
};

struct Structure {
  std::vector<std::string> preface;  // lines before the first provision; the first is the long title
  std::vector<Node> body;
  std::map<std::string, int> counts;  // provisions recognised per element ("section": 45, ...)
  std::vector<Diagnostic> warnings;   // numbering gaps, repeated numbers, text that could not be placed
};

// `language` (ISO 639-2, "eng", "fra", ...) decides what "Section" means: a unit in English, a
// group of articles in French, Spanish, Portuguese and Italian. `file` names the input in warnings.
Structure recognise_structure(const std::string& text, const std::string& language, const std::string& file);

// The words a provision is made of, in order, for the lossless check: num, heading, text, children.
std::string node_text(const Node& node);

}  // namespace palermo::import
