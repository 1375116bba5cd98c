#include "modules/rules/time_limits.h"

#include <string>

#include "modules/rules/holidays.h"

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::FormatNorwegianDate;

constexpr const char* kTimeLimitParagraph =
    "FOA § 7-6; forskrift om tidsfrister i EØS-avtalen (forordning 1182/71 art. 3)";
constexpr const char* kTimeLimitSource =
    "DOMAIN.md §3 «Computing time limits»: regjeringen.no «Frister» kap. 1; beregningsregelen "
    "etter forordning 1182/71 er generell kunnskap";

std::string WeekdayNb(Date d) {
  static const char* const kNames[] = {"søndag",  "mandag", "tirsdag", "onsdag",
                                       "torsdag", "fredag", "lørdag"};
  return kNames[std::chrono::weekday{std::chrono::sys_days(d)}.c_encoding()];
}

std::string WeekdayEn(Date d) {
  static const char* const kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
  return kNames[std::chrono::weekday{std::chrono::sys_days(d)}.c_encoding()];
}

// Why `d` is not a working day, in both languages.
std::pair<std::string, std::string> ClosedBecause(Date d) {
  if (std::optional<PublicHoliday> h = HolidayOn(d)) {
    return {"helligdag (" + h->name_nb + ")", "public holiday (" + h->name_en + ")"};
  }
  return {WeekdayNb(d), WeekdayEn(d)};
}

core::Status OutOfRange() {
  return core::Status::InvalidField("rules.year_out_of_range", "date",
                                    "Fristen faller utenfor kalenderen (år " +
                                        std::to_string(kFirstCalendarYear) + "–" +
                                        std::to_string(kLastCalendarYear) + ").");
}

}  // namespace

Date AddDays(Date date, int days) {
  return Date{std::chrono::sys_days(date) + std::chrono::days(days)};
}

core::Result<PeriodEnd> LastDayOfPeriod(Date event_date, int days) {
  if (days < 1 || days > kMaxPeriodDays) {
    return core::Status::InvalidField(
        "rules.invalid_days", "days",
        "Antall dager må være et helt tall fra 1 til " + std::to_string(kMaxPeriodDays) + ".");
  }
  if (!InCalendarRange(event_date)) return OutOfRange();

  PeriodEnd out;
  out.nominal_last_day = AddDays(event_date, days);
  out.last_day = out.nominal_last_day;
  while (InCalendarRange(out.last_day) && !IsWorkingDay(out.last_day)) {
    out.last_day = AddDays(out.last_day, 1);
  }
  if (!InCalendarRange(out.last_day)) return OutOfRange();
  out.extended = out.last_day != out.nominal_last_day;

  out.reasons.push_back(
      Reason{"Fristen på " + std::to_string(days) + " kalenderdager løper fra dagen etter " +
                 FormatNorwegianDate(event_date) + " og utløper ved slutten av " +
                 FormatNorwegianDate(out.nominal_last_day) + " (kl. 24.00)." + kUnconfirmedNb,
             "The period of " + std::to_string(days) + " calendar days runs from the day after " +
                 core::nor::FormatIsoDate(event_date) + " and ends at the end of " +
                 core::nor::FormatIsoDate(out.nominal_last_day) + " (24:00)." + kUnconfirmedEn,
             kTimeLimitParagraph, kTimeLimitSource, /*confirmed=*/false});
  if (out.extended) {
    auto [why_nb, why_en] = ClosedBecause(out.nominal_last_day);
    out.reasons.push_back(Reason{
        FormatNorwegianDate(out.nominal_last_day) + " er " + why_nb +
            "; fristen forlenges til slutten av neste virkedag, " + WeekdayNb(out.last_day) + " " +
            FormatNorwegianDate(out.last_day) + "." + kUnconfirmedNb,
        core::nor::FormatIsoDate(out.nominal_last_day) + " is a " + why_en +
            "; the period runs to the end of the next working day, " + WeekdayEn(out.last_day) +
            " " + core::nor::FormatIsoDate(out.last_day) + "." + kUnconfirmedEn,
        kTimeLimitParagraph, kTimeLimitSource, /*confirmed=*/false});
  }
  return out;
}

core::Result<Standstill> ComputeStandstill(Date notified, int days, const LegalTable& table) {
  Standstill out;
  Reason length_reason;
  if (days <= 0) {
    SAMKJOP_RETURN_IF_ERROR(CheckDateCovered(table, notified));
    core::Result<LegalValue> v = table.InForce(kDaysStandstill, notified);
    if (!v.ok()) return v.status();
    days = v->days;
    length_reason =
        Reason{"Karensperioden er minst " + std::to_string(days) +
                   " dager i anskaffelser etter del III, regnet fra dagen etter at meldingen om "
                   "valg av leverandør ble sendt elektronisk; helligdager, lørdager og søndager "
                   "regnes med." +
                   (v->confirmed ? std::string() : std::string(kUnconfirmedNb)),
               "The standstill period is at least " + std::to_string(days) +
                   " days under part III, counted from the day after the award notice was sent "
                   "electronically; holidays, Saturdays and Sundays count." +
                   (v->confirmed ? std::string() : std::string(kUnconfirmedEn)),
               "FOA § 25-2, § 4-5 bokstav g", v->source, v->confirmed};
  } else {
    length_reason = Reason{
        "Karensperioden er satt til " + std::to_string(days) +
            " dager. Etter del III er minstetiden 10 dager; etter del II skal den være "
            "rimelig.",
        "The standstill period is set to " + std::to_string(days) +
            " days. Part III requires at least 10 days; part II requires a reasonable period.",
        "FOA § 4-5 bokstav g; § 25-2 (del III)", "DOMAIN.md §5: WLA advokat; dinanbudstekst.no",
        true};
  }
  core::Result<PeriodEnd> end = LastDayOfPeriod(notified, days);
  if (!end.ok()) return end.status();
  out.days = days;
  out.last_day = end->last_day;
  out.first_signing_day = AddDays(end->last_day, 1);
  out.reasons.push_back(std::move(length_reason));
  for (Reason& r : end->reasons) out.reasons.push_back(std::move(r));
  out.reasons.push_back(Reason{
      "Kontrakten kan ikke inngås før karensperioden er ute, det vil si tidligst " +
          FormatNorwegianDate(out.first_signing_day) + ".",
      "The contract may not be signed before the standstill period ends, i.e. not before " +
          core::nor::FormatIsoDate(out.first_signing_day) + ".",
      "FOA § 4-5 bokstav g", "DOMAIN.md §5: anskaffelser.no «Meddele valg av leverandør»", true});
  return out;
}

}  // namespace samkjop::rules
