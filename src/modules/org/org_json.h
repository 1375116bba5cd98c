// Each org entity's JSON, described once (core/http/shape.h): the responses,
// the OpenAPI schemas and the audit log's before/after images all come from
// these shapes.
#ifndef SAMKJOP_MODULES_ORG_ORG_JSON_H_
#define SAMKJOP_MODULES_ORG_ORG_JSON_H_

#include "core/http/shape.h"
#include "modules/org/org.h"

namespace samkjop::org {

const core::http::Shape<Officer>& OfficerShape();
const core::http::Shape<MunicipalityView>& MunicipalityShape();
const core::http::Shape<ProductArea>& ProductAreaShape();
const core::http::Shape<Person>& PersonShape();
const core::http::Shape<Assignment>& AssignmentShape();
const core::http::Shape<CouncilMember>& CouncilMemberShape();
const core::http::Shape<Council>& CouncilShape();
const core::http::Shape<UserView>& UserShape();

// The role names, for schemas ("admin", "director", …).
std::vector<std::string> RoleNames();

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ORG_JSON_H_
