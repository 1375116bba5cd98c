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

// `size` is the document's size when known, else -1 (it passed the limit).
Status TooLarge(std::string_view name, std::int64_t size, size_t limit) {
  const std::string what =
      size >= 0 ? "dokumentet er på " + std::to_string(size) + " byte, over grensen på "
                : "dokumentet er større enn grensen på ";
  return Status::InvalidField("spend.peppol_too_large", std::string(name),
                              std::string(name) + ": for stor PEPPOL-faktura: " + what +
                                  FormatMiB(limit) + " per dokument");
}

// Line numbers of byte offsets, for offsets asked in increasing order (as
// pugixml's document order gives them), without a table of every newline.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::uint64_t LineOf(ptrdiff_t offset) {
    if (offset < 0) return 0;
    const size_t to = std::min(static_cast<size_t>(offset), text_.size());
    if (to < pos_) {  // not increasing: count again from the start
      pos_ = 0;
      line_ = 1;
    }
    line_ +=
        static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<ptrdiff_t>(pos_),
                                              text_.begin() + static_cast<ptrdiff_t>(to), '\n'));
    pos_ = to;
    return line_;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  std::uint64_t line_ = 1;
};

}  // namespace

bool LooksLikeXml(std::string_view head) {
  head = StripBom(head);
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '<';
  }
  return false;
}

core::Result<std::string> ReadPeppolDocument(std::string head, ByteSource& source,
                                             std::string_view name, size_t max_bytes) {
  const std::int64_t size = source.SizeHint();
  if (size >= 0 && static_cast<std::uint64_t>(size) > max_bytes)
    return TooLarge(name, size, max_bytes);
  if (head.size() > max_bytes) return TooLarge(name, -1, max_bytes);
  std::string data = std::move(head);
  if (size > 0) data.reserve(static_cast<size_t>(size));
  char buf[1 << 16];
  while (true) {
    core::Result<size_t> n = source.Read(buf, sizeof buf);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    if (*n > max_bytes - data.size()) return TooLarge(name, -1, max_bytes);
    data.append(buf, *n);
  }
  return data;
}

core::Result<PeppolDocument> ParsePeppolRows(std::string_view xml, std::string_view name,
                                             const PeppolRowSink& sink) {
  if (xml.size() > kMaxPeppolBytes)
    return TooLarge(name, static_cast<std::int64_t>(xml.size()), kMaxPeppolBytes);
  pugi::xml_document doc;
  // parse_default: no DTD processing, only predefined/numeric entities.
  // parse_embed_pcdata keeps an element's text in the element's own node
  // instead of a child node: half the nodes for UBL, where almost every
  // element holds one text.
  const pugi::xml_parse_result parsed = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_embed_pcdata, pugi::encoding_auto);
  LineCounter lines(xml);
  auto line_of = [&](ptrdiff_t offset) { return lines.LineOf(offset); };
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

  std::vector<InvoiceRow> batch;
  batch.reserve(kPeppolRowBatch);
  for (pugi::xml_node line = root.first_child(); line; line = line.next_sibling()) {
    if (line.type() != pugi::node_element || LocalName(line) != line_name) continue;
    InvoiceRow& row = batch.emplace_back();
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
    if (batch.size() == kPeppolRowBatch) {
      SAMKJOP_RETURN_IF_ERROR(sink(batch));
      batch.clear();
    }
  }
  if (!batch.empty()) SAMKJOP_RETURN_IF_ERROR(sink(batch));
  return out;
}

core::Result<PeppolDocument> ParsePeppol(std::string_view xml, std::string_view name) {
  std::vector<InvoiceRow> rows;
  core::Result<PeppolDocument> doc =
      ParsePeppolRows(xml, name, [&](std::span<const InvoiceRow> batch) {
        rows.insert(rows.end(), batch.begin(), batch.end());
        return Status::Ok();
      });
  if (doc.ok()) doc->rows = std::move(rows);
  return doc;
}

}  // namespace samkjop::spend
