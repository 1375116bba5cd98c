// The access model: each module declares its permissions and one grant table
// (role → permission → scope) in its permissions.h; AccessControl collects
// them, and derives a caller's Scope for a permission from the roles the
// caller holds today. The table is the only source of truth: the pipeline
// checks a route's permission with it, stores filter rows by the Scope in SQL,
// /api/auth/me hands the caller's effective permissions to the web, and
// GET /api/permissions shows the whole table. See docs/decisions/0005.
#ifndef SAMKJOP_CORE_AUTH_GRANTS_H_
#define SAMKJOP_CORE_AUTH_GRANTS_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/audit/audit.h"
#include "core/auth/principal.h"
#include "core/error/status.h"

namespace samkjop::core::auth {

// How far a grant reaches. Ordered from widest to narrowest.
enum class ScopeKind {
  kRegion,                  // every municipality of the cooperation
  kOwnMunicipality,         // the municipality of the role assignment
  kOwnMunicipalityAndArea,  // that municipality × the assignment's product area
  kOwnRecords,              // the caller's own records (session, password, own notifications)
};
std::string_view ScopeKindName(ScopeKind k);  // "region", "own_municipality", …

// A permission, named "<module>.<entity>.<verb>" (e.g. "org.people.write").
struct Permission {
  std::string name;
  bool write = false;  // changes data; the auditor never holds a write permission
  std::string description_nb;
  std::string description_en;
};

// One row of a grant table. `role` nullopt: every signed-in user (used for
// own-records permissions such as logging out).
struct Grant {
  std::optional<Role> role;
  std::string permission;
  ScopeKind scope = ScopeKind::kRegion;
};

// What a module's permissions.h returns.
struct GrantTable {
  std::vector<Permission> permissions;
  std::vector<Grant> grants;
};

// The columns a store filters on; empty names are not filtered by.
struct ScopeColumns {
  std::string municipality;  // orgnr column, e.g. "p.municipality"
  std::string product_area;  // product-area code column
  std::string owner;         // user-id column of records owned by one user
};

// Which rows a caller may reach under one permission: the whole region, or a
// set of municipalities, of (municipality, product area) pairs, and/or the
// caller's own records. Value type; the empty Scope reaches nothing.
class Scope {
 public:
  Scope() = default;  // reaches nothing
  static Scope Region();
  static Scope Municipalities(std::set<std::string> orgnrs);

  bool is_region() const { return region_; }
  bool is_empty() const {
    return !region_ && municipalities_.empty() && areas_.empty() && owner_user_id_ == 0;
  }
  const std::set<std::string>& municipalities() const { return municipalities_; }
  const std::set<std::pair<std::string, std::string>>& areas() const { return areas_; }
  std::int64_t owner_user_id() const { return owner_user_id_; }  // 0: no own-records grant

  // Whether a row of `municipality` (any product area) is reached.
  bool Covers(std::string_view municipality) const;
  // Whether a row of `municipality` × `product_area` is reached.
  bool Covers(std::string_view municipality, std::string_view product_area) const;
  // Whether some row of `municipality` may be reached (the whole municipality or
  // one of its product areas): for "may this caller act in municipality X at all".
  bool Touches(std::string_view municipality) const;

  // A SQL boolean expression selecting the reached rows, e.g.
  // "(p.municipality IN ('944117784','964948143'))"; "(1=1)" for the region,
  // "(1=0)" when nothing is reached. The values are organisation numbers and
  // product-area codes checked when they were stored; they are quoted with
  // '' escaping, so the text is safe to splice into a statement.
  std::string Sql(const ScopeColumns& columns) const;

  // The union of two scopes.
  void Merge(const Scope& other);
  void AddMunicipality(std::string orgnr) { municipalities_.insert(std::move(orgnr)); }
  void AddArea(std::string orgnr, std::string area) {
    areas_.emplace(std::move(orgnr), std::move(area));
  }
  void SetOwner(std::int64_t user_id) { owner_user_id_ = user_id; }

  // The widest kind reached ("region" > own_municipality > … > own_records).
  ScopeKind Widest() const;

 private:
  bool region_ = false;
  std::set<std::string> municipalities_;
  std::set<std::pair<std::string, std::string>> areas_;
  std::int64_t owner_user_id_ = 0;
};

// Every module's grant table, collected at start-up. Constant after start-up,
// so it is safe to read from every request thread.
class AccessControl {
 public:
  // Adds one module's table. Errors (kInternal, a programmer error that stops
  // start-up): a permission not named "<module>.…", a name declared twice, a
  // grant of an undeclared permission, a write permission granted to the
  // auditor, an own-records grant of a write permission to every user.
  Status Add(std::string_view module, const GrantTable& table);

  // The declared permission, or null.
  const Permission* Find(std::string_view name) const;

  // The caller's scope for `permission` from the roles in force today (the
  // principal's roles). Grants of own_municipality reach the assignment's
  // municipality; for the host's chief executive, read permissions widen
  // own_municipality to region. Empty when the caller lacks the permission.
  Scope ScopeFor(const Principal& caller, std::string_view permission) const;

  // Every permission the caller holds, with its scope, in declaration order.
  std::vector<std::pair<const Permission*, Scope>> Effective(const Principal& caller) const;

  const std::vector<Permission>& permissions() const { return permissions_; }
  const std::vector<Grant>& grants() const { return grants_; }
  // The module that declared each permission, by name.
  std::string_view ModuleOf(std::string_view permission) const;

 private:
  std::vector<Permission> permissions_;
  std::vector<std::string> modules_;  // parallel to permissions_
  std::vector<Grant> grants_;
};

// The signed-in caller as services see it: who, their scope for any
// permission, and the audit actor. Built per request by the pipeline (or by
// the CLI for the system user). Holds a copy of the principal; `access` must
// outlive it (it lives for the process).
class Caller {
 public:
  Caller(Principal principal, const AccessControl& access, std::string request_id)
      : principal_(std::move(principal)), access_(access), request_id_(std::move(request_id)) {}

  const Principal& principal() const { return principal_; }
  Scope ScopeFor(std::string_view permission) const {
    return access_.ScopeFor(principal_, permission);
  }
  audit::Actor actor() const { return {principal_.user_id, principal_.username, request_id_}; }

 private:
  Principal principal_;
  const AccessControl& access_;
  std::string request_id_;
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_GRANTS_H_
