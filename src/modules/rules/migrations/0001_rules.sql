-- The legal table (issue 9): every dated legal value with its source. A row
-- is never changed in place or deleted: an administrator adds a new value,
-- or corrects a wrong one with a new row that supersedes it (with a reason);
-- look-ups skip superseded rows. The key's prefix fixes the unit of
-- `amount`: threshold.* øre, days.* days, months.* months, flag.* 0/1.
CREATE TABLE rules_legal_values (
  id {{id}},
  value_key TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('ore', 'days', 'months', 'flag')),
  amount BIGINT NOT NULL CHECK (amount >= 0),
  in_force TEXT NOT NULL,
  source TEXT NOT NULL,
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  supersedes BIGINT UNIQUE REFERENCES rules_legal_values(id),
  reason TEXT,
  created_at TEXT,
  created_by TEXT NOT NULL,
  CHECK (unit <> 'flag' OR amount IN (0, 1)),
  CHECK (supersedes IS NULL OR reason IS NOT NULL)
);
CREATE INDEX rules_legal_values_key ON rules_legal_values(value_key, in_force);
-- The built-in table as it stood when the table moved into the database
-- (LegalTable::Builtin(), ids 1..N in its order; rules_db_test checks that
-- the two agree). created_at is NULL: these rows came with the release.
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (1, 'threshold.floor', 'ore', 10000000, '2017-01-01',
  'LOA § 2, FOA § 5-1; DOMAIN.md §1–§2 (Veileder kap. 5.2, 8.1)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (2, 'threshold.national', 'ore', 110000000, '2017-01-01',
  'FOA § 5-1; DOMAIN.md §1: sunnmoringen.no (jan. 2017), 1,1 mill. fra 1.1.2017', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (3, 'threshold.national', 'ore', 130000000, '2018-04-06',
  'FOA § 5-1; DOMAIN.md §1: prosjektanskaffelser.no «Nye terskelverdier gjeldende fra 06.04.2018»; labnorge.no; uendret i 2024 (regjeringen.no id3030686; Veileder kap. 8.1)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (4, 'threshold.eea.goods_services', 'ore', 175000000, '2017-01-01',
  'FOA § 5-3; DOMAIN.md §1: prosjektanskaffelser.no (2018) oppgir verdien før endringen 06.04.2018; FOA 2016 i kraft 1.1.2017', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (5, 'threshold.eea.goods_services', 'ore', 200000000, '2018-04-06',
  'FOA § 5-3; DOMAIN.md §1: prosjektanskaffelser.no «Nye terskelverdier gjeldende fra 06.04.2018»; labnorge.no', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (6, 'threshold.eea.goods_services', 'ore', 205000000, '2020-02-12',
  'FOA § 5-3; DOMAIN.md §1: anskaffelser.no nyhet 26.2.2020, i kraft 12.2.2020; KS-anskaffelsesforum', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (7, 'threshold.eea.goods_services', 'ore', 220000000, '2022-01-01',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2022–2024»; ikrafttredelsesdato ikke oppgitt, 1.1.2022 (EUs dato) antatt', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (8, 'threshold.eea.goods_services', 'ore', 230000000, '2024-03-14',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2024–2026»; regjeringen.no id3030686; kildeboas.no (i kraft 14.3.2024)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (9, 'threshold.eea.works', 'ore', 4400000000, '2017-01-01',
  'FOA § 5-3; DOMAIN.md §1: prosjektanskaffelser.no (2018) oppgir verdien før endringen 06.04.2018; FOA 2016 i kraft 1.1.2017', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (10, 'threshold.eea.works', 'ore', 5100000000, '2018-04-06',
  'FOA § 5-3; DOMAIN.md §1: prosjektanskaffelser.no «Nye terskelverdier gjeldende fra 06.04.2018»; labnorge.no', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (11, 'threshold.eea.works', 'ore', 5150000000, '2020-02-12',
  'FOA § 5-3; DOMAIN.md §1: anskaffelser.no nyhet 26.2.2020, i kraft 12.2.2020; KS-anskaffelsesforum', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (12, 'threshold.eea.works', 'ore', 5600000000, '2022-01-01',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2022–2024»; ikrafttredelsesdato ikke oppgitt, 1.1.2022 (EUs dato) antatt', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (13, 'threshold.eea.works', 'ore', 5780000000, '2024-03-14',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2024–2026»; regjeringen.no id3030686; kildeboas.no (i kraft 14.3.2024) (dinanbudshjelp.no skriver 57,9; 57,8 brukt)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (14, 'threshold.eea.special', 'ore', 630000000, '2017-01-01',
  'FOA § 5-3; IKKE i DOMAIN.md: generell kunnskap (EUR 750 000 for 2016–2017), må kontrolleres mot Lovdata', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (15, 'threshold.eea.special', 'ore', 695000000, '2018-04-06',
  'FOA § 5-3; DOMAIN.md §1: prosjektanskaffelser.no «Nye terskelverdier gjeldende fra 06.04.2018»; labnorge.no', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (16, 'threshold.eea.special', 'ore', 720000000, '2020-02-12',
  'FOA § 5-3; DOMAIN.md §1: anskaffelser.no nyhet 26.2.2020, i kraft 12.2.2020; KS-anskaffelsesforum', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (17, 'threshold.eea.special', 'ore', 780000000, '2022-01-01',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2022–2024»; ikrafttredelsesdato ikke oppgitt, 1.1.2022 (EUs dato) antatt', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (18, 'threshold.eea.special', 'ore', 780000000, '2024-03-14',
  'FOA § 5-3; DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2024–2026»; regjeringen.no id3030686; kildeboas.no (i kraft 14.3.2024); dinanbudshjelp.no (uendret 7,8 mill.)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (19, 'threshold.tax_certificate', 'ore', 50000000, '2017-01-01',
  'FOA § 7-2; DOMAIN.md §7: Bamble kommune («over 500 000 kroner eks mva»), cobrief.no', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (20, 'threshold.pay_conditions', 'ore', 175000000, '2017-01-01',
  'Forskrift 8.2.2008 nr. 112 § 2; IKKE i DOMAIN.md: antatt lik EØS-terskelverdien 2017 (jf. lærlingforskriften 2017: 1,75 mill.)', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (21, 'threshold.pay_conditions', 'ore', 200000000, '2018-04-06',
  'Forskrift 8.2.2008 nr. 112 § 2; IKKE i DOMAIN.md: antatt fulgt EØS-justeringen 6.4.2018', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (22, 'threshold.pay_conditions', 'ore', 205000000, '2020-02-12',
  'Forskrift 8.2.2008 nr. 112 § 2; DOMAIN.md §7: DFØ-veileder, anskaffelser.no (2,05 mill.); ikrafttredelse antatt 12.2.2020; om beløpet er justert i 2022/2024 er ikke bekreftet', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (23, 'threshold.apprentices', 'ore', 175000000, '2017-01-01',
  'Lærlingforskriften § 5 (i kraft 1.1.2017); DOMAIN.md §7: NHO Troms (1,1/1,75 mill. i 2017)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (24, 'threshold.apprentices', 'ore', 200000000, '2018-04-06',
  'Lærlingforskriften § 5; DOMAIN.md §7: arbinn.nho.no (2 mill. for andre oppdragsgivere); ikrafttredelse antatt 6.4.2018', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (25, 'days.open.tender', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (26, 'days.open.tender_no_electronic', 'days', 35, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (27, 'days.open.tender_shortened', 'days', 15, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (28, 'days.restricted.request', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (29, 'days.restricted.request_urgent', 'days', 15, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (30, 'days.restricted.tender', 'days', 25, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (31, 'days.restricted.tender_no_electronic', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (32, 'days.restricted.tender_shortened', 'days', 10, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (33, 'days.restricted.tender_no_agreement', 'days', 10, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (34, 'days.negotiation.request', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (35, 'days.negotiation.tender', 'days', 25, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (36, 'days.dialogue.request', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (37, 'days.innovation.request', 'days', 30, '2017-01-01',
  'FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og under EØS-terskelverdier» (oppdatert 1.2.2023)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (38, 'days.standstill', 'days', 10, '2017-01-01',
  'FOA § 25-2 (ordlyden ikke bekreftet), § 4-5 bokstav g; DOMAIN.md §5: WLA advokat, dinanbudstekst.no («minst 10 dager»)', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (39, 'months.framework_max', 'months', 48, '2017-01-01',
  'FOA § 11-1 (4) (del II) og § 26-1 (4) (del III), hovedregelen fire år; DOMAIN.md §6: anskaffelser.no «Korleis inngå rammeavtalar»', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (40, 'months.tax_certificate_max_age', 'months', 6, '2017-01-01',
  'FOA § 7-2; DOMAIN.md §7: Bamble kommune («skal ikke være eldre enn seks måneder»), cobrief.no', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (41, 'flag.part_ii_applies', 'flag', 1, '2017-01-01',
  'FOA del II (nasjonale anskaffelser); DOMAIN.md §0: NOU 2023:26 foreslo å fjerne del II, ikke vedtatt', 1, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (42, 'threshold.national', 'ore', 130000000, '2026-01-01',
  'FOA § 5-1; DOMAIN.md §1: nye EU-verdier gjelder fra 1.1.2026 (delegert forordning (EU) 2025/2152); norske 2026–2027-verdier er IKKE lagt inn: 2024-verdien er videreført til en administrator legger inn den fastsatte verdien', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (43, 'threshold.eea.goods_services', 'ore', 230000000, '2026-01-01',
  'FOA § 5-3; DOMAIN.md §1: nye EU-verdier gjelder fra 1.1.2026 (delegert forordning (EU) 2025/2152); norske 2026–2027-verdier er IKKE lagt inn: 2024-verdien er videreført til en administrator legger inn den fastsatte verdien', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (44, 'threshold.eea.works', 'ore', 5780000000, '2026-01-01',
  'FOA § 5-3; DOMAIN.md §1: nye EU-verdier gjelder fra 1.1.2026 (delegert forordning (EU) 2025/2152); norske 2026–2027-verdier er IKKE lagt inn: 2024-verdien er videreført til en administrator legger inn den fastsatte verdien', 0, 'system');
INSERT INTO rules_legal_values (id, value_key, unit, amount, in_force, source, confirmed, created_by) VALUES (45, 'threshold.eea.special', 'ore', 780000000, '2026-01-01',
  'FOA § 5-3; DOMAIN.md §1: nye EU-verdier gjelder fra 1.1.2026 (delegert forordning (EU) 2025/2152); norske 2026–2027-verdier er IKKE lagt inn: 2024-verdien er videreført til en administrator legger inn den fastsatte verdien', 0, 'system');
-- postgres: SELECT setval(pg_get_serial_sequence('rules_legal_values', 'id'), (SELECT MAX(id) FROM rules_legal_values));
