// The module list in code and the module folders CMake found are the same
// set, and the list is in dependency order with valid grant tables and a
// route table without duplicates.
#include "app/modules.h"

#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace samkjop::app {
namespace {

TEST(ModulesTest, TheListNamesExactlyTheModuleFolders) {
  std::set<std::string> folders;
  std::stringstream in(SAMKJOP_MODULE_FOLDERS);
  for (std::string name; std::getline(in, name, ',');) folders.insert(name);
  std::set<std::string> listed;
  for (const auto& m : AllModules())
    if (m.name != "core") listed.insert(m.name);
  EXPECT_EQ(listed, folders) << "src/app/modules.cc and src/modules/*/ disagree";
}

TEST(ModulesTest, DependencyOrderAndGrantTablesAreValid) {
  auto modules = AllModules();
  ASSERT_TRUE(core::ValidateModules(modules).ok()) << core::ValidateModules(modules).detail();
  auto access = core::BuildAccessControl(modules);
  ASSERT_TRUE(access.ok()) << access.status().detail();
}

TEST(ModulesTest, ValidateModulesRefusesAModuleBeforeItsDependency) {
  core::Module a, b;
  a.name = "a";
  a.depends_on = {"b"};
  b.name = "b";
  EXPECT_FALSE(core::ValidateModules({a, b}).ok());
  EXPECT_TRUE(core::ValidateModules({b, a}).ok());
  EXPECT_FALSE(core::ValidateModules({b, b}).ok());
}

}  // namespace
}  // namespace samkjop::app
