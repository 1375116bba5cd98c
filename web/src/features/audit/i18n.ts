// Texts of the audit feature, bokmål and English. The audit log page.
import type { ErrorTexts } from '@/lib/error-texts';
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'audit.title': 'Revisjonslogg',
  'audit.intro': 'Alle endringer i systemet: hvem, når, hva, og verdiene før og etter.',
  'audit.filters': 'Filtrer loggen',
  'audit.entity': 'Objekttype',
  'audit.user': 'Bruker',
  'audit.userHint': 'Brukernavn',
  'audit.from': 'Fra dato',
  'audit.to': 'Til dato',
  'audit.apply': 'Vis',
  'audit.at': 'Tidspunkt',
  'audit.action': 'Handling',
  'audit.object': 'Objekt',
  'audit.changes': 'Endring',
  'audit.showChanges': 'Vis før og etter',
  'audit.before': 'Før',
  'audit.after': 'Etter',
  'audit.nothing': '(ingen)',
  'audit.requestId': 'Forespørsel',
  'audit.system': 'system',
  'audit.empty': 'Ingen hendelser i loggen for dette utvalget.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'audit.title': 'Audit log',
  'audit.intro': 'Every change in the system: who, when, what, and the values before and after.',
  'audit.filters': 'Filter the log',
  'audit.entity': 'Object type',
  'audit.user': 'User',
  'audit.userHint': 'Username',
  'audit.from': 'From date',
  'audit.to': 'To date',
  'audit.apply': 'Show',
  'audit.at': 'Time',
  'audit.action': 'Action',
  'audit.object': 'Object',
  'audit.changes': 'Change',
  'audit.showChanges': 'Show before and after',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.nothing': '(none)',
  'audit.requestId': 'Request',
  'audit.system': 'system',
  'audit.empty': 'No events in the log for this selection.',
};

export const auditMessages = defineMessages(nb, en);
export const { translate, useT } = translator(auditMessages);
/** This feature's translate function (its keys and the common ones). */
export type Translate = ReturnType<typeof useT>;

/** English for the audit log's error codes (the Norwegian is the server's own `detail`). */
export const auditErrors: ErrorTexts = {
  'audit.invalid_filter': { detail: 'Invalid filter.' },
};
