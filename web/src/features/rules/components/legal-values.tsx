import { Alert, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { LoadError, Loading } from '@/components/query-state';
import { TableScroll } from '@/components/table-scroll';
import { formatDate } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useLegalValues, type LegalValue } from '../api/get-legal-values';
import { useT } from '../i18n';
import { valueText } from './value-text';

function StatusTag({ confirmed }: { confirmed: boolean }) {
  const t = useT();
  return confirmed ? (
    <Tag data-color="success" data-size="sm">{t('rules.confirmed')}</Tag>
  ) : (
    <Tag data-color="warning" data-size="sm">{t('rules.unconfirmed')}</Tag>
  );
}

function label(v: LegalValue, lang: 'nb' | 'en') {
  return lang === 'en' ? v.label_en : v.label_nb;
}

/** The values in force today, with source and status. */
export function ValuesInForce() {
  const t = useT();
  const lang = useLang();
  const values = useLegalValues();
  if (values.isPending) return <Loading />;
  if (values.error) return <LoadError error={values.error} onRetry={() => values.refetch()} />;
  const { date, items, confirmed } = values.data;
  return (
    <div className="stack">
      {!confirmed && (
        <Alert data-color="warning">
          <Paragraph>{t('rules.unconfirmedAlert', { date: formatDate(date) })}</Paragraph>
        </Alert>
      )}
      <TableScroll label={t('rules.valuesCaption', { date: formatDate(date) })}>
        <Table zebra data-size="sm" className="data-table">
          <caption>{t('rules.valuesCaption', { date: formatDate(date) })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('rules.label')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rules.amount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rules.inForce')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rules.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((v) => (
              <Table.Row key={v.id}>
                <Table.HeaderCell scope="row" className="rules-label">
                  {label(v, lang)}
                  <div className="muted rules-source">
                    {t('rules.source')}: {v.source}
                  </div>
                </Table.HeaderCell>
                <Table.Cell className="nowrap">{valueText(t, v)}</Table.Cell>
                <Table.Cell className="nowrap">{formatDate(v.in_force)}</Table.Cell>
                <Table.Cell>
                  <StatusTag confirmed={v.confirmed} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}

/** Every row of the table; superseded rows struck through, with the reason of the correction. */
export function ValuesHistory() {
  const t = useT();
  const lang = useLang();
  const values = useLegalValues({ history: true });
  return (
    <Details>
      <Details.Summary>{t('rules.historyTitle')}</Details.Summary>
      <Details.Content>
        {values.isPending ? (
          <Loading />
        ) : values.error ? (
          <LoadError error={values.error} onRetry={() => values.refetch()} />
        ) : (
          <HistoryTable items={values.data.items} lang={lang} />
        )}
      </Details.Content>
    </Details>
  );
}

function HistoryTable({ items, lang }: { items: LegalValue[]; lang: 'nb' | 'en' }) {
  const t = useT();
  const reasonOf = new Map(items.filter((v) => v.supersedes !== null).map((v) => [v.supersedes as number, v.reason ?? '']));
  return (
    <TableScroll label={t('rules.historyCaption')}>
      <Table data-size="sm" className="data-table">
        <caption>{t('rules.historyCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('rules.row')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.label')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.amount')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.inForce')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((v) => {
            const struck = v.superseded_by !== null;
            const text = (s: string) => (struck ? <del>{s}</del> : s);
            return (
              <Table.Row key={v.id} data-superseded={struck || undefined}>
                <Table.Cell>{v.id}</Table.Cell>
                <Table.Cell>
                  {text(label(v, lang))} <code>{v.key}</code>
                  <div className="muted rules-source">
                    {t('rules.source')}: {text(v.source)}
                  </div>
                  {v.supersedes !== null && <Paragraph data-size="sm">{t('rules.corrects', { id: v.supersedes, reason: v.reason ?? '' })}</Paragraph>}
                  {v.supersedes === null && v.reason && <Paragraph data-size="sm">{v.reason}</Paragraph>}
                </Table.Cell>
                <Table.Cell className="nowrap">{text(valueText(t, v))}</Table.Cell>
                <Table.Cell className="nowrap">{text(formatDate(v.in_force))}</Table.Cell>
                <Table.Cell>
                  {struck ? (
                    <>
                      <Tag data-color="neutral" data-size="sm">{t('rules.struck')}</Tag>
                      <Paragraph data-size="sm">{t('rules.supersededBy', { id: v.superseded_by as number, reason: reasonOf.get(v.id) ?? '' })}</Paragraph>
                    </>
                  ) : (
                    <StatusTag confirmed={v.confirmed} />
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function ValuesSection() {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="values-heading">
      <Heading level={2} data-size="md" id="values-heading">
        {t('rules.valuesTitle')}
      </Heading>
      <ValuesInForce />
      <ValuesHistory />
    </section>
  );
}
