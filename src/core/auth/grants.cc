#include "core/auth/grants.h"

#include <algorithm>

namespace samkjop::core::auth {
namespace {

std::string Quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  return out + "'";
}

Status Bad(std::string detail) {
  return Status(ErrorCode::kInternal, "auth.bad_grant_table", "Tilgangstabellen er ugyldig.", {},
                std::move(detail));
}

}  // namespace

std::string_view ScopeKindName(ScopeKind k) {
  switch (k) {
    case ScopeKind::kRegion: return "region";
    case ScopeKind::kOwnMunicipality: return "own_municipality";
    case ScopeKind::kOwnMunicipalityAndArea: return "own_municipality_and_area";
    case ScopeKind::kOwnRecords: return "own_records";
  }
  return "own_records";
}

Scope Scope::Region() {
  Scope s;
  s.region_ = true;
  return s;
}

Scope Scope::Municipalities(std::set<std::string> orgnrs) {
  Scope s;
  s.municipalities_ = std::move(orgnrs);
  return s;
}

bool Scope::Covers(std::string_view municipality) const {
  return region_ || municipalities_.count(std::string(municipality)) > 0;
}

bool Scope::Covers(std::string_view municipality, std::string_view product_area) const {
  return Covers(municipality) ||
         areas_.count({std::string(municipality), std::string(product_area)}) > 0;
}

bool Scope::Touches(std::string_view municipality) const {
  if (Covers(municipality)) return true;
  return std::any_of(areas_.begin(), areas_.end(),
                     [&](const auto& a) { return a.first == municipality; });
}

std::string Scope::Sql(const ScopeColumns& c) const {
  if (region_) return "(1=1)";
  std::vector<std::string> parts;
  if (!municipalities_.empty() && !c.municipality.empty()) {
    std::string in;
    for (const auto& m : municipalities_) in += (in.empty() ? "" : ",") + Quote(m);
    parts.push_back(c.municipality + " IN (" + in + ")");
  }
  if (!areas_.empty() && !c.municipality.empty() && !c.product_area.empty()) {
    for (const auto& [m, a] : areas_)
      parts.push_back("(" + c.municipality + " = " + Quote(m) + " AND " + c.product_area + " = " +
                      Quote(a) + ")");
  }
  if (owner_user_id_ != 0 && !c.owner.empty())
    parts.push_back(c.owner + " = " + std::to_string(owner_user_id_));
  if (parts.empty()) return "(1=0)";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " OR ") + p;
  return "(" + out + ")";
}

void Scope::Merge(const Scope& o) {
  region_ = region_ || o.region_;
  municipalities_.insert(o.municipalities_.begin(), o.municipalities_.end());
  areas_.insert(o.areas_.begin(), o.areas_.end());
  if (o.owner_user_id_) owner_user_id_ = o.owner_user_id_;
}

ScopeKind Scope::Widest() const {
  if (region_) return ScopeKind::kRegion;
  if (!municipalities_.empty()) return ScopeKind::kOwnMunicipality;
  if (!areas_.empty()) return ScopeKind::kOwnMunicipalityAndArea;
  return ScopeKind::kOwnRecords;
}

Status AccessControl::Add(std::string_view module, const GrantTable& table) {
  const std::string prefix = std::string(module) + ".";
  for (const auto& p : table.permissions) {
    if (p.name.rfind(prefix, 0) != 0 || p.name.size() <= prefix.size())
      return Bad("permission " + p.name + " is not named " + prefix + "…");
    if (Find(p.name)) return Bad("permission " + p.name + " is declared twice");
    if (p.description_nb.empty() || p.description_en.empty())
      return Bad("permission " + p.name + " has no description");
    permissions_.push_back(p);
    modules_.emplace_back(module);
  }
  for (const auto& g : table.grants) {
    const Permission* p = Find(g.permission);
    if (!p) return Bad("grant of undeclared permission " + g.permission);
    if (ModuleOf(g.permission) != module)
      return Bad("module " + std::string(module) + " grants " + g.permission +
                 " of another module");
    if (p->write && g.role == Role::kAuditor)
      return Bad("write permission " + g.permission + " granted to the auditor");
    if (p->write && !g.role && g.scope != ScopeKind::kOwnRecords)
      return Bad("write permission " + g.permission + " granted to every user beyond own records");
    if (g.scope == ScopeKind::kOwnMunicipality || g.scope == ScopeKind::kOwnMunicipalityAndArea) {
      if (!g.role || !RoleNeedsMunicipality(*g.role))
        return Bad("grant of " + g.permission + " per municipality to a role held region-wide");
    }
    if (g.scope == ScopeKind::kOwnMunicipalityAndArea && g.role != Role::kProductManager)
      return Bad("grant of " + g.permission + " per product area to a role without one");
    grants_.push_back(g);
  }
  return Status::Ok();
}

const Permission* AccessControl::Find(std::string_view name) const {
  for (const auto& p : permissions_)
    if (p.name == name) return &p;
  return nullptr;
}

std::string_view AccessControl::ModuleOf(std::string_view name) const {
  for (size_t idx = 0; idx < permissions_.size(); ++idx)
    if (permissions_[idx].name == name) return modules_[idx];
  return {};
}

Scope AccessControl::ScopeFor(const Principal& caller, std::string_view permission) const {
  Scope out;
  const Permission* perm = Find(permission);
  if (!perm) return out;
  if (caller.system) return Scope::Region();
  for (const auto& g : grants_) {
    if (g.permission != permission) continue;
    if (!g.role) {
      // Every signed-in user: only own-records grants are allowed without a role.
      if (g.scope == ScopeKind::kRegion) out.Merge(Scope::Region());
      if (g.scope == ScopeKind::kOwnRecords) out.SetOwner(caller.user_id);
      continue;
    }
    for (const auto& a : caller.roles) {
      if (a.role != *g.role) continue;
      switch (g.scope) {
        case ScopeKind::kRegion: out.Merge(Scope::Region()); break;
        case ScopeKind::kOwnMunicipality: {
          bool host_chief = a.role == Role::kChiefExecutive && !caller.host_orgnr.empty() &&
                            a.municipality == caller.host_orgnr;
          if (host_chief && !perm->write)
            out.Merge(Scope::Region());
          else if (!a.municipality.empty())
            out.AddMunicipality(a.municipality);
          break;
        }
        case ScopeKind::kOwnMunicipalityAndArea:
          if (!a.municipality.empty() && !a.product_area.empty())
            out.AddArea(a.municipality, a.product_area);
          break;
        case ScopeKind::kOwnRecords: out.SetOwner(caller.user_id); break;
      }
    }
  }
  return out;
}

std::vector<std::pair<const Permission*, Scope>> AccessControl::Effective(
    const Principal& caller) const {
  std::vector<std::pair<const Permission*, Scope>> out;
  for (const auto& p : permissions_) {
    Scope s = ScopeFor(caller, p.name);
    if (!s.is_empty()) out.emplace_back(&p, std::move(s));
  }
  return out;
}

}  // namespace samkjop::core::auth
