import { Button, Card, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { InlineMessage } from '@/components/status-message';
import type { FieldError } from '@/lib/api-client';
import { formatDate, todayIso } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useAddLegalValue, type AddLegalValueInput } from '../api/add-legal-value';
import { useLegalValues, type LegalValue } from '../api/get-legal-values';
import { useT } from '../i18n';
import { parseKroner } from '../money';
import { valueText } from './value-text';

const FIELD_IDS = {
  key: 'value-key',
  amount_ore: 'value-amount',
  days: 'value-amount',
  months: 'value-amount',
  flag: 'value-amount',
  in_force: 'value-in-force',
  source: 'value-source',
  confirmed: 'value-confirmed',
  supersedes: 'value-supersedes',
  reason: 'value-reason',
};

type Unit = LegalValue['unit'];

/** The admin's form: a new value for a key, or a correction of a row (supersedes + reason). */
export function AddValueForm() {
  const t = useT();
  const lang = useLang();
  const history = useLegalValues({ history: true });
  const add = useAddLegalValue();
  const form = useFormErrors(FIELD_IDS);
  const [message, setMessage] = useState<string | null>(null);
  const [v, setV] = useState({ key: '', amount: '', flag: 'true', in_force: todayIso() as string | null, source: '', confirmed: true, supersedes: '', reason: '' });
  const rows = history.data?.items ?? [];
  const keys = [...new Map(rows.map((r) => [r.key, r])).values()];
  const unit: Unit | undefined = keys.find((k) => k.key === v.key)?.unit;
  const correctable = rows.filter((r) => r.key === v.key && r.superseded_by === null);
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const found: FieldError[] = [];
    if (!v.key || !unit) found.push({ field: 'key', message: t('common.required', { field: t('rules.key').toLowerCase() }) });
    const body: AddLegalValueInput = { key: v.key, in_force: v.in_force ?? '', source: v.source.trim(), confirmed: v.confirmed };
    if (unit === 'ore') {
      const ore = parseKroner(v.amount);
      if (ore === null) found.push({ field: 'amount_ore', message: t('rules.invalidAmount') });
      else body.amount_ore = ore;
    } else if (unit === 'days' || unit === 'months') {
      const n = /^\d{1,5}$/.test(v.amount.trim()) ? Number(v.amount.trim()) : null;
      if (n === null) found.push({ field: unit, message: t('rules.invalidWhole') });
      else body[unit] = n;
    } else if (unit === 'flag') {
      body.flag = v.flag === 'true';
    }
    if (!v.in_force) found.push({ field: 'in_force', message: t('common.invalidDate') });
    if (!v.source.trim()) found.push({ field: 'source', message: t('common.required', { field: t('rules.sourceField').toLowerCase() }) });
    if (v.supersedes) {
      body.supersedes = Number(v.supersedes);
      if (!v.reason.trim()) found.push({ field: 'reason', message: t('common.required', { field: t('rules.reasonField').toLowerCase() }) });
    }
    if (v.reason.trim()) body.reason = v.reason.trim();
    if (!form.validate(found)) return;
    add.mutate(body, {
      onSuccess: (added) => {
        setMessage(t('rules.added', { label: lang === 'en' ? added.label_en : added.label_nb, date: formatDate(added.in_force) }));
        set({ amount: '', source: '', supersedes: '', reason: '' });
      },
      onError: (err) => form.setServerError(err),
    });
  }

  const amountLabel = unit === 'days' ? t('rules.daysField') : unit === 'months' ? t('rules.monthsField') : t('rules.amountKr');
  return (
    <Card className="panel">
      <Card.Block>
        <Heading level={2} data-size="sm" id="add-value-heading">
          {t('rules.addTitle')}
        </Heading>
        <Paragraph>{t('rules.addIntro')}</Paragraph>
        <InlineMessage message={message} />
        <form onSubmit={submit} noValidate className="stack form-narrow" aria-labelledby="add-value-heading">
          <FormErrorSummary form={form} />
          <SelectField id={FIELD_IDS.key} label={t('rules.key')} value={v.key} onChange={(key) => set({ key, supersedes: '' })} error={form.error('key')}>
            <option value="">{t('rules.keyPlaceholder')}</option>
            {keys.map((k) => (
              <option key={k.key} value={k.key}>
                {(lang === 'en' ? k.label_en : k.label_nb) + ` (${k.key})`}
              </option>
            ))}
          </SelectField>
          {unit === 'flag' ? (
            <SelectField id={FIELD_IDS.flag} label={t('rules.flagField')} value={v.flag} onChange={(flag) => set({ flag })} error={form.error('flag')}>
              <option value="true">{t('rules.flagYes')}</option>
              <option value="false">{t('rules.flagNo')}</option>
            </SelectField>
          ) : (
            <Textfield
              id={FIELD_IDS.amount_ore}
              label={amountLabel}
              description={unit === 'ore' || !unit ? t('rules.amountKrHint') : undefined}
              inputMode="decimal"
              autoComplete="off"
              value={v.amount}
              onChange={(e) => set({ amount: e.target.value })}
              error={form.error('amount_ore') ?? form.error('days') ?? form.error('months')}
            />
          )}
          <DateField id={FIELD_IDS.in_force} label={t('rules.inForceField')} value={v.in_force} onChange={(in_force) => set({ in_force })} error={form.error('in_force')} />
          <Textfield id={FIELD_IDS.source} label={t('rules.sourceField')} description={t('rules.sourceHint')} autoComplete="off" value={v.source} onChange={(e) => set({ source: e.target.value })} error={form.error('source')} />
          <Checkbox id={FIELD_IDS.confirmed} label={t('rules.confirmedField')} checked={v.confirmed} onChange={(e) => set({ confirmed: e.target.checked })} />
          <SelectField id={FIELD_IDS.supersedes} label={`${t('rules.supersedesField')} ${t('common.optional')}`} value={v.supersedes} onChange={(supersedes) => set({ supersedes })} error={form.error('supersedes')}>
            <option value="">{t('rules.supersedesNone')}</option>
            {correctable.map((r) => (
              <option key={r.id} value={String(r.id)}>
                {`${t('rules.row')} ${r.id}: ${valueText(t, r)}, ${formatDate(r.in_force)}`}
              </option>
            ))}
          </SelectField>
          <Textfield id={FIELD_IDS.reason} label={t('rules.reasonField')} description={t('rules.reasonHint')} autoComplete="off" value={v.reason} onChange={(e) => set({ reason: e.target.value })} error={form.error('reason')} />
          <div>
            <Button type="submit" loading={add.isPending}>
              {t('rules.add')}
            </Button>
          </div>
        </form>
      </Card.Block>
    </Card>
  );
}
