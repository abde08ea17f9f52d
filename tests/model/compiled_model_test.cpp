// The compiled form of the model (model/compiled.hpp): the one built into palermo is the model its
// *.pal files say, it reads back exactly what was written, and damaged bytes are refused cleanly.
#include <gtest/gtest.h>

#include "model/compiled.hpp"
#include "model/model.hpp"

namespace palermo::model {
namespace {

// The model parsed from the *.pal files embedded in the binary (asking for warnings makes
// load_model parse the source rather than read the compiled form).
Model parsed_builtin_model() {
  std::vector<Diagnostic> warnings;
  auto loaded = load_model("", &warnings);
  EXPECT_TRUE(loaded.ok()) << loaded.errors().front().format();
  return loaded.ok() ? std::move(loaded).value() : Model{};
}

TEST(CompiledModel, TheBuiltInOneIsTheModelItsSourceSays) {
  // This test links the compiled model the build wrote, as the palermo executable does.
  ASSERT_FALSE(builtin_compiled_model().empty());
  auto compiled = read_compiled_model(builtin_compiled_model(), "built-in model");
  ASSERT_TRUE(compiled.ok()) << compiled.errors().front().format();
  const Model parsed = parsed_builtin_model();
  EXPECT_EQ(compiled->version, parsed.version);
  ASSERT_EQ(compiled->obligations.size(), parsed.obligations.size());
  for (std::size_t i = 0; i < parsed.obligations.size(); ++i)
    EXPECT_TRUE(compiled->obligations[i] == parsed.obligations[i]) << parsed.obligations[i].id;
  EXPECT_TRUE(compiled->lexicons == parsed.lexicons);
  EXPECT_TRUE(compiled->synonyms == parsed.synonyms);
  EXPECT_TRUE(compiled.value() == parsed);
  // And it is what load_model("") gives every command.
  auto loaded = load_model("");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.value() == parsed);
}

TEST(CompiledModel, ReadsBackWhatWasWritten) {
  const Model parsed = parsed_builtin_model();
  const std::string bytes = compile_model(parsed);
  auto back = read_compiled_model(bytes, "test");
  ASSERT_TRUE(back.ok()) << back.errors().front().format();
  EXPECT_TRUE(back.value() == parsed);
  // A small model built by hand, with every kind of pattern node.
  auto small = load_model_sources({{"t.pal", R"pal(model "t" version "1"
obligation x.one {
  instrument Protocol
  article    "5(1)"
  title      "One"
  class      mandatory
  area       criminalization
  statement  "S"
  advice     "A"
  element e "E" {
    scope anywhere
    en `NEAR(recruit* "forced labour", 4) OR (a AND b NOT c)`
  }
}
)pal"}});
  ASSERT_TRUE(small.ok()) << small.errors().front().format();
  auto small_back = read_compiled_model(compile_model(small.value()), "test");
  ASSERT_TRUE(small_back.ok());
  EXPECT_TRUE(small_back.value() == small.value());
  EXPECT_EQ(pattern::to_string(small_back->obligations[0].elements[0].patterns[0].node),
            pattern::to_string(small->obligations[0].elements[0].patterns[0].node));
}

TEST(CompiledModel, DamagedBytesAreRefusedWithAnError) {
  const std::string bytes = compile_model(parsed_builtin_model());
  ASSERT_GT(bytes.size(), 1000u);
  // Cut anywhere: an error, never a crash or a half model.
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{16}, std::size_t{17}, bytes.size() / 3,
                          bytes.size() / 2, bytes.size() - 1}) {
    auto r = read_compiled_model(std::string_view(bytes).substr(0, cut), "cut");
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.errors().front().file, "cut");
    EXPECT_NE(r.errors().front().message.find("compiled Protocol model cannot be read"), std::string::npos);
    EXPECT_NE(r.errors().front().hint.find("rebuild palermo"), std::string::npos);
  }
  // Trailing bytes, a foreign header, and huge lengths.
  EXPECT_FALSE(read_compiled_model(bytes + "x", "t").ok());
  EXPECT_FALSE(read_compiled_model("palermo-model/2\n" + bytes.substr(16), "t").ok());
  std::string huge = bytes.substr(0, 16) + "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01";
  EXPECT_FALSE(read_compiled_model(huge, "t").ok());
  // Every byte flipped in turn in the first stretch: each read ends in a model or an error.
  for (std::size_t i = 16; i < 400 && i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    auto r = read_compiled_model(damaged, "flip");
    if (!r.ok()) {
      EXPECT_FALSE(r.errors().front().message.empty());
    }
  }
}

}  // namespace
}  // namespace palermo::model
