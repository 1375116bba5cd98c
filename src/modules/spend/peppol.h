// PEPPOL BIS Billing 3.0 / EHF Billing 3.0 invoices and credit notes (UBL 2.1
// XML) as invoice lines. pugixml reads them: it never loads DTDs and expands
// only the predefined and numeric entities, so XXE and entity bombs cannot
// happen (keep it that way: no libxml2 with entity substitution).
#ifndef SAMKJOP_MODULES_SPEND_PEPPOL_H_
#define SAMKJOP_MODULES_SPEND_PEPPOL_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "modules/spend/invoice_source.h"

namespace samkjop::spend {

// The largest XML document read (a PEPPOL invoice is typically < 1 MB).
inline constexpr size_t kMaxPeppolBytes = size_t{256} << 20;

struct PeppolDocument {
  std::string document_id;  // cbc:ID
  bool credit_note = false;
  std::vector<InvoiceRow> rows;  // one per InvoiceLine / CreditNoteLine
};

// Reads one UBL Invoice or CreditNote. Each line becomes an InvoiceRow:
//  - buyer / supplier: the party's PartyLegalEntity/CompanyID with scheme
//    0192, else its EndpointID with scheme 0192, else its
//    PartyTaxScheme/CompanyID of the form NO…MVA; the first of these that is
//    a valid organisation number (else empty);
//  - supplier_name: PartyLegalEntity/RegistrationName, else PartyName/Name;
//  - invoice_date: IssueDate; amount: the line's LineExtensionAmount,
//    negated for a credit note; account: the line's AccountingCost (BT-133),
//    else the document's (BT-19), else empty;
//  - `line`: the XML line where the InvoiceLine/CreditNoteLine element starts;
//  - rejected: kCurrencyNotNok when the amount's currencyID (else the
//    DocumentCurrencyCode) is not NOK; else kBuyerNotNorwegian when the
//    buyer has no Norwegian organisation number.
// Errors (InvalidArgument, "spend.peppol_invalid", Norwegian message naming
// `name` and what is wrong): not well-formed XML (with the line), a root
// other than Invoice/CreditNote, too large.
core::Result<PeppolDocument> ParsePeppol(std::string_view xml, std::string_view name);

// True when `head` (the first bytes of a file) starts, after an optional BOM
// and whitespace, with '<': the file is XML, not CSV.
bool LooksLikeXml(std::string_view head);

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_PEPPOL_H_
