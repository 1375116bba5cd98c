import { formatKr } from '../money';
import type { Translate } from '../i18n';

/** What a row of the legal table's list needs to show its value. */
export type ValueLike = {
  unit: 'ore' | 'days' | 'months' | 'flag';
  amount_ore?: number;
  days?: number;
  months?: number;
  flag?: boolean;
};

/** A legal value as text in its unit: «1 300 000 kr», «10 dager», «48 måneder», «Ja». */
export function valueText(t: Translate, v: ValueLike): string {
  switch (v.unit) {
    case 'ore':
      return formatKr(v.amount_ore ?? 0);
    case 'days':
      return t('rules.days', { n: v.days ?? 0 });
    case 'months':
      return t('rules.months', { n: v.months ?? 0 });
    case 'flag':
      return v.flag ? t('rules.flagYes') : t('rules.flagNo');
  }
}

