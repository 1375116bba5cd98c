// Texts of the auth feature, bokmål and English. Signing in and changing one's password.
import type { ErrorTexts } from '@/lib/error-texts';
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'login.title': 'Logg inn',
  'login.intro': 'Logg inn med brukernavnet og passordet du har fått fra administrator.',
  'login.username': 'Brukernavn',
  'login.password': 'Passord',
  'login.submit': 'Logg inn',
  'login.submitting': 'Logger inn …',
  'login.failed': 'Innloggingen mislyktes',
  'login.retryAt': 'Du kan prøve igjen kl. {time} (om {minutes} min).',
  'login.retryIn': 'Du kan prøve igjen om {seconds} sekunder.',
  'login.loggedOut': 'Du er logget ut.',

  'password.title': 'Bytt passord',
  'password.mustChange': 'Du må bytte passord før du kan bruke Samkjøp.',
  'password.current': 'Nåværende passord',
  'password.new': 'Nytt passord',
  'password.newHint': 'Minst 15 tegn. Bruk gjerne en setning du husker.',
  'password.repeat': 'Gjenta nytt passord',
  'password.mismatch': 'Passordene er ikke like',
  'password.submit': 'Bytt passord',
  'password.changed': 'Passordet er byttet.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'login.title': 'Sign in',
  'login.intro': 'Sign in with the username and password you received from the administrator.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in …',
  'login.failed': 'Sign-in failed',
  'login.retryAt': 'You can try again at {time} (in {minutes} min).',
  'login.retryIn': 'You can try again in {seconds} seconds.',
  'login.loggedOut': 'You are signed out.',

  'password.title': 'Change password',
  'password.mustChange': 'You must change your password before using Samkjøp.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.newHint': 'At least 15 characters. A sentence you remember works well.',
  'password.repeat': 'Repeat new password',
  'password.mismatch': 'The passwords do not match',
  'password.submit': 'Change password',
  'password.changed': 'Your password has been changed.',
};

export const authMessages = defineMessages(nb, en);
export const { translate, useT } = translator(authMessages);
/** This feature's translate function (its keys and the common ones). */
export type Translate = ReturnType<typeof useT>;

/** English for the sign-in and password error codes (the Norwegian is the server's own `detail`). */
export const authErrors: ErrorTexts = {
  'auth.invalid_credentials': { detail: 'Wrong username or password.' },
  'auth.account_disabled': { detail: 'The account is deactivated. Contact an administrator.' },
  'auth.throttled': { detail: 'Too many failed sign-ins.' },
  'auth.invalid_body': { detail: 'The form has errors.' },
  'auth.weak_password': { detail: 'The password is not accepted: it is too short or too long.' },
  'auth.wrong_password': { detail: 'The current password is wrong.', fields: { current_password: 'The current password is wrong.' } },
  'auth.same_password': { detail: 'The new password must differ from the old one.', fields: { new_password: 'Must differ from the old password.' } },
};
