import { Alert, Button, Card, Heading, List, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { TableScroll } from '@/components/table-scroll';
import type { FieldError } from '@/lib/api-client';
import { formatDate, todayIso } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useAssess, type Assessment, type AssessInput } from '../api/calculators';
import { useT, type Translate } from '../i18n';
import { formatKr, parseKroner } from '../money';

const FIELD_IDS = { value_ore: 'assess-value', kind: 'assess-kind', date: 'assess-date' };
const KINDS = ['goods', 'services', 'works', 'special'] as const;
type KindCode = (typeof KINDS)[number];

function partText(t: Translate, part: Assessment['part']) {
  return t(`rules.part.${part}` as Parameters<Translate>[0]);
}
function publicationText(t: Translate, p: Assessment['publication']) {
  return t(`rules.publication.${p}` as Parameters<Translate>[0]);
}
function procedureText(t: Translate, code: string) {
  const key = `rules.procedure.${code}` as Parameters<Translate>[0];
  const text = t(key);
  return text === key ? code : text;
}

/** The answer: part, publication, procedures, protocol and certificate, and the reasons with their paragraphs. */
export function AssessmentAnswer({ a }: { a: Assessment }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="stack answer">
      <Alert data-color={a.confirmed ? 'info' : 'warning'}>
        <Heading level={3} data-size="xs">
          {partText(t, a.part)}
        </Heading>
        <Paragraph>
          {formatKr(a.value_ore)}, {t(`rules.kind.${a.kind}` as Parameters<Translate>[0]).toLowerCase()}, {formatDate(a.date)}.{' '}
          {a.confirmed ? t('rules.answerConfirmed') : t('rules.answerUnconfirmed')}
        </Paragraph>
      </Alert>
      <dl className="facts">
        <dt>{t('rules.publication')}</dt>
        <dd>{publicationText(t, a.publication)}</dd>
        <dt>{t('rules.protocol')}</dt>
        <dd>{a.protocol_required ? t('rules.required') : t('rules.notRequired')}</dd>
        <dt>{t('rules.taxCertificate')}</dt>
        <dd>{a.tax_certificate_required ? t('rules.required') : t('rules.notRequired')}</dd>
        <dt>{t('rules.procedures')}</dt>
        <dd>
          {a.procedures.length === 0 ? (
            t('rules.noProcedures')
          ) : (
            <List.Unordered>
              {a.procedures.map((p) => (
                <List.Item key={p}>{procedureText(t, p)}</List.Item>
              ))}
            </List.Unordered>
          )}
        </dd>
      </dl>
      <TableScroll label={t('rules.reasons')}>
        <Table data-size="sm" className="data-table">
          <caption>{t('rules.reasons')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('rules.reasons')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rules.paragraph')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.reasons.map((r, i) => (
              <Table.Row key={i}>
                <Table.Cell>{lang === 'en' ? r.text_en : r.text_nb}</Table.Cell>
                <Table.Cell className="nowrap">{r.paragraph}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}

/** «Hvilke regler gjelder for min anskaffelse?»: value in kroner, kind and date → POST /api/rules/assess. */
export function AssessCalculator() {
  const t = useT();
  const assess = useAssess();
  const form = useFormErrors(FIELD_IDS);
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<KindCode | ''>('');
  const [date, setDate] = useState<string | null>(todayIso());

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    const ore = parseKroner(value);
    if (ore === null) found.push({ field: 'value_ore', message: t('rules.invalidAmount') });
    if (!kind) found.push({ field: 'kind', message: t('common.required', { field: t('rules.kind').toLowerCase() }) });
    if (!date) found.push({ field: 'date', message: t('common.invalidDate') });
    if (!form.validate(found)) return;
    const input: AssessInput = { value_ore: ore as number, kind, date: date as string };
    assess.mutate(input, { onError: (err) => form.setServerError(err) });
  }

  return (
    <Card className="panel">
      <Card.Block>
        <Heading level={2} data-size="sm" id="assess-heading">
          {t('rules.assessTitle')}
        </Heading>
        <Paragraph>{t('rules.assessIntro')}</Paragraph>
        <form onSubmit={submit} noValidate className="stack form-narrow" aria-labelledby="assess-heading">
          <FormErrorSummary form={form} />
          <Textfield id={FIELD_IDS.value_ore} label={t('rules.value')} description={t('rules.amountKrHint')} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} error={form.error('value_ore')} />
          <SelectField id={FIELD_IDS.kind} label={t('rules.kind')} value={kind} onChange={(k) => setKind(k as KindCode | '')} error={form.error('kind')}>
            <option value="">{t('rules.choose')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rules.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <DateField id={FIELD_IDS.date} label={t('rules.date')} value={date} onChange={setDate} error={form.error('date')} />
          <div>
            <Button type="submit" loading={assess.isPending}>
              {t('rules.assessSubmit')}
            </Button>
          </div>
        </form>
        <div role="status" aria-live="polite">
          {assess.data && !assess.isPending && <AssessmentAnswer a={assess.data} />}
        </div>
      </Card.Block>
    </Card>
  );
}
