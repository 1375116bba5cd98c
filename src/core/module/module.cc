#include "core/module/module.h"

#include <set>

namespace samkjop::core {

Status ValidateModules(const std::vector<Module>& modules) {
  std::set<std::string> seen;
  for (const auto& m : modules) {
    if (m.name.empty()) return Status::Internal("a module has no name");
    for (const auto& dep : m.depends_on)
      if (!seen.count(dep))
        return Status::Internal("module " + m.name + " depends on " + dep +
                                ", which is not listed before it in src/app/modules.cc");
    if (!seen.insert(m.name).second)
      return Status::Internal("module " + m.name + " is listed twice");
  }
  return Status::Ok();
}

Result<std::unique_ptr<auth::AccessControl>> BuildAccessControl(
    const std::vector<Module>& modules) {
  auto access = std::make_unique<auth::AccessControl>();
  for (const auto& m : modules) {
    if (!m.grants) continue;
    Status st = access->Add(m.name, m.grants());
    if (!st.ok()) return st;
  }
  return access;
}

}  // namespace samkjop::core
