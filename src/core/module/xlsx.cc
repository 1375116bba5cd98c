#include "core/module/xlsx.h"

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <xlsxwriter.h>

namespace samkjop::core::xlsx {

Status WriteFile(const std::string& path, const std::vector<Sheet>& sheets) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows are written in order; keeps memory flat
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return Status::Internal("xlsx: cannot create " + path);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  std::map<std::string, lxw_format*> formats;  // by number format
  auto format_for = [&](const std::string& num_format) {
    lxw_format*& f = formats[num_format];
    if (!f) {
      f = workbook_add_format(wb);
      format_set_num_format(f, num_format.c_str());
    }
    return f;
  };
  for (const auto& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return Status::Internal("xlsx: bad sheet name " + sheet.name);
    }
    for (size_t col = 0; col < sheet.header.size(); ++col)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col), sheet.header[col].c_str(), bold);
    for (size_t col = 0; col < sheet.column_widths.size(); ++col)
      worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                           sheet.column_widths[col], nullptr);
    for (size_t row = 0; row < sheet.rows.size(); ++row) {
      const auto& cells = sheet.rows[row];
      for (size_t col = 0; col < cells.size(); ++col) {
        auto r = static_cast<lxw_row_t>(row + 1);
        auto c = static_cast<lxw_col_t>(col);
        if (const auto* s = std::get_if<std::string>(&cells[col])) {
          if (!s->empty()) worksheet_write_string(ws, r, c, s->c_str(), nullptr);
        } else if (const auto* d = std::get_if<double>(&cells[col])) {
          worksheet_write_number(ws, r, c, *d, nullptr);
        } else if (const auto* f = std::get_if<Formatted>(&cells[col])) {
          worksheet_write_number(ws, r, c, f->value, format_for(f->num_format));
        }
      }
    }
    if (!sheet.header.empty()) worksheet_freeze_panes(ws, 1, 0);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  return Status::Ok();
}

Result<std::string> WriteBytes(const std::vector<Sheet>& sheets) {
  char tmpl[] = "/tmp/samkjop-xlsx-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) return Status::Internal("xlsx: mkstemp failed");
  close(fd);
  Status st = WriteFile(tmpl, sheets);
  std::string bytes;
  if (st.ok()) {
    std::ifstream in(tmpl, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::remove(tmpl);
  if (!st.ok()) return st;
  return bytes;
}

}  // namespace samkjop::core::xlsx
