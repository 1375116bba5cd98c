// Texts of the about feature, bokmål and English. The statements themselves are Norwegian documents (with an English notice).
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'a11y.title': 'Tilgjengelighetserklæring',

  'privacy.title': 'Personvernerklæring',
} as const;

const en: Record<keyof typeof nb, string> = {
  'a11y.title': 'Accessibility statement',

  'privacy.title': 'Privacy notice',
};

export const aboutMessages = defineMessages(nb, en);
export const { translate, useT } = translator(aboutMessages);
/** This feature's translate function (its keys and the common ones). */
export type Translate = ReturnType<typeof useT>;
