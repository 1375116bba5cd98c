// `samkjop user add` and `samkjop user passwd`: accounts from the command
// line (the first administrator, scripted set-up). The password is read
// from standard input.
#include <iostream>
#include <memory>

#include <soci/soci.h>
#include <CLI/CLI.hpp>

#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"
#include "modules/org/assignment_store.h"
#include "modules/org/module.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_json.h"
#include "modules/org/people_store.h"
#include "modules/org/product_area_store.h"

namespace samkjop::org {
namespace {

using core::Status;
using core::auth::Role;
using core::auth::Scope;

// Creates a person, an account and one role assignment valid from today, in
// one transaction with their audit entries.
core::Result<std::int64_t> AddUserWithRole(core::Services& sv, const std::string& username,
                                           const std::string& password,
                                           const std::string& role_name,
                                           const std::string& municipality,
                                           const std::string& product_area,
                                           const std::string& name) {
  auto role = core::auth::ParseRole(role_name);
  if (!role)
    return Status::InvalidField("org.unknown_role", "role", "Ukjent rolle «" + role_name + "».");
  SAMKJOP_RETURN_IF_ERROR(sv.auth.CheckPasswordPolicy(password, username, "password"));
  core::storage::Session s = sv.db.Acquire();
  auto& sql = s.sql();
  std::string muni;
  if (!municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(municipality);
    if (!n)
      return Status::InvalidField("org.invalid_orgnr", "municipality",
                                  "Ugyldig organisasjonsnummer «" + municipality + "».");
    if (!store::GetMunicipality(sql, Scope::Region(), *n))
      return Status::InvalidField("org.unknown_municipality", "municipality",
                                  "Ukjent kommune " + *n + ".");
    muni = *n;
  } else if (core::auth::RoleNeedsMunicipality(*role)) {
    return Status::InvalidField("org.missing_municipality", "municipality",
                                "Rollen krever --municipality.");
  }
  if (*role == Role::kProductManager && !store::GetProductArea(sql, product_area))
    return Status::InvalidField("org.unknown_product_area", "product_area",
                                "Ukjent eller manglende --product-area.");
  core::audit::Actor actor{0, "system", "cli"};
  core::storage::WriteTx tx(s);
  Person p;
  p.name = name;
  p.municipality = muni;
  p.id = store::InsertPerson(sql, p);
  core::audit::Record(sql, actor,
                      {"create",
                       "org.person",
                       std::to_string(p.id),
                       nullptr,
                       {{"name", p.name}, {"municipality", p.municipality}}});
  auto uid = sv.auth.CreateUser(sql, actor, username, password, p.id, false);
  if (!uid.ok()) return uid.status();
  Assignment a;
  a.person_id = p.id;
  a.role = *role;
  a.municipality = muni;
  a.product_area = *role == Role::kProductManager ? product_area : "";
  a.valid_from = core::nor::TodayIso();
  a.id = store::InsertAssignment(sql, a);
  a.person_name = p.name;
  core::audit::Record(sql, actor,
                      {"appoint", "org.role_assignment", std::to_string(a.id), nullptr,
                       AssignmentShape().ToJson(a)});
  tx.Commit();
  return *uid;
}

Status SetUserPassword(core::Services& sv, const std::string& username,
                       const std::string& password) {
  SAMKJOP_RETURN_IF_ERROR(sv.auth.CheckPasswordPolicy(password, username, "password"));
  core::storage::Session s = sv.db.Acquire();
  std::int64_t id = sv.auth.FindUserId(s.sql(), username);
  if (!id)
    return Status::NotFound("auth.user_not_found", "Brukeren «" + username + "» finnes ikke.");
  core::storage::WriteTx tx(s);
  SAMKJOP_RETURN_IF_ERROR(sv.auth.SetPassword(s.sql(), {0, "system", "cli"}, id, password, false));
  tx.Commit();
  return Status::Ok();
}

}  // namespace

void AddCli(CLI::App& app, const core::CliEnv& env) {
  auto* user = app.add_subcommand("user", "Manage local user accounts");
  user->require_subcommand(1);

  struct AddArgs {
    core::DataOptions data;
    std::string username, role, municipality, product_area, name, today;
  };
  auto add = std::make_shared<AddArgs>();
  auto* user_add = user->add_subcommand(
      "add", "Create a user with one role; the password is read from standard input");
  env.add_data_options(user_add, &add->data);
  user_add->add_option("USERNAME", add->username, "Username")->required();
  user_add
      ->add_option("--role", add->role,
                   "Role: admin, director, staff, chief_executive, officer, product_manager, "
                   "council_member, employee, auditor")
      ->required();
  user_add->add_option("--municipality", add->municipality,
                       "Organisation number of the municipality (roles held per municipality)");
  user_add->add_option("--product-area", add->product_area, "Product area code (product_manager)");
  user_add->add_option("--name", add->name, "Full name (default: the username)");
  env.add_today_option(user_add, &add->today);
  user_add->callback([add, env] {
    auto rt = env.open(add->data, add->today);
    if (!rt) return;
    std::string pw = env.read_password("Passord: ");
    auto r = AddUserWithRole(*rt->services, add->username, pw, add->role, add->municipality,
                             add->product_area, add->name.empty() ? add->username : add->name);
    if (!r.ok())
      *env.exit_code = env.fail(r.status());
    else
      std::cout << "Brukeren «" << add->username << "» er opprettet (id " << *r << ").\n";
  });

  struct PasswdArgs {
    core::DataOptions data;
    std::string username;
  };
  auto pw = std::make_shared<PasswdArgs>();
  auto* user_passwd =
      user->add_subcommand("passwd", "Set a user's password (read from standard input)");
  env.add_data_options(user_passwd, &pw->data);
  user_passwd->add_option("USERNAME", pw->username, "Username")->required();
  user_passwd->callback([pw, env] {
    auto rt = env.open(pw->data, "");
    if (!rt) return;
    std::string password = env.read_password("Nytt passord: ");
    Status st = SetUserPassword(*rt->services, pw->username, password);
    if (!st.ok())
      *env.exit_code = env.fail(st);
    else
      std::cout << "Passordet er endret.\n";
  });
}

}  // namespace samkjop::org
