// Texts of the notifications feature, bokmål and English: the bell in the header, the list page
// «Varsler» and the e-mail settings per kind.
import type { ErrorTexts } from '@/lib/error-texts';
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'notifications.title': 'Varsler',
  'notifications.intro': 'Varsler til deg om avtaler, regelendringer og oppgaver, nyeste først.',
  'notifications.bell': 'Varsler',
  'notifications.bellUnread': 'Varsler, {count} uleste',
  'notifications.bellNone': 'Varsler, ingen uleste',
  'notifications.listLabel': 'Dine varsler',
  'notifications.onlyUnread': 'Vis bare uleste',
  'notifications.markRead': 'Merk som lest',
  'notifications.markAllRead': 'Merk alle som lest',
  'notifications.confirm': 'Jeg har lest dette',
  'notifications.confirmed': 'Bekreftet {at}',
  'notifications.mustConfirm': 'Må bekreftes',
  'notifications.unread': 'Ulest',
  'notifications.read': 'Lest',
  'notifications.open': 'Åpne',
  'notifications.empty': 'Du har ingen varsler.',
  'notifications.emptyUnread': 'Du har ingen uleste varsler.',
  'notifications.unreadCount': '{count} uleste',
  'notifications.markedAll': 'Alle varslene er merket som lest.',
  'notifications.settingsTitle': 'Varsel på e-post',
  'notifications.settingsIntro': 'Velg for hver varseltype om du også vil ha e-post, med én gang eller i et daglig sammendrag.',
  'notifications.email.off': 'Av',
  'notifications.email.immediate': 'Med én gang',
  'notifications.email.digest': 'Daglig sammendrag',
  'notifications.emailFor': 'E-post for «{kind}»',
  'notifications.default': '(standard)',
  'notifications.save': 'Lagre innstillingene',
  'notifications.saved': 'Innstillingene er lagret.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'notifications.title': 'Notifications',
  'notifications.intro': 'Notifications to you about agreements, rule changes and tasks, newest first.',
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications, {count} unread',
  'notifications.bellNone': 'Notifications, none unread',
  'notifications.listLabel': 'Your notifications',
  'notifications.onlyUnread': 'Show unread only',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.confirm': 'I have read this',
  'notifications.confirmed': 'Confirmed {at}',
  'notifications.mustConfirm': 'Needs confirmation',
  'notifications.unread': 'Unread',
  'notifications.read': 'Read',
  'notifications.open': 'Open',
  'notifications.empty': 'You have no notifications.',
  'notifications.emptyUnread': 'You have no unread notifications.',
  'notifications.unreadCount': '{count} unread',
  'notifications.markedAll': 'All notifications are marked as read.',
  'notifications.settingsTitle': 'Notifications by e-mail',
  'notifications.settingsIntro': 'Choose for each kind of notification whether you also want an e-mail, at once or in a daily digest.',
  'notifications.email.off': 'Off',
  'notifications.email.immediate': 'At once',
  'notifications.email.digest': 'Daily digest',
  'notifications.emailFor': 'E-mail for “{kind}”',
  'notifications.default': '(default)',
  'notifications.save': 'Save the settings',
  'notifications.saved': 'The settings are saved.',
};

export const notificationsMessages = defineMessages(nb, en);
export const { translate, useT } = translator(notificationsMessages);
export type Translate = ReturnType<typeof useT>;

/** English for the notification error codes (the Norwegian is the server's own `detail`). */
export const notificationsErrors: ErrorTexts = {
  'notify.not_found': { detail: 'Notification not found.' },
  'notify.confirmation_not_required': { detail: 'This notification does not ask for a confirmation.' },
  'notify.invalid_settings': { detail: 'The notification settings are invalid.' },
  'notify.invalid_filter': { detail: 'Invalid filter.' },
  'notify.invalid_notification': { detail: 'The notification cannot be sent.' },
};
