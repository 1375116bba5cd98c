import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import type { FieldError } from '@/lib/api-client';
import { formatDate, todayIso } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useDeadline, useStandstill, type Deadline, type Standstill } from '../api/calculators';
import { useT } from '../i18n';

const STANDSTILL_IDS = { notified: 'standstill-notified', days: 'standstill-days' };
const DEADLINE_IDS = { from: 'deadline-from', days: 'deadline-days' };

function Reasons({ reasons }: { reasons: Standstill['reasons'] }) {
  const lang = useLang();
  return (
    <>
      {reasons.map((r, i) => (
        <Paragraph key={i} data-size="sm">
          {lang === 'en' ? r.text_en : r.text_nb} ({r.paragraph})
        </Paragraph>
      ))}
    </>
  );
}

function wholeDays(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) && Number(text.trim()) >= 1 ? Number(text.trim()) : null;
}

function StandstillForm() {
  const t = useT();
  const calc = useStandstill();
  const form = useFormErrors(STANDSTILL_IDS);
  const [notified, setNotified] = useState<string | null>(todayIso());
  const [days, setDays] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!notified) found.push({ field: 'notified', message: t('common.invalidDate') });
    const n = days.trim() === '' ? undefined : wholeDays(days);
    if (n === null) found.push({ field: 'days', message: t('rules.invalidWhole') });
    if (!form.validate(found)) return;
    calc.mutate({ notified: notified as string, ...(n !== undefined ? { days: n } : {}) }, { onError: (err) => form.setServerError(err) });
  }
  const a: Standstill | undefined = calc.data;
  return (
    <section className="stack" aria-labelledby="standstill-heading">
      <Heading level={3} data-size="xs" id="standstill-heading">
        {t('rules.standstillTitle')}
      </Heading>
      <form onSubmit={submit} noValidate className="stack form-narrow" aria-labelledby="standstill-heading">
        <FormErrorSummary form={form} />
        <DateField id={STANDSTILL_IDS.notified} label={t('rules.notified')} value={notified} onChange={setNotified} error={form.error('notified')} />
        <Textfield id={STANDSTILL_IDS.days} label={`${t('rules.standstillDays')} ${t('common.optional')}`} description={t('rules.standstillDaysHint')} inputMode="numeric" autoComplete="off" value={days} onChange={(e) => setDays(e.target.value)} error={form.error('days')} />
        <div>
          <Button type="submit" loading={calc.isPending}>
            {t('rules.standstillSubmit')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {a && !calc.isPending && (
          <Alert data-color="info" className="answer">
            <Paragraph>{t('rules.standstillAnswer', { last: formatDate(a.last_day), first: formatDate(a.first_signing_day) })}</Paragraph>
            <Reasons reasons={a.reasons} />
          </Alert>
        )}
      </div>
    </section>
  );
}

function DeadlineForm() {
  const t = useT();
  const calc = useDeadline();
  const form = useFormErrors(DEADLINE_IDS);
  const [from, setFrom] = useState<string | null>(todayIso());
  const [days, setDays] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!from) found.push({ field: 'from', message: t('common.invalidDate') });
    const n = wholeDays(days);
    if (n === null) found.push({ field: 'days', message: t('rules.invalidWhole') });
    if (!form.validate(found)) return;
    calc.mutate({ from: from as string, days: n as number }, { onError: (err) => form.setServerError(err) });
  }
  const a: Deadline | undefined = calc.data;
  return (
    <section className="stack" aria-labelledby="deadline-heading">
      <Heading level={3} data-size="xs" id="deadline-heading">
        {t('rules.deadlineTitle')}
      </Heading>
      <form onSubmit={submit} noValidate className="stack form-narrow" aria-labelledby="deadline-heading">
        <FormErrorSummary form={form} />
        <DateField id={DEADLINE_IDS.from} label={t('rules.from')} value={from} onChange={setFrom} error={form.error('from')} />
        <Textfield id={DEADLINE_IDS.days} label={t('rules.deadlineDays')} inputMode="numeric" autoComplete="off" value={days} onChange={(e) => setDays(e.target.value)} error={form.error('days')} />
        <div>
          <Button type="submit" loading={calc.isPending}>
            {t('rules.deadlineSubmit')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {a && !calc.isPending && (
          <Alert data-color="info" className="answer">
            <Paragraph>{t('rules.deadlineAnswer', { last: formatDate(a.last_day) })}</Paragraph>
            {a.extended && <Paragraph>{t('rules.deadlineMoved', { days: a.days, nominal: formatDate(a.nominal_last_day), last: formatDate(a.last_day) })}</Paragraph>}
            <Reasons reasons={a.reasons} />
          </Alert>
        )}
      </div>
    </section>
  );
}

/** The standstill and deadline calculator. */
export function TimeLimitsCalculator() {
  const t = useT();
  return (
    <Card className="panel">
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('rules.timeTitle')}
        </Heading>
        <Paragraph>{t('rules.timeIntro')}</Paragraph>
        <div className="stack-lg">
          <StandstillForm />
          <DeadlineForm />
        </div>
      </Card.Block>
    </Card>
  );
}
