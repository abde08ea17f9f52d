// The HTML layouts under reports/templates/, compiled into the binary, rendered with Mustache (kainjow).
#pragma once
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

namespace palermo::report {

namespace mustache = kainjow::mustache;

// The embedded file "reports/templates/NAME" ("" when absent, which a test catches).
std::string_view embedded_template(std::string_view name);
// Renders template NAME with `data`; a template error comes back as an HTML comment naming it, never a
// crash, since templates are compiled in and a test renders each of them.
std::string render_template(std::string_view name, const mustache::data& data);
// A data object whose key is set only when `value` is not empty (empty strings are truthy in Mustache
// sections, so optional parts are keyed by presence).
void set_if(mustache::data& d, const std::string& key, const std::string& value);
// HTML-escapes text (the same rules as Mustache's {{...}}), for fragments built in C++.
std::string html_escape(std::string_view s);

}  // namespace palermo::report
