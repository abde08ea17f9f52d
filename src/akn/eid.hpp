// The OASIS Akoma Ntoso naming convention for eIds: element abbreviations, numbers from <num>, and eIds.
#pragma once
#include <string>
#include <string_view>

namespace palermo::akn {

// The convention's abbreviation for an element ("section" -> "sec", "paragraph" -> "para"); elements
// without a listed abbreviation use their own name ("part" -> "part").
std::string_view eid_abbreviation(std::string_view element);

// The `number` part of an eId from a <num> text: final punctuation and meaningless characters removed,
// case kept, inner separators become '-': "(i)" -> "i", "1.2." -> "1-2", "3a bis" -> "3abis".
// A leading label word is dropped ("Article 225-4-1" -> "225-4-1", "Chapter IV" -> "IV").
std::string eid_number_from_num(std::string_view num);

// `[parent "__"] abbreviation "_" number` ("sec_3" + subsection + "1" -> "sec_3__subsec_1").
// An empty number gives the abbreviation alone (elements that occur once, like `body`).
std::string make_eid(std::string_view parent_eid, std::string_view element, std::string_view number);

// The last component of an eId ("sec_3__subsec_1" -> "subsec_1") and what precedes it ("sec_3").
std::string_view eid_last_component(std::string_view eid);
std::string_view eid_prefix(std::string_view eid);

}  // namespace palermo::akn
