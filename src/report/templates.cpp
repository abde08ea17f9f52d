// Looks up embedded report templates and renders them with kainjow Mustache.
#include "report/templates.hpp"

#include "util/embedded.hpp"

namespace palermo::report {

std::string_view embedded_template(std::string_view name) {
  std::string path = "reports/templates/" + std::string(name);
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  return {};
}

std::string render_template(std::string_view name, const mustache::data& data) {
  std::string_view source = embedded_template(name);
  if (source.empty()) return "<!-- palermo: template " + html_escape(name) + " is missing from this build -->";
  mustache::mustache tmpl{std::string(source)};
  if (!tmpl.is_valid())
    return "<!-- palermo: template " + html_escape(name) + ": " + html_escape(tmpl.error_message()) + " -->";
  return tmpl.render(data);
}

void set_if(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace palermo::report
