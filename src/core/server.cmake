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
  search/search.cc
  files/local_file_store.cc
  files/sniff.cc
  files/file_service.cc
  files/file_routes.cc
  notify/notify.cc
  notify/mail.cc
  notify/notify_routes.cc
  notify/demo_data.cc
  export/table_export.cc
  archive/zip_reader.cc
  import/csv_reader.cc
  import/xlsx_reader.cc
  net/http_client.cc
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
  PRIVATE Boost::headers CLI11::CLI11)
# libzip: the zip reader (xlsx imports, invoice batches); libcurl: the HTTP client.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(LIBCURL REQUIRED IMPORTED_TARGET libcurl)
target_link_libraries(samkjop_core PRIVATE PkgConfig::LIBZIP PkgConfig::LIBCURL pugixml::pugixml)

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
  files/files_test.cc
  notify/notify_test.cc
  notify/mail_test.cc
  jobs/runner_test.cc
  mail/message_test.cc
)
target_link_libraries(core_test PRIVATE samkjop_core GTest::gtest_main)
gtest_discover_tests(core_test)

# core::search against real SQLite (and PostgreSQL when SAMKJOP_TEST_PG_URL is set).
add_executable(core_search_test search/search_test.cc)
target_link_libraries(core_search_test PRIVATE samkjop_core GTest::gtest_main)
gtest_discover_tests(core_search_test)
# Exports, imports, zip archives and the HTTP client (issue 9 items 4, 6, 7).
add_executable(core_io_test
  export/table_export_test.cc
  archive/zip_reader_test.cc
  import/csv_reader_test.cc
  import/xlsx_reader_test.cc
  net/http_client_test.cc
)
target_compile_definitions(core_io_test PRIVATE
  SAMKJOP_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
target_link_libraries(core_io_test PRIVATE samkjop_core PkgConfig::LIBZIP GTest::gtest_main)
gtest_discover_tests(core_io_test)
