// How sure a finding is, in one table: every check and pattern result takes one of these levels, so a
// reader of the JSON can tell a reading of the offence's own words from an inference a lawyer should
// confirm. Levels, not probabilities: they order findings, they do not measure accuracy.
#pragma once

namespace palermo::analysis::confidence {

inline constexpr double kCertain = 0.9;    // the words stand in the offence itself
inline constexpr double kFirm = 0.85;      // a clear reading of the offence's own penalty or definition
inline constexpr double kSound = 0.8;      // found where the obligation belongs, in a provision about it
inline constexpr double kLikely = 0.75;    // evidence one step removed (a definition, a general part)
inline constexpr double kProbable = 0.7;   // an absence, after looking where it would stand
inline constexpr double kTentative = 0.6;  // a reading a lawyer should confirm
inline constexpr double kDoubtful = 0.55;  // words found, but outside the provisions the element belongs in
inline constexpr double kGuess = 0.5;      // a default taken when the text says nothing either way
inline constexpr double kWeak = 0.4;       // nothing to check against (no offence found)

}  // namespace palermo::analysis::confidence
