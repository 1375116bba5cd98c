// The app's own texts (shell, menus, home page) and every feature's, merged: the app composes
// features, so its pages may use any feature's keys. The same for the English error texts by
// problem code. When adding a feature with texts, add its dictionary to FEATURE_MESSAGES and its
// error texts to FEATURE_ERRORS (a test fails when a features/*/i18n.ts is missing here).
import { aboutMessages } from '@/features/about/i18n';
import { auditErrors, auditMessages } from '@/features/audit/i18n';
import { authErrors, authMessages } from '@/features/auth/i18n';
import { filesErrors, filesMessages } from '@/features/files/i18n';
import { notificationsErrors, notificationsMessages } from '@/features/notifications/i18n';
import { jobsErrors, jobsMessages } from '@/features/jobs/i18n';
import { orgErrors, orgMessages } from '@/features/org/i18n';
import { permissionsMessages } from '@/features/permissions/i18n';
import { rulesErrors, rulesMessages } from '@/features/rules/i18n';
import { usersErrors, usersMessages } from '@/features/users/i18n';
import { commonErrors, mergeErrorTexts } from '@/lib/error-texts';
import { defineMessages, mergeMessages, translator } from '@/lib/i18n';

const nb = {
  'app.tagline': 'Regionalt innkjøpssamarbeid i Kongsvingerregionen',
  'app.skipToMain': 'Hopp til hovedinnhold',
  'app.version': 'Versjon {version}',

  'lang.switchTo': 'English',
  'lang.switchLabel': 'Change language to English',

  'nav.label': 'Hovedmeny',
  'nav.home': 'Oversikt',
  'nav.org': 'Organisasjon',
  'nav.roles': 'Roller',
  'nav.users': 'Brukere',
  'nav.audit': 'Revisjonslogg',
  'nav.permissions': 'Tilganger',
  'nav.myFiles': 'Mine filer',
  'nav.orgSub': 'Organisasjon',
  'nav.municipalities': 'Kommuner',
  'nav.councils': 'Råd',
  'nav.contacts': 'Kontakter',
  'nav.productAreas': 'Produktområder',
  'nav.rolesSub': 'Roller',
  'nav.rolesCurrent': 'Gjeldende roller',
  'nav.rolesHistory': 'Historikk',
  'nav.rules': 'Regelverk',
  'nav.jobs': 'Jobber',

  'footer.label': 'Bunntekst',
  'footer.accessibility': 'Tilgjengelighetserklæring',
  'footer.privacy': 'Personvernerklæring',
  'footer.owner': 'Drives av vertskommunen Kongsvinger for RIIK',

  'header.signedInAs': 'Innlogget som',
  'header.changePassword': 'Bytt passord',
  'header.logout': 'Logg ut',

  'home.title': 'Oversikt',
  'home.welcome': 'Velkommen, {name}',
  'home.yourRoles': 'Dine roller',
  'home.noRoles': 'Du har ingen aktive roller.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'app.tagline': 'Regional procurement cooperation of the Kongsvinger region',
  'app.skipToMain': 'Skip to main content',
  'app.version': 'Version {version}',

  'lang.switchTo': 'Norsk',
  'lang.switchLabel': 'Bytt språk til norsk',

  'nav.label': 'Main menu',
  'nav.home': 'Overview',
  'nav.org': 'Organisation',
  'nav.roles': 'Roles',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.permissions': 'Permissions',
  'nav.myFiles': 'My files',
  'nav.orgSub': 'Organisation',
  'nav.municipalities': 'Municipalities',
  'nav.councils': 'Councils',
  'nav.contacts': 'Contacts',
  'nav.productAreas': 'Product areas',
  'nav.rolesSub': 'Roles',
  'nav.rolesCurrent': 'Current roles',
  'nav.rolesHistory': 'History',
  'nav.rules': 'Rules',
  'nav.jobs': 'Jobs',

  'footer.label': 'Footer',
  'footer.accessibility': 'Accessibility statement',
  'footer.privacy': 'Privacy notice',
  'footer.owner': 'Operated by the host municipality Kongsvinger for RIIK',

  'header.signedInAs': 'Signed in as',
  'header.changePassword': 'Change password',
  'header.logout': 'Sign out',

  'home.title': 'Overview',
  'home.welcome': 'Welcome, {name}',
  'home.yourRoles': 'Your roles',
  'home.noRoles': 'You have no active roles.',
};

export const appMessages = defineMessages(nb, en);

/** Every feature's texts, by feature folder name. */
export const FEATURE_MESSAGES = {
  about: aboutMessages,
  audit: auditMessages,
  auth: authMessages,
  org: orgMessages,
  permissions: permissionsMessages,
  files: filesMessages,
  users: usersMessages,
  rules: rulesMessages,
  notifications: notificationsMessages,
  jobs: jobsMessages,
} as const;

export const allMessages = mergeMessages(appMessages, ...Object.values(FEATURE_MESSAGES));
export const { translate, useT } = translator(allMessages);

/** Every feature's English error texts, by feature folder name (features without codes have none). */
export const FEATURE_ERRORS = {
  audit: auditErrors,
  auth: authErrors,
  org: orgErrors,
  users: usersErrors,
  rules: rulesErrors,
  files: filesErrors,
  notifications: notificationsErrors,
  jobs: jobsErrors,
} as const;

/** Every English error text the app knows: the common ones and every feature's. */
export const allErrors = mergeErrorTexts(commonErrors, ...Object.values(FEATURE_ERRORS));
