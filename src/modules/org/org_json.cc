#include "modules/org/org_json.h"

namespace samkjop::org {

using core::http::Shape;

std::vector<std::string> RoleNames() {
  std::vector<std::string> out;
  for (auto r : core::auth::kAllRoles) out.emplace_back(core::auth::RoleName(r));
  return out;
}

namespace {
std::string RoleText(core::auth::Role r) { return std::string(core::auth::RoleName(r)); }
}  // namespace

const Shape<Officer>& OfficerShape() {
  static const auto* s = &(*new Shape<Officer>("Officer"))
                              .Int("assignment_id", &Officer::assignment_id)
                              .Int("person_id", &Officer::person_id)
                              .Text("name", &Officer::name)
                              .Date("valid_from", &Officer::valid_from);
  return *s;
}

const Shape<MunicipalityView>& MunicipalityShape() {
  static const auto* s =
      &(*new Shape<MunicipalityView>("Municipality"))
           .Text("orgnr", [](const MunicipalityView& v) { return v.m.orgnr; })
           .Text("name", [](const MunicipalityView& v) { return v.m.name; })
           .Text("municipality_number",
                 [](const MunicipalityView& v) { return v.m.municipality_number; })
           .Bool("host", [](const MunicipalityView& v) { return v.m.host; })
           .OptDate("member_from", [](const MunicipalityView& v) { return v.m.member_from; })
           .OptDate("member_to", [](const MunicipalityView& v) { return v.m.member_to; })
           .Bool("orgnr_verified", [](const MunicipalityView& v) { return v.m.orgnr_verified; })
           .Object("officer", OfficerShape(), &MunicipalityView::officer, true)
           .Bool("r1_ok", [](const MunicipalityView& v) { return v.officer.has_value(); });
  return *s;
}

const Shape<ProductArea>& ProductAreaShape() {
  static const auto* s = &(*new Shape<ProductArea>("ProductArea"))
                              .Text("code", &ProductArea::code)
                              .Text("name_nb", &ProductArea::name_nb)
                              .Text("name_en", &ProductArea::name_en);
  return *s;
}

const Shape<Person>& PersonShape() {
  static const auto* s = &(*new Shape<Person>("Person"))
                              .Int("id", &Person::id)
                              .Text("name", &Person::name)
                              .OptText("email", &Person::email)
                              .OptText("phone", &Person::phone)
                              .OptText("title", &Person::title)
                              .OptText("municipality", &Person::municipality)
                              .OptText("username", &Person::username)
                              .Bool("central_staff", &Person::central_staff);
  return *s;
}

const Shape<Assignment>& AssignmentShape() {
  static const auto* s =
      &(*new Shape<Assignment>("Assignment"))
           .Int("id", &Assignment::id)
           .Int("person_id", &Assignment::person_id)
           .Text("person_name", &Assignment::person_name)
           .Enum("role", RoleNames(), [](const Assignment& a) { return RoleText(a.role); })
           .OptText("municipality", &Assignment::municipality)
           .OptText("product_area", &Assignment::product_area)
           .Date("valid_from", &Assignment::valid_from)
           .OptDate("valid_to", &Assignment::valid_to);
  return *s;
}

const Shape<CouncilMember>& CouncilMemberShape() {
  static const auto* s =
      &(*new Shape<CouncilMember>("CouncilMember"))
           .Int("person_id", &CouncilMember::person_id)
           .Text("name", &CouncilMember::name)
           .Text("municipality", &CouncilMember::municipality)
           .Enum("role", RoleNames(), [](const CouncilMember& m) { return RoleText(m.role); });
  return *s;
}

const Shape<Council>& CouncilShape() {
  static const auto* s = &(*new Shape<Council>("Council"))
                              .Enum("code", {"cooperation", "procurement"}, &Council::code)
                              .Text("name_nb", &Council::name_nb)
                              .Text("name_en", &Council::name_en)
                              .List("members", CouncilMemberShape(), &Council::members);
  return *s;
}

const Shape<UserView>& UserShape() {
  static const auto* s = &(*new Shape<UserView>("User"))
                              .Int("id", &UserView::id)
                              .Text("username", &UserView::username)
                              .OptId("person_id", &UserView::person_id)
                              .Text("name", &UserView::name)
                              .Bool("active", &UserView::active)
                              .Bool("must_change_password", &UserView::must_change_password)
                              .Bool("locked", &UserView::locked);
  return *s;
}

}  // namespace samkjop::org
