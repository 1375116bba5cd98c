// PEPPOL BIS Billing 3.0 / EHF Billing 3.0 invoices and credit notes (UBL 2.1
// XML) as invoice lines. pugixml reads them: it never loads DTDs and expands
// only the predefined and numeric entities, so XXE and entity bombs cannot
// happen (keep it that way: no libxml2 with entity substitution).
#ifndef SAMKJOP_MODULES_SPEND_PEPPOL_H_
#define SAMKJOP_MODULES_SPEND_PEPPOL_H_

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "modules/spend/invoice_source.h"

namespace samkjop::spend {

// The largest PEPPOL document read. An invoice is kilobytes (the largest
// official example is 19 KB); pugixml's tree takes several times the
// document's size (up to about 16 times for a file of tiny elements), so this
// limit, checked before a document is read or parsed, is what bounds the
// memory of PEPPOL input: documents are read and parsed one at a time.
inline constexpr size_t kMaxPeppolBytes = size_t{32} << 20;

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
// Errors (InvalidArgument, Norwegian message naming `name` and what is
// wrong): "spend.peppol_too_large" when `xml` is over kMaxPeppolBytes (checked
// before parsing; the message names the limit); "spend.peppol_invalid" for
// XML that is not well-formed (with the line) or a root other than
// Invoice/CreditNote.
core::Result<PeppolDocument> ParsePeppol(std::string_view xml, std::string_view name);

// Receives the rows of a document in batches (ParsePeppolRows); a non-OK
// status stops the parse and is returned.
using PeppolRowSink = std::function<core::Status(std::span<const InvoiceRow> rows)>;

// Rows handed to a PeppolRowSink at a time.
inline constexpr size_t kPeppolRowBatch = 4096;

// Like ParsePeppol, but hands the rows to `sink` in document order, in
// batches of at most kPeppolRowBatch, instead of holding them all: memory is
// the document's tree plus one batch (a document of 2 million empty
// InvoiceLines held them as rows in 870 MB). Everything that refuses a
// document (size, XML, root) is checked before the first batch, so a refused
// document gives no rows. The returned document has no rows. Errors: those of
// ParsePeppol, and the first one `sink` returns.
core::Result<PeppolDocument> ParsePeppolRows(std::string_view xml, std::string_view name,
                                             const PeppolRowSink& sink);

// Reads one PEPPOL document: `head` (bytes already read from `source`) and
// the rest of `source`, at most `max_bytes` in all. A source of known size
// (SizeHint) over the limit is refused before anything more is read; one of
// unknown size (standard input, a pipe) is read until it passes the limit, so
// at most `max_bytes` plus one read are held. Errors: "spend.peppol_too_large"
// naming `name` and the limit; the source's own ("spend.unreadable").
core::Result<std::string> ReadPeppolDocument(std::string head, ByteSource& source,
                                             std::string_view name,
                                             size_t max_bytes = kMaxPeppolBytes);

// True when `head` (the first bytes of a file) starts, after an optional BOM
// and whitespace, with '<': the file is XML, not CSV.
bool LooksLikeXml(std::string_view head);

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_PEPPOL_H_
