// What a report leads with: the verdict in one sentence and the recommendations in priority order,
// each pointing to where in the law to act. Plain data, rendered the same way by every format.
#pragma once
#include <string>
#include <vector>

#include "analysis/finding.hpp"

namespace palermo::report {

// How strongly a recommendation is put, as treaty-monitoring bodies grade theirs: a conflict with the
// Protocol must be removed, a mandatory obligation must be met, an optional one should be, and good
// practice beyond the Protocol is offered for consideration.
enum class Priority { urgent, required, recommended, consider };
std::string_view priority_label(Priority p);  // "urgent", "required", "recommended", "consider"

struct Recommendation {
  int number = 0;  // 1-based, stable for citing ("recommendation 3")
  Priority priority = Priority::required;
  const analysis::ObligationFinding* finding = nullptr;  // into the report it was made from
  std::vector<std::string> missing;                      // titles of the elements not met (all of them for a plain gap)
  std::vector<std::string> red_flags;                    // titles of the red flags raised (conflicts)
  // Where to act: "amend s 3 (the trafficking offence)", "amend s 19, which already covers part of
  // this", "add a provision to the Combating of Trafficking in Persons Act, 2018".
  std::string where;
  // What to write: the model's drafting advice when nothing of the obligation is met; otherwise only
  // the missing parts, so that advice never repeats what the law already provides.
  std::string action;
};

// Conflicts first, then mandatory gaps and partials, then optional, then good practice; within a
// group, in the model's order. Obligations met, not applicable or not assessed give none.
std::vector<Recommendation> recommendations(const analysis::CountryReport& report);

// One sentence: whose law, whether it creates the trafficking offence, how many mandatory obligations
// it meets, and the conflicts by name. "Not assessed" when palermo could not read the documents.
std::string verdict(const analysis::CountryReport& report);

// "Prevention of Organised Crime Act, 2004 (s 7); Immigration Control Act (s 12)": the laws the
// documents name but that were not checked, at most `limit` of them, most mentioned first.
std::string named_laws_line(const analysis::CountryReport& report, std::size_t limit = 5);

// The titles of the findings in conflict with the Protocol, with their articles, for headlines.
std::vector<std::string> conflict_names(const analysis::CountryReport& report);

}  // namespace palermo::report
