// Tests of the penalty grammar with phrasings from the real statutes in /work/shared/statutes.
#include "grammars/penalty/penalty.hpp"

#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <fstream>
#include <sstream>

using palermo::penalty::find_penalties;
using palermo::penalty::PenaltyMention;
using palermo::penalty::summarize;

namespace {

PenaltyMention only(std::string_view text) {
  auto all = find_penalties(text);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? PenaltyMention{} : all.front();
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(Penalty, NamibiaFineOrImprisonmentOrBoth) {  // Namibia Act 1 of 2018 s 3(4)(a)
  auto m = only(
      "is liable to a fine not exceeding N$1 000 000 or to imprisonment for a period not exceeding 30 years "
      "or to both such fine and such imprisonment; and");
  EXPECT_TRUE(m.fine);
  EXPECT_TRUE(m.imprisonment);
  EXPECT_DOUBLE_EQ(m.max_years, 30);
  EXPECT_TRUE(m.fine_in_lieu);
  EXPECT_NE(m.text.find("or to both such fine and such imprisonment"), std::string::npos);
}

TEST(Penalty, UgandaFixedTermInWords) {  // Uganda Act 7 of 2009 s 3
  auto m = only("commits an offence and is liable, on conviction, to imprisonment for a term of fifteen years.");
  EXPECT_DOUBLE_EQ(m.max_years, 15);
  EXPECT_FALSE(m.fine);
  EXPECT_FALSE(m.fine_in_lieu);
}

TEST(Penalty, UgandaLifeAndWithoutOptionOfFine) {
  EXPECT_TRUE(only("is liable, on conviction, to imprisonment for life.").life);
  auto all = find_penalties(
      "to a fine not exceeding one hundred twenty currency points or to imprisonment for a term of five years, or "
      "both and on subsequent conviction for the same offence, is liable to imprisonment for a term of seven years "
      "without the option of a fine.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].fine_in_lieu);
  EXPECT_DOUBLE_EQ(all[0].max_years, 5);
  EXPECT_FALSE(all[1].fine_in_lieu);
  EXPECT_DOUBLE_EQ(all[1].max_years, 7);
  auto p = summarize(all);
  EXPECT_DOUBLE_EQ(p.max_years, 7);
  EXPECT_TRUE(p.fine_in_lieu);
}

TEST(Penalty, TanzaniaRangeWithFineInMillions) {  // Tanzania Act 6 of 2008 s 4
  auto m = only(
      "be liable to a fine of not less than five million shillings but not more than one hundred and fifty "
      "million shillings or to imprisonment for a term of not less than ten years but not more than twenty "
      "years or to both.");
  EXPECT_DOUBLE_EQ(m.min_years, 10);
  EXPECT_DOUBLE_EQ(m.max_years, 20);
  EXPECT_TRUE(m.fine_in_lieu);
  auto months = only("or to imprisonment for a term of not less than twelve months but not more than seven years");
  EXPECT_DOUBLE_EQ(months.min_years, 1);
  EXPECT_DOUBLE_EQ(months.max_years, 7);
}

TEST(Penalty, EnglishVariants) {
  EXPECT_DOUBLE_EQ(only("imprisonment for not less than 5 years").min_years, 5);
  EXPECT_TRUE(only("shall be sentenced to life imprisonment").life);
  auto range = only("to a term of imprisonment of not less than ten years and not more than twenty years");
  EXPECT_DOUBLE_EQ(range.min_years, 10);
  EXPECT_DOUBLE_EQ(range.max_years, 20);
  EXPECT_DOUBLE_EQ(only("liable on conviction to imprisonment for a term not exceeding twenty-five years").max_years,
                   25);
  EXPECT_DOUBLE_EQ(only("liable to imprisonment for fifteen (15) years").max_years, 15);
  EXPECT_DOUBLE_EQ(only("is liable on conviction for a period not exceeding seven years").max_years, 7);
  EXPECT_DOUBLE_EQ(only("imprisonment for a term not exceeding six months").max_years, 0.5);
  EXPECT_DOUBLE_EQ(only("imprisonment for a term not exceeding one hundred and twenty months").max_years, 10);
  // A period that is not a sentence is not a penalty.
  EXPECT_TRUE(find_penalties("the permit is valid for a period not exceeding two years").empty());
  // "fine" as an ordinary word is not a penalty.
  EXPECT_TRUE(find_penalties("the order of imprisonment shall be carried out in fine detail").empty());
}

TEST(Penalty, FrenchCodePenal) {  // Code pénal art 225-4-1, 225-4-2, 225-4-3, 225-4-4
  auto m = only("La traite des êtres humains est punie de sept ans d'emprisonnement et de 150 000 € d'amende.");
  EXPECT_DOUBLE_EQ(m.max_years, 7);
  EXPECT_TRUE(m.fine);
  EXPECT_FALSE(m.fine_in_lieu);
  EXPECT_DOUBLE_EQ(only("est punie de dix ans d'emprisonnement et de 1 500 000 € d'amende lorsqu'elle").max_years, 10);
  EXPECT_DOUBLE_EQ(only("est punie de vingt ans de réclusion criminelle et de 3 000 000 euros d'amende").max_years, 20);
  EXPECT_TRUE(only("est punie de la réclusion criminelle à perpétuité et de 4 500 000 euros d'amende").life);
  auto either = only(
      "est puni de trois ans d'emprisonnement et de 45 000 euros d'amende ou de l'une de ces deux peines "
      "seulement.");
  EXPECT_TRUE(either.fine_in_lieu);
}

TEST(Penalty, Spanish) {
  auto m = only("será castigado con la pena de prisión de cinco a quince años");
  EXPECT_DOUBLE_EQ(m.min_years, 5);
  EXPECT_DOUBLE_EQ(m.max_years, 15);
  EXPECT_DOUBLE_EQ(only("prisión de ocho a doce años").max_years, 12);
  EXPECT_DOUBLE_EQ(only("reclusión de 4 a 8 años").min_years, 4);
  EXPECT_TRUE(
      only("será sancionado con multa de cien a doscientos días o prisión de seis meses a un año").fine_in_lieu);
}

TEST(Penalty, WholeFrenchExtractFindsEveryPenalty) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  std::string text =
      read(std::string(PALERMO_SHARED_DIR) + "/statutes/text/fr_code-penal_traite-des-etres-humains_extract.txt");
  ASSERT_FALSE(text.empty());
  auto all = find_penalties(text);
  // 225-4-1 (7 years), 225-4-2 (10), 225-4-2 II (15), 225-4-3 (20), 225-4-4 (life), 225-14-1..2 ...
  ASSERT_GE(all.size(), 8u);
  EXPECT_DOUBLE_EQ(all.front().max_years, 7);
  auto p = summarize(all);
  EXPECT_TRUE(p.life);
  EXPECT_FALSE(p.fine_in_lieu);
}

TEST(Penalty, TanzaniaSoftHyphenInsideImprisonment) {  // Tanzania Act 6 of 2008 s 4(5), as published
  std::string text =
      "be liable to a fine of not less than five million shillings but not more than one hundred "
      "million shillings or to im\xC2\xADprisonment for a term of not less than two years and not more "
      "than ten years or to both.";
  auto m = only(text);
  EXPECT_TRUE(m.fine_in_lieu);
  EXPECT_DOUBLE_EQ(m.min_years, 2);
  EXPECT_DOUBLE_EQ(m.max_years, 10);
  EXPECT_EQ(text.substr(m.begin, 6), "a fine");
  EXPECT_EQ(text.substr(m.end - 7, 7), "to both");
}

// Phrasings of other legislatures (our own sentences in their styles).
TEST(Penalty, SpanishCodeTermBeforeCustody) {
  auto m = only("Será castigado con la pena de cinco a ocho años de prisión como reo de trata de seres humanos");
  EXPECT_TRUE(m.imprisonment);
  EXPECT_DOUBLE_EQ(m.min_years, 5);
  EXPECT_DOUBLE_EQ(m.max_years, 8);
  EXPECT_FALSE(m.fine_in_lieu);
}

TEST(Penalty, FrenchRangeOfReclusion) {
  auto m = only("est puni de la réclusion de cinq à dix ans");
  EXPECT_DOUBLE_EQ(m.min_years, 5);
  EXPECT_DOUBLE_EQ(m.max_years, 10);
}

TEST(Penalty, UsFinedOrImprisonedOrBoth) {
  auto m = only("shall be fined under this title or imprisoned not more than 20 years, or both");
  EXPECT_TRUE(m.fine);
  EXPECT_TRUE(m.imprisonment);
  EXPECT_DOUBLE_EQ(m.max_years, 20);
  EXPECT_TRUE(m.fine_in_lieu);
}

TEST(Penalty, UsAnyTermOfYearsOrLifeAndCommaList) {
  auto life = only(
      "shall be punished by a fine under this title and imprisonment for any term of years not less than 15 or for "
      "life");
  EXPECT_TRUE(life.life);
  EXPECT_FALSE(life.fine_in_lieu);
  auto comma = only("shall be fined under this title, imprisoned not more than 20 years, or both");
  EXPECT_DOUBLE_EQ(comma.max_years, 20);
  EXPECT_TRUE(comma.fine_in_lieu);
}

// Drafting traditions added for the generalisation work (issue 8): each phrasing as legislatures
// write it, with the years a lawyer reads from it.
TEST(Penalty, ChileanDegreesOfCustody) {  // Chile, Código Penal art 411 quáter (Ley 20.507)
  auto m = only("será castigado con la pena de reclusión mayor en sus grados mínimo a medio y multa");
  EXPECT_TRUE(m.imprisonment);
  EXPECT_DOUBLE_EQ(m.max_years, 15);  // the top of the middle degree of reclusión mayor
  EXPECT_GT(m.min_years, 5);
  auto menor = only("presidio menor en su grado máximo");
  EXPECT_DOUBLE_EQ(menor.max_years, 5);
}

TEST(Penalty, BracketedNumbersAndPortuguese) {
  EXPECT_DOUBLE_EQ(only("d'un emprisonnement de dix (10) à vingt (20) ans").max_years, 20);  // Cameroon loi 2005/015
  auto br = only("Pena - reclusão, de 4 (quatro) a 8 (oito) anos, e multa.");                // Brazil art 149-A style
  EXPECT_DOUBLE_EQ(br.min_years, 4);
  EXPECT_DOUBLE_EQ(br.max_years, 8);
  EXPECT_FALSE(br.fine_in_lieu);
  EXPECT_DOUBLE_EQ(only("é punido com pena de prisão de três a dez anos").max_years, 10);  // Portugal art 160 style
}

TEST(Penalty, PeruvianAndRwandanRanges) {
  auto pe = only("con pena privativa de libertad no menor de ocho ni mayor de quince años");
  EXPECT_DOUBLE_EQ(pe.min_years, 8);
  EXPECT_DOUBLE_EQ(pe.max_years, 15);
  // Rwanda Law 51/2018 art 18 (French): "plus de dix ans mais n'excédant pas quinze ans"
  EXPECT_DOUBLE_EQ(only("d'un emprisonnement de plus de dix ans mais n'excédant pas quinze ans").max_years, 15);
  auto rw = only("est passible de l'emprisonnement d'au moins dix (10) ans mais n'excédant pas quinze (15) ans");
  EXPECT_DOUBLE_EQ(rw.min_years, 10);
  EXPECT_DOUBLE_EQ(rw.max_years, 15);
  auto be = only("sera punie d'un emprisonnement d'un an à dix ans et d'une amende");  // Belgium art 433quinquies style
  EXPECT_DOUBLE_EQ(be.min_years, 1);
  EXPECT_DOUBLE_EQ(be.max_years, 10);
  // with the typographic apostrophe of the published text
  EXPECT_DOUBLE_EQ(only("est passible de l\u2019emprisonnement d\u2019au moins dix (10) ans mais n\u2019excédant pas "
                        "quinze (15) ans")
                       .max_years,
                   15);
}

TEST(Penalty, SwissCustodialSentenceOrMonetaryPenalty) {  // Swiss Criminal Code art 182 (English)
  auto m = only("shall be liable to a custodial sentence or to a monetary penalty.");
  EXPECT_TRUE(m.imprisonment);
  EXPECT_TRUE(m.fine);
  EXPECT_TRUE(m.fine_in_lieu);
  EXPECT_LT(m.max_years, 0);  // no term stated: the general part sets it
}

TEST(Penalty, ThousandsSeparatorsInAFine) {  // Canada, IRPA s 120
  auto m = only(
      "liable on conviction by way of indictment to a fine of not more than $1,000,000 or to life "
      "imprisonment, or to both.");
  EXPECT_TRUE(m.fine);
  EXPECT_TRUE(m.life);
  EXPECT_TRUE(m.fine_in_lieu);
}
