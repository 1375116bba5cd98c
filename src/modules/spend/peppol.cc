#include "modules/spend/peppol.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/nor/orgnr.h"
#include "modules/spend/csv_scan.h"
#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

using core::Status;

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  return {};
}

template <typename F>
void Children(const pugi::xml_node& parent, std::string_view local, F&& f) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) f(c);
}

std::string Text(const pugi::xml_node& n) { return std::string(TrimBlank(n.text().get())); }

std::string SchemeId(const pugi::xml_node& n) {
  return std::string(TrimBlank(n.attribute("schemeID").value()));
}

// The party's Norwegian organisation number, or "" (see ParsePeppol).
std::string PartyOrgnr(const pugi::xml_node& party) {
  std::optional<std::string> found;
  Children(party, "PartyLegalEntity", [&](const pugi::xml_node& legal) {
    Children(legal, "CompanyID", [&](const pugi::xml_node& id) {
      if (!found && SchemeId(id) == "0192") found = core::nor::NormalizeOrgnr(Text(id));
    });
  });
  if (found) return *found;
  Children(party, "EndpointID", [&](const pugi::xml_node& id) {
    if (!found && SchemeId(id) == "0192") found = core::nor::NormalizeOrgnr(Text(id));
  });
  if (found) return *found;
  Children(party, "PartyTaxScheme", [&](const pugi::xml_node& tax) {
    Children(tax, "CompanyID", [&](const pugi::xml_node& id) {
      if (found) return;
      std::string compact;
      for (char c : Text(id))
        if (c != ' ') compact.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
      if (compact.size() > 5 && compact.compare(0, 2, "NO") == 0 &&
          compact.compare(compact.size() - 3, 3, "MVA") == 0)
        found = core::nor::NormalizeOrgnr(compact);
    });
  });
  return found ? *found : std::string();
}

std::string PartyName(const pugi::xml_node& party) {
  std::string name = Text(Child(Child(party, "PartyLegalEntity"), "RegistrationName"));
  if (name.empty()) name = Text(Child(Child(party, "PartyName"), "Name"));
  return name;
}

Status Invalid(std::string_view name, const std::string& what) {
  return Status::InvalidField("spend.peppol_invalid", std::string(name),
                              std::string(name) + ": ikke en lesbar PEPPOL-faktura: " + what);
}

}  // namespace

bool LooksLikeXml(std::string_view head) {
  head = StripBom(head);
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '<';
  }
  return false;
}

core::Result<PeppolDocument> ParsePeppol(std::string_view xml, std::string_view name) {
  if (xml.size() > kMaxPeppolBytes) return Invalid(name, "filen er større enn 256 MB");
  pugi::xml_document doc;
  // parse_default: no DTD processing, only predefined/numeric entities.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  std::vector<size_t> newline_offsets;
  for (size_t idx = 0; idx < xml.size(); ++idx)
    if (xml[idx] == '\n') newline_offsets.push_back(idx);
  auto line_of = [&](ptrdiff_t offset) -> std::uint64_t {
    if (offset < 0) return 0;
    return static_cast<std::uint64_t>(std::lower_bound(newline_offsets.begin(),
                                                       newline_offsets.end(),
                                                       static_cast<size_t>(offset)) -
                                      newline_offsets.begin()) +
           1;
  };
  if (!parsed) {
    return Invalid(name, std::string("XML-feil på linje ") +
                             std::to_string(line_of(parsed.offset)) + ": " + parsed.description());
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view root_name = LocalName(root);
  PeppolDocument out;
  std::string_view line_name;
  if (root_name == "Invoice") {
    line_name = "InvoiceLine";
  } else if (root_name == "CreditNote") {
    line_name = "CreditNoteLine";
    out.credit_note = true;
  } else {
    return Invalid(name, "rotelementet er <" + std::string(root.name()) +
                             ">, ikke UBL Invoice eller CreditNote");
  }
  out.document_id = Text(Child(root, "ID"));
  const std::string issue_date = Text(Child(root, "IssueDate"));
  const std::string doc_currency = Text(Child(root, "DocumentCurrencyCode"));
  const std::string doc_account = Text(Child(root, "AccountingCost"));
  const pugi::xml_node seller = Child(Child(root, "AccountingSupplierParty"), "Party");
  const pugi::xml_node buyer = Child(Child(root, "AccountingCustomerParty"), "Party");
  const std::string seller_orgnr = PartyOrgnr(seller);
  const std::string seller_name = PartyName(seller);
  const std::string buyer_orgnr = PartyOrgnr(buyer);

  Children(root, line_name, [&](const pugi::xml_node& line) {
    InvoiceRow row;
    row.line = line_of(line.offset_debug());
    row.buyer_orgnr = buyer_orgnr;
    row.supplier_orgnr = seller_orgnr;
    row.supplier_name = seller_name;
    row.invoice_date = issue_date;
    const pugi::xml_node amount = Child(line, "LineExtensionAmount");
    std::string value = Text(amount);
    if (out.credit_note) {
      if (!value.empty() && value[0] == '-')
        value.erase(0, 1);
      else
        value.insert(0, "-");
    }
    row.amount = std::move(value);
    row.account = Text(Child(line, "AccountingCost"));
    if (row.account.empty()) row.account = doc_account;
    std::string currency(TrimBlank(amount.attribute("currencyID").value()));
    if (currency.empty()) currency = doc_currency;
    if (currency != "NOK")
      row.rejected = RejectReason::kCurrencyNotNok;
    else if (buyer_orgnr.empty())
      row.rejected = RejectReason::kBuyerNotNorwegian;
    out.rows.push_back(std::move(row));
  });
  return out;
}

}  // namespace samkjop::spend
