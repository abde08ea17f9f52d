// Roles: an element that declares `roles` takes evidence from anywhere in the law only in a
// provision of one of those roles (read from its heading and its Part's heading). The qualifications
// of shelter staff are not the training of officials (issue 8, failure class 4).
#include <gtest/gtest.h>

#include "support.hpp"

using namespace palermo;
using namespace palermo::analysis;
using namespace palermo::analysis::testing;

namespace {

std::string act_with(const std::string& body) {
  return R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta>
<identification source="#s"><FRBRWork><FRBRthis value="/akn/zz/act/2020/9/!main"/><FRBRuri value="/akn/zz/act/2020/9"/>
<FRBRdate date="2020-01-01" name="Generation"/><FRBRauthor href="#s"/><FRBRcountry value="zz"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/zz/act/2020/9/eng@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/9/eng@2020-01-01"/>
<FRBRdate date="2020-01-01" name="Generation"/><FRBRauthor href="#s"/><FRBRlanguage language="eng"/></FRBRExpression>
</identification></meta><body>
<section eId="sec_2"><num>2.</num><heading>Trafficking in persons</heading><content><p>A person who recruits, transports,
transfers, harbours or receives another person by means of threat, force or deception for the purpose of exploitation
commits an offence and is liable on conviction to imprisonment for a term not exceeding 20 years.</p></content></section>
)" + body +
         "</body></act></akomaNtoso>";
}

CountryReport run(const std::string& xml) {
  auto doc = akn::read_document_from_memory(xml, "roles.xml");
  if (!doc.ok()) {
    ADD_FAILURE() << doc.errors().front().format();
    return {};
  }
  std::vector<akn::Document> docs{std::move(doc).value()};
  return analyze(docs, project_model());
}

const std::string kShelterPart =
    R"(<part eId="part_4"><num>IV</num><heading>Assistance to victims of trafficking</heading>
<section eId="sec_20"><num>20.</num><heading>Shelters</heading><content><p>Every shelter for victims shall employ staff
who have received training in the care of persons who have suffered trauma.</p></content></section></part>)";

const std::string kOfficialsPart = R"(<part eId="part_5"><num>V</num><heading>Duties of officials</heading>
<section eId="sec_30"><num>30.</num><heading>Training</heading><content><p>The Minister shall provide training to police
officers and immigration officers on the identification of victims of trafficking.</p></content></section></part>)";

}  // namespace

TEST(Roles, ShelterStaffQualificationsAreNotTrainingOfOfficials) {
  const CountryReport r = run(act_with(kShelterPart));
  const ElementFinding& training = element(r, "prevention.training", "training");
  EXPECT_NE(training.status, Status::met) << training.reason;
  for (const Evidence& ev : training.evidence) EXPECT_NE(ev.eid, "sec_20") << training.reason;
}

TEST(Roles, TrainingOfOfficialsInTheirOwnPartIsEvidence) {
  const CountryReport r = run(act_with(kShelterPart + kOfficialsPart));
  const ElementFinding& training = element(r, "prevention.training", "training");
  EXPECT_EQ(training.status, Status::met) << training.reason;
  EXPECT_TRUE(cites_within(training, "sec_30")) << first_eid(training);
}

TEST(Roles, EveryRoleTheModelNamesIsOneTheAnalysisClassifies) {
  for (const model::Obligation& o : project_model().obligations)
    for (const auto* list : {&o.elements, &o.red_flags})
      for (const model::Element& e : *list)
        for (const std::string& role : e.roles) {
          const auto& known = model::provision_roles();
          EXPECT_NE(std::find(known.begin(), known.end(), role), known.end()) << o.id << "/" << e.id << ": " << role;
          if (role != "offence") {
            EXPECT_TRUE(project_model().lexicons.count("role-" + role)) << "no lexicon role-" << role;
          }
        }
}
