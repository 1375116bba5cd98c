// Texts of the permissions feature (the page «Tilganger»: the server's grant table), bokmål and English.
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'permissions.title': 'Tilganger',
  'permissions.intro': 'Hvem som har lov til hva i Samkjøp: hver rolles tilganger og hvor langt de rekker.',
  'permissions.aboutTitle': 'Slik leser du tabellen',
  'permissions.about1':
    'Tabellen hentes fra serveren, som bruker nøyaktig denne tabellen når den avgjør om en forespørsel er tillatt. Den viser altså reglene slik de gjelder i systemet nå, ikke en beskrivelse av dem.',
  'permissions.about2':
    'En rolle teller bare mens den er gyldig (fra- og til-dato). Har en person flere roller, gjelder den videste tilgangen. «Alle innloggede» gjelder alle med en gyldig innlogging, uansett rolle.',
  'permissions.about3': 'Tilganger merket «Endrer» gir lov til å opprette, endre eller avslutte data; de andre gir bare lesetilgang.',
  'permissions.scopesTitle': 'Rekkevidde',
  'permissions.scope.region': 'Hele regionen',
  'permissions.scope.regionHint': 'alle kommunene i samarbeidet',
  'permissions.scope.own_municipality': 'Egen kommune',
  'permissions.scope.own_municipalityHint': 'kommunen eller kommunene der personen har rollen',
  'permissions.scope.own_municipality_and_area': 'Egen kommune og produktområde',
  'permissions.scope.own_municipality_and_areaHint': 'produktområdet personen er produktansvarlig for, i sin kommune',
  'permissions.scope.own_records': 'Egne data',
  'permissions.scope.own_recordsHint': 'egen innlogging, eget passord og egne saker',
  'permissions.caption': 'Tilganger per rolle',
  'permissions.tableLabel': 'Tilganger per rolle (kan rulles sideveis)',
  'permissions.permission': 'Tilgang',
  'permissions.signedIn': 'Alle innloggede',
  'permissions.none': 'Ingen tilgang',
  'permissions.write': 'Endrer',
  'permissions.module.core': 'Innlogging, revisjon og tilganger',
  'permissions.module.org': 'Organisasjon',
  'permissions.module.rules': 'Regelverk',
  'permissions.empty': 'Serveren har ingen tilganger å vise.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'permissions.title': 'Permissions',
  'permissions.intro': 'Who may do what in Samkjøp: the permissions of each role and how far they reach.',
  'permissions.aboutTitle': 'How to read the table',
  'permissions.about1':
    'The table comes from the server, which uses exactly this table to decide whether a request is allowed. It shows the rules as they apply in the system now, not a description of them.',
  'permissions.about2':
    'A role counts only while it is valid (from and to date). When a person has several roles, the widest permission applies. “Everyone signed in” applies to everyone with a valid sign-in, whatever their role.',
  'permissions.about3': 'Permissions marked “Changes” allow creating, changing or ending data; the others only allow reading.',
  'permissions.scopesTitle': 'Reach',
  'permissions.scope.region': 'Whole region',
  'permissions.scope.regionHint': 'every municipality in the cooperation',
  'permissions.scope.own_municipality': 'Own municipality',
  'permissions.scope.own_municipalityHint': 'the municipality or municipalities where the person holds the role',
  'permissions.scope.own_municipality_and_area': 'Own municipality and product area',
  'permissions.scope.own_municipality_and_areaHint': 'the product area the person manages, in their municipality',
  'permissions.scope.own_records': 'Own records',
  'permissions.scope.own_recordsHint': 'their own sign-in, password and cases',
  'permissions.caption': 'Permissions by role',
  'permissions.tableLabel': 'Permissions by role (scrolls sideways)',
  'permissions.permission': 'Permission',
  'permissions.signedIn': 'Everyone signed in',
  'permissions.none': 'No access',
  'permissions.write': 'Changes',
  'permissions.module.core': 'Sign-in, audit and permissions',
  'permissions.module.org': 'Organisation',
  'permissions.module.rules': 'Rules',
  'permissions.empty': 'The server has no permissions to show.',
};

export const permissionsMessages = defineMessages(nb, en);
export const { translate, useT } = translator(permissionsMessages);
/** This feature's translate function (its keys and the common ones). */
export type Translate = ReturnType<typeof useT>;
