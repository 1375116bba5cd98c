# samkjop_core: HTTP, storage, auth, audit. Boost.Beast is confined to http/server.cc.
add_library(samkjop_core STATIC
  http/http.cc
  http/problem.cc
  http/router.cc
  http/json_body.cc
  http/route_kit.cc
  http/pipeline.cc
  http/client_address.cc
  http/server.cc
  http/body_budget.cc
  http/log_field.cc
  http/static_path.cc
  storage/database.cc
  auth/principal.cc
  auth/auth_service.cc
  auth/grants.cc
  auth/hash_gate.cc
  auth/password_policy.cc
  auth/throttle.cc
  audit/audit.cc
  module/core_module.cc
  module/module.cc
  module/xlsx.cc
  metrics/gauge.cc
  jobs/runner.cc
  jobs/jobs_routes.cc
  mail/message.cc
  mail/mail.cc
)
samkjop_migrations(samkjop_core core core)
target_include_directories(samkjop_core PUBLIC ${SAMKJOP_SRC} ${SOCI_INCLUDE_DIR})
find_package(Boost 1.74 REQUIRED)  # header-only: Beast, Asio (libboost-dev)
# libpwquality (with cracklib's dictionary from cracklib-runtime): the password policy.
pkg_check_modules(PWQUALITY REQUIRED IMPORTED_TARGET pwquality)
# libcurl (libcurl4-openssl-dev): the mail job's SMTP client (core/mail).
find_package(CURL REQUIRED)
target_link_libraries(samkjop_core
  PUBLIC samkjop_base nlohmann_json::nlohmann_json spdlog::spdlog ${SOCI_CORE_LIB} PkgConfig::SODIUM
         PkgConfig::PWQUALITY PkgConfig::XLSXWRITER Threads::Threads ${CMAKE_DL_LIBS}
  PRIVATE Boost::headers CURL::libcurl CLI11::CLI11)

add_executable(core_test
  auth/auth_service_test.cc
  auth/grants_test.cc
  auth/hash_gate_test.cc
  auth/password_policy_test.cc
  auth/throttle_test.cc
  http/body_budget_test.cc
  http/client_address_test.cc
  http/json_body_test.cc
  http/log_field_test.cc
  http/router_test.cc
  http/static_path_test.cc
  http/server_test.cc
  jobs/runner_test.cc
  mail/message_test.cc
)
target_link_libraries(core_test PRIVATE samkjop_core GTest::gtest_main)
gtest_discover_tests(core_test)
