#!/usr/bin/env python3
"""Writes the import test files here (committed; rerun to regenerate):

- people-utf8.csv: UTF-8 without BOM, ';', a quoted field with a line break.
- people-bom.csv: UTF-8 with BOM, ',' (as a US-style export).
- people-cp1252.csv: Windows-1252, tab-separated, with æøå and a euro sign.
- handmade.xlsx: an xlsx made by hand with Python's zipfile (not
  libxlsxwriter): namespace prefixes, shared strings with rich text, an
  inline string, a boolean, an error, a formula string, the 1904 flag off,
  dates by a built-in (14) and a custom (dd.mm.yyyy) format, a time of day,
  a gap in the columns, and a second sheet with a name.
"""
import zipfile

rows = [["Navn", "Kommune", "Notat"],
        ["Åse Ødegård", "Kongsvinger", "Linje én\nlinje to"],
        ["Per \"Pelle\" Ås", "Grue", "blåbærsyltetøy"]]


def csv(rows, delim):
    out = []
    for r in rows:
        fields = []
        for f in r:
            if any(c in f for c in [delim, '"', "\n", "\r"]):
                f = '"' + f.replace('"', '""') + '"'
            fields.append(f)
        out.append(delim.join(fields))
    return "\r\n".join(out) + "\r\n"


open("people-utf8.csv", "wb").write(csv(rows, ";").encode("utf-8"))
open("people-bom.csv", "wb").write(b"\xef\xbb\xbf" + csv(rows, ",").encode("utf-8"))
cp = [r[:] for r in rows]
cp[2][2] = "pris 5 € – æøå"
open("people-cp1252.csv", "wb").write(csv(cp, "\t").encode("cp1252"))

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/a.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/b.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WB = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="false"/><x:sheets><x:sheet name="Leverandører" sheetId="1" r:id="rId7"/><x:sheet name="Andre ark" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>"""
WBRELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
SST = """<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><x:si><x:t>Navn</x:t></x:si><x:si><x:t>Beløp</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Møbel</x:t></x:r><x:r><x:t xml:space="preserve">huset AS</x:t></x:r><x:rPh sb="0" eb="1"><x:t>IGNORE</x:t></x:rPh></x:si><x:si><x:t>Dato</x:t></x:si></x:sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><x:numFmt numFmtId="165" formatCode="&quot;kr&quot;\\ #,##0.00"/></x:numFmts><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>"""
SHEET_A = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:F4"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>3</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Aktiv</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" s="3"><x:v>1234.5</x:v></x:c><x:c r="C2" s="2"><x:v>46461</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="str"><x:f>CONCAT("a";"b")</x:f><x:v>ab</x:v></x:c><x:c r="B4"><x:v>-0.5</x:v></x:c><x:c r="C4" s="1"><x:v>59.5</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c><x:c r="F4" s="1"><x:v>61</x:v></x:c></x:row>
<x:row r="5" spans="1:3"/>
</x:sheetData></x:worksheet>"""
SHEET_B = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>uten referanser</t></is></c><c><v>7</v></c></row><row><c s="1"><v>60</v></c></row></sheetData></worksheet>"""

with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
    z.writestr("xl/strings.xml", SST)
    z.writestr("xl/styles.xml", STYLES)
    z.writestr("xl/worksheets/a.xml", SHEET_A)
    z.writestr("xl/worksheets/b.xml", SHEET_B)
