// Texts of the users feature, bokmål and English. User accounts.
import type { ErrorTexts } from '@/lib/error-texts';
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'users.title': 'Brukere',
  'users.intro': 'Brukerkontoer for innlogging. Roller tildeles på siden Roller.',
  'users.username': 'Brukernavn',
  'users.name': 'Navn',
  'users.status': 'Status',
  'users.active': 'Aktiv',
  'users.inactive': 'Deaktivert',
  'users.locked': 'Låst',
  'users.mustChange': 'Må bytte passord',
  'users.create': 'Ny bruker',
  'users.createTitle': 'Ny bruker',
  'users.person': 'Person',
  'users.personHint': 'Brukeren knyttes til en person i kontaktregisteret.',
  'users.password': 'Startpassord',
  'users.passwordHint': 'Minst 15 tegn. Gi passordet til brukeren på en sikker måte.',
  'users.created': 'Brukeren {username} er opprettet.',
  'users.deactivate': 'Deaktiver',
  'users.activate': 'Aktiver',
  'users.unlock': 'Lås opp',
  'users.resetPassword': 'Nullstill passord',
  'users.resetTitle': 'Nullstill passord for {username}',
  'users.resetText': 'Brukeren må bytte passord ved neste innlogging.',
  'users.newPassword': 'Nytt midlertidig passord',
  'users.deactivated': '{username} er deaktivert.',
  'users.activated': '{username} er aktivert.',
  'users.unlocked': '{username} er låst opp.',
  'users.passwordReset': 'Passordet til {username} er nullstilt.',
  'users.actionsFor': 'Handlinger for {username}',
  'users.usernameHint': 'Små bokstaver, tall, punktum og bindestrek',
  'users.personPlaceholder': 'Velg person',
  'users.missingPerson': 'Velg en person',
} as const;

const en: Record<keyof typeof nb, string> = {
  'users.title': 'Users',
  'users.intro': 'User accounts for signing in. Roles are assigned on the Roles page.',
  'users.username': 'Username',
  'users.name': 'Name',
  'users.status': 'Status',
  'users.active': 'Active',
  'users.inactive': 'Deactivated',
  'users.locked': 'Locked',
  'users.mustChange': 'Must change password',
  'users.create': 'New user',
  'users.createTitle': 'New user',
  'users.person': 'Person',
  'users.personHint': 'The user is linked to a person in the contact directory.',
  'users.password': 'Initial password',
  'users.passwordHint': 'At least 15 characters. Give the password to the user in a secure way.',
  'users.created': 'The user {username} has been created.',
  'users.deactivate': 'Deactivate',
  'users.activate': 'Activate',
  'users.unlock': 'Unlock',
  'users.resetPassword': 'Reset password',
  'users.resetTitle': 'Reset password for {username}',
  'users.resetText': 'The user must change the password at the next sign-in.',
  'users.newPassword': 'New temporary password',
  'users.deactivated': '{username} has been deactivated.',
  'users.activated': '{username} has been activated.',
  'users.unlocked': '{username} has been unlocked.',
  'users.passwordReset': 'The password of {username} has been reset.',
  'users.actionsFor': 'Actions for {username}',
  'users.usernameHint': 'Lower-case letters, digits, dots and hyphens',
  'users.personPlaceholder': 'Choose a person',
  'users.missingPerson': 'Choose a person',
};

export const usersMessages = defineMessages(nb, en);
export const { translate, useT } = translator(usersMessages);
/** This feature's translate function (its keys and the common ones). */
export type Translate = ReturnType<typeof useT>;

/** English for the user account error codes (the Norwegian is the server's own `detail`). */
export const usersErrors: ErrorTexts = {
  'auth.user_not_found': { detail: 'The user does not exist.' },
  'auth.username_taken': { detail: 'The username is already in use.', fields: { username: 'The username is in use.' } },
  'org.invalid_user': { detail: 'The form has errors.' },
  'org.person_has_user': { detail: 'The person already has a user account.', fields: { person_id: 'Already has a user account.' } },
  'org.cannot_deactivate_self': { detail: 'You cannot deactivate your own user account.' },
};
