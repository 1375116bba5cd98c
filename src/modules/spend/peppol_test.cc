#include "modules/spend/peppol.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "modules/spend/engine.h"

namespace samkjop::spend {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string Testdata(const std::string& name) {
  return ReadFile(std::string(SPEND_TESTDATA_DIR) + "/" + name);
}

TEST(PeppolTest, NorwegianExampleComesThrough) {
  core::Result<PeppolDocument> doc = ParsePeppol(Testdata("Norwegian-example-1.xml"), "no.xml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->document_id, "TOSL108");
  EXPECT_FALSE(doc->credit_note);
  ASSERT_EQ(doc->rows.size(), 5u);
  const std::uint64_t lines[] = {317, 393, 434, 479, 519};
  const char* amounts[] = {"1273", "-3.96", "4.96", "-25", "187.5"};
  for (size_t idx = 0; idx < 5; ++idx) {
    const InvoiceRow& row = doc->rows[idx];
    EXPECT_FALSE(row.rejected.has_value()) << idx;
    EXPECT_EQ(row.line, lines[idx]);
    EXPECT_EQ(row.buyer_orgnr, "987654325");
    EXPECT_EQ(row.supplier_orgnr, "123456785");
    EXPECT_EQ(row.supplier_name, "The Sellercompany ASA");
    EXPECT_EQ(row.invoice_date, "2013-06-30");
    EXPECT_EQ(row.amount, amounts[idx]);
    EXPECT_EQ(row.account, "BookingCode00" + std::to_string(idx + 1));
  }
}

TEST(PeppolTest, NorwegianExampleInScopeThroughTheEngine) {
  core::Result<PeppolDocument> doc = ParsePeppol(Testdata("Norwegian-example-1.xml"), "no.xml");
  ASSERT_TRUE(doc.ok());
  core::Result<AccountMap> accounts = ParseCategoriesCsv(
      "account,product_area\nBookingCode001,IKT\nBookingCode002,Bøker\nBookingCode003,Bøker\n"
      "BookingCode004,IKT\nBookingCode005,IKT\n",
      "c");
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(
      "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
      "K,123456785,IKT,987654325,2013-01-01,2013-12-31\n",
      "a");
  EngineOptions opt;
  opt.year = 2013;
  opt.thresholds = {100, 200, 300};
  SpendEngine engine(*agreements, *accounts, opt);
  ASSERT_TRUE(engine.AddRows("no.xml", doc->rows).ok());
  core::Result<SpendReport> r = engine.Finish();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counts.lines_read, 5);
  EXPECT_EQ(r->counts.in_scope, 5);
  EXPECT_EQ(r->counts.rejected, 0);
  ASSERT_EQ(r->loyalty.size(), 2u);
  EXPECT_EQ(r->loyalty[0].product_area, "Bøker");
  EXPECT_EQ(r->loyalty[0].total, 100);     // -3.96 + 4.96
  EXPECT_EQ(r->loyalty[1].total, 143550);  // 1273 - 25 + 187.5
  EXPECT_EQ(r->loyalty[1].covered, 143550);
}

TEST(PeppolTest, ForeignExamplesAreRejectedWithTheRightReason) {
  struct Case {
    std::string file;
    bool credit_note;
    size_t lines;
    RejectReason reason;
  };
  const Case cases[] = {
      {"base-example.xml", false, 2, RejectReason::kCurrencyNotNok},
      {"base-creditnote-correction.xml", true, 2, RejectReason::kCurrencyNotNok},
      {"vat-category-O.xml", false, 1, RejectReason::kCurrencyNotNok},  // SEK, Norwegian buyer
  };
  for (const Case& c : cases) {
    core::Result<PeppolDocument> doc = ParsePeppol(Testdata(c.file), c.file);
    ASSERT_TRUE(doc.ok()) << c.file << ": " << doc.status().message();
    EXPECT_EQ(doc->credit_note, c.credit_note) << c.file;
    ASSERT_EQ(doc->rows.size(), c.lines) << c.file;
    for (const InvoiceRow& row : doc->rows) {
      ASSERT_TRUE(row.rejected.has_value()) << c.file;
      EXPECT_EQ(*row.rejected, c.reason) << c.file;
    }
  }
  core::Result<PeppolDocument> cn = ParsePeppol(Testdata("base-creditnote-correction.xml"), "cn");
  EXPECT_EQ(cn->rows[0].amount, "-2800");  // credit notes are negative
  EXPECT_EQ(cn->rows[1].amount, "1500");
  core::Result<PeppolDocument> o = ParsePeppol(Testdata("vat-category-O.xml"), "o");
  EXPECT_EQ(o->rows[0].buyer_orgnr, "987654325");  // EndpointID scheme 0192
}

TEST(PeppolTest, NokInvoiceFromAForeignBuyer) {
  std::string xml = Testdata("base-example.xml");
  // Same document in NOK: the buyer (FR) has no Norwegian organisation number.
  for (size_t pos = 0; (pos = xml.find("EUR", pos)) != std::string::npos;)
    xml.replace(pos, 3, "NOK");
  core::Result<PeppolDocument> doc = ParsePeppol(xml, "nok.xml");
  ASSERT_TRUE(doc.ok());
  for (const InvoiceRow& row : doc->rows)
    EXPECT_EQ(*row.rejected, RejectReason::kBuyerNotNorwegian);
}

TEST(PeppolTest, IdentifierPrecedence) {
  const std::string xml = R"(<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:ID>1</cbc:ID><cbc:IssueDate>2025-05-01</cbc:IssueDate>
 <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
 <cbc:AccountingCost>1200</cbc:AccountingCost>
 <cac:AccountingSupplierParty><cac:Party>
  <cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>
  <cac:PartyName><cbc:Name>Leverandør AS</cbc:Name></cac:PartyName>
  <cac:PartyTaxScheme><cbc:CompanyID>NO974760673MVA</cbc:CompanyID></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:CompanyID schemeID="0192">123456785</cbc:CompanyID></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party>
  <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
  <cac:PartyTaxScheme><cbc:CompanyID>NO 944 117 784 MVA</cbc:CompanyID></cac:PartyTaxScheme>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:InvoiceLine><cbc:LineExtensionAmount currencyID="NOK">10.50</cbc:LineExtensionAmount></cac:InvoiceLine>
 <cac:InvoiceLine><cbc:LineExtensionAmount>1</cbc:LineExtensionAmount>
  <cbc:AccountingCost>1300</cbc:AccountingCost></cac:InvoiceLine>
</Invoice>)";
  core::Result<PeppolDocument> doc = ParsePeppol(xml, "x.xml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->rows.size(), 2u);
  EXPECT_EQ(doc->rows[0].supplier_orgnr, "123456785");  // legal entity first
  EXPECT_EQ(doc->rows[0].supplier_name, "Leverandør AS");
  EXPECT_EQ(doc->rows[0].buyer_orgnr, "944117784");  // NO…MVA last
  EXPECT_EQ(doc->rows[0].account, "1200");           // document level (BT-19)
  EXPECT_EQ(doc->rows[1].account, "1300");           // line level (BT-133)
  EXPECT_FALSE(doc->rows[1].rejected.has_value());   // currency from the document
  EXPECT_EQ(doc->rows[0].line, 18u);
}

TEST(PeppolTest, BrokenFilesGiveClearErrors) {
  struct Case {
    std::string name, xml, part;
  };
  const Case cases[] = {
      {"not xml", "<Invoice><cbc:ID>1</Invoice", "XML-feil på linje 1"},
      {"not ubl", "<?xml version=\"1.0\"?>\n<Order><ID>1</ID></Order>", "<Order>"},
  };
  for (const Case& c : cases) {
    core::Result<PeppolDocument> doc = ParsePeppol(c.xml, "bad.xml");
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code_name(), "spend.peppol_invalid");
    EXPECT_NE(doc.status().message().find("bad.xml"), std::string::npos) << c.name;
    EXPECT_NE(doc.status().message().find(c.part), std::string::npos)
        << c.name << ": " << doc.status().message();
  }
}

// Issue 8, defect 8: a document over the per-document limit (32 MiB) is
// refused before pugixml builds its tree, naming the file and the limit.
TEST(PeppolTest, DocumentOverTheLimitIsRefused) {
  std::string xml = "<Invoice>";
  xml.resize((size_t{32} << 20) + 1 - std::string_view("</Invoice>").size(), ' ');
  xml += "</Invoice>";
  core::Result<PeppolDocument> doc = ParsePeppol(xml, "stor.xml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code_name(), "spend.peppol_too_large");
  EXPECT_NE(doc.status().message().find("stor.xml"), std::string::npos) << doc.status().message();
  EXPECT_NE(doc.status().message().find("32 MiB"), std::string::npos) << doc.status().message();
  // One byte less is read.
  xml.erase(xml.size() - std::string_view("</Invoice>").size() - 1, 1);
  doc = ParsePeppol(xml, "stor.xml");
  EXPECT_TRUE(doc.ok()) << doc.status().message();
}

// An endless source of XML-ish bytes that counts what is read from it, with
// the size it claims (-1: unknown, like standard input).
class CountingSource : public ByteSource {
 public:
  explicit CountingSource(std::int64_t size_hint) : size_hint_(size_hint) {}
  core::Result<size_t> Read(char* buffer, size_t capacity) override {
    std::memset(buffer, ' ', capacity);
    read_ += capacity;
    return capacity;
  }
  std::int64_t SizeHint() const override { return size_hint_; }
  size_t read() const { return read_; }

 private:
  std::int64_t size_hint_;
  size_t read_ = 0;
};

// Issue 8, defect 8: the reader refuses a document by its size before
// reading it, and never holds more than the limit plus one read.
TEST(ReadPeppolDocumentTest, RefusesBySizeBeforeReading) {
  CountingSource big(std::int64_t{1} << 40);  // claims 1 TiB
  core::Result<std::string> doc = ReadPeppolDocument("<Invoice>", big, "stor.xml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code_name(), "spend.peppol_too_large");
  EXPECT_EQ(big.read(), 0u);
  const std::string message = doc.status().message();
  EXPECT_NE(message.find("stor.xml"), std::string::npos) << message;
  EXPECT_NE(message.find("1099511627776 byte"), std::string::npos) << message;
  EXPECT_NE(message.find("32 MiB"), std::string::npos) << message;

  CountingSource endless(-1);  // a pipe that never ends
  doc = ReadPeppolDocument("<Invoice>", endless, "-");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code_name(), "spend.peppol_too_large");
  EXPECT_LE(endless.read(), kMaxPeppolBytes + (size_t{1} << 16));
  EXPECT_NE(doc.status().message().find("32 MiB"), std::string::npos);

  // Within the limit: head and rest, whole.
  const std::string xml = "<Invoice><ID>1</ID></Invoice>";
  MemoryByteSource small(std::string_view(xml).substr(4));
  doc = ReadPeppolDocument(xml.substr(0, 4), small, "liten.xml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(*doc, xml);
  MemoryByteSource exact(std::string_view(xml).substr(4));
  EXPECT_TRUE(ReadPeppolDocument(xml.substr(0, 4), exact, "x", xml.size()).ok());
  MemoryByteSource over(std::string_view(xml).substr(4));
  EXPECT_FALSE(ReadPeppolDocument(xml.substr(0, 4), over, "x", xml.size() - 1).ok());
}

// The rows come in document order, in batches of at most kPeppolRowBatch;
// a refused document gives none; the sink's error stops the parse.
TEST(ParsePeppolRowsTest, BatchesInOrder) {
  std::string xml = "<Invoice><cbc:IssueDate>2025-01-02</cbc:IssueDate>\n";
  constexpr size_t kLines = 2 * kPeppolRowBatch + 7;
  for (size_t idx = 0; idx < kLines; ++idx)
    xml += "<InvoiceLine><LineExtensionAmount>" + std::to_string(idx) +
           "</LineExtensionAmount></InvoiceLine>\n";
  xml += "</Invoice>";
  std::vector<size_t> batches;
  std::vector<std::string> amounts;
  std::vector<std::uint64_t> lines;
  core::Result<PeppolDocument> doc =
      ParsePeppolRows(xml, "rader.xml", [&](std::span<const InvoiceRow> rows) {
        batches.push_back(rows.size());
        for (const InvoiceRow& row : rows) {
          amounts.push_back(row.amount);
          lines.push_back(row.line);
        }
        return core::Status::Ok();
      });
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(doc->rows.empty());
  EXPECT_EQ(batches, (std::vector<size_t>{kPeppolRowBatch, kPeppolRowBatch, 7}));
  ASSERT_EQ(amounts.size(), kLines);
  for (size_t idx = 0; idx < kLines; ++idx) {
    EXPECT_EQ(amounts[idx], std::to_string(idx));
    EXPECT_EQ(lines[idx], idx + 2);
  }

  int calls = 0;
  auto count = [&](std::span<const InvoiceRow>) {
    ++calls;
    return core::Status::Ok();
  };
  EXPECT_FALSE(ParsePeppolRows(xml.substr(0, xml.size() - 3), "halv.xml", count).ok());
  EXPECT_EQ(calls, 0);
  core::Result<PeppolDocument> stopped =
      ParsePeppolRows(xml, "rader.xml", [&](std::span<const InvoiceRow>) {
        ++calls;
        return core::Status::Invalid("test.stop", "stopp");
      });
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code_name(), "test.stop");
  EXPECT_EQ(calls, 1);
}

TEST(PeppolTest, EntitiesAreNotExpanded) {
  // A DTD with entities (a "billion laughs" bomb) is skipped, never expanded.
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int idx = 2; idx < 10; ++idx) {
    xml += "<!ENTITY lol" + std::to_string(idx) + " \"";
    for (int k = 0; k < 10; ++k)
      xml += "&lol" + (idx == 2 ? std::string() : std::to_string(idx - 1)) + ";";
    xml += "\">";
  }
  xml += "]>\n<Invoice><cbc:ID xmlns:cbc=\"x\">&lol9;</cbc:ID></Invoice>";
  core::Result<PeppolDocument> doc = ParsePeppol(xml, "bomb.xml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_LT(doc->document_id.size(), 16u);
  EXPECT_TRUE(doc->rows.empty());
}

TEST(PeppolTest, LooksLikeXml) {
  EXPECT_TRUE(LooksLikeXml("<?xml"));
  EXPECT_TRUE(LooksLikeXml("\xEF\xBB\xBF \n<Invoice"));
  EXPECT_FALSE(LooksLikeXml("buyer_orgnr,amount"));
  EXPECT_FALSE(LooksLikeXml(""));
}

// Every example in shared/standards: none may fail to read; the Norwegian
// one is used, the foreign ones rejected. Fails loudly when shared/ is not
// beside the repository.
TEST(PeppolTest, AllSharedExamples) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(SAMKJOP_SHARED_DIR) / "standards/peppol-invoice/rules";
  ASSERT_TRUE(fs::is_directory(root)) << "PEPPOL examples not found at " << root
                                      << " (shared/ must be checked out beside the repository)";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    core::Result<PeppolDocument> doc = ParsePeppol(ReadFile(entry.path().string()), "x");
    ASSERT_TRUE(doc.ok()) << entry.path() << ": " << doc.status().message();
    EXPECT_FALSE(doc->rows.empty()) << entry.path();
    const bool norwegian = entry.path().filename() == "Norwegian-example-1.xml";
    for (const InvoiceRow& row : doc->rows) {
      EXPECT_EQ(row.rejected.has_value(), !norwegian) << entry.path();
      if (row.rejected) {
        EXPECT_TRUE(*row.rejected == RejectReason::kCurrencyNotNok ||
                    *row.rejected == RejectReason::kBuyerNotNorwegian);
      }
    }
  }
  EXPECT_GE(files, 10);  // nine official examples and the Norwegian one
}

}  // namespace
}  // namespace samkjop::spend
