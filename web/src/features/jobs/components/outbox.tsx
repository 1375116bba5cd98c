import { Button, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { TableScroll } from '@/components/table-scroll';
import { useAuthorization } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { OUTBOX_PAGE_SIZE, useOutbox, useSendTestMail, type OutboxState } from '../api/get-outbox';
import { useT } from '../i18n';

const STATE_COLOR = { pending: 'warning', sent: 'success', failed: 'danger' } as const;
const STATES: OutboxState[] = ['pending', 'sent', 'failed'];
const FIELD_IDS = { to: 'test-mail-to', name: 'test-mail-name' };

/** A loose check before the server's: something@something.something, no spaces. */
export const looksLikeEmail = (s: string) => /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;.]+$/.test(s);

function TestMailForm() {
  const t = useT();
  const send = useSendTestMail();
  const form = useFormErrors(FIELD_IDS);
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [queued, setQueued] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setQueued(null);
    const address = to.trim();
    if (!form.validate(looksLikeEmail(address) ? [] : [{ field: 'to', message: t('mail.invalidAddress') }])) return;
    try {
      await send.mutateAsync({ to: address, ...(name.trim() ? { name: name.trim() } : {}) });
      setQueued(t('mail.testQueued', { to: address }));
      setTo('');
      setName('');
    } catch (err) {
      form.setServerError(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="test-mail-heading">
      <h3 id="test-mail-heading">{t('mail.testTitle')}</h3>
      <Paragraph data-size="sm">{t('mail.testIntro')}</Paragraph>
      <FormErrorSummary form={form} />
      <div className="filter-bar">
        <Textfield id={FIELD_IDS.to} label={t('mail.testTo')} type="email" autoComplete="off" value={to} onChange={(e) => setTo(e.target.value)} error={form.error('to')} required />
        <Textfield id={FIELD_IDS.name} label={t('mail.testName')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={form.error('name')} />
      </div>
      <div className="button-row">
        <Button type="submit" disabled={send.isPending}>
          {t('mail.testSend')}
        </Button>
      </div>
      <InlineMessage message={queued} />
    </form>
  );
}

/** The outbox: each mail's recipients, subject, state, attempts and last error; paged. */
export function OutboxView() {
  const t = useT();
  const lang = useLang();
  const { can } = useAuthorization();
  const [state, setState] = useState<OutboxState | ''>('');
  const [page, setPage] = useState(1);
  const outbox = useOutbox(state, page);
  const total = outbox.data?.total ?? 0;
  const items = outbox.data?.items ?? [];

  return (
    <div className="stack-lg">
      <div className="filter-bar">
        <SelectField
          id="outbox-state"
          label={t('mail.state')}
          value={state}
          onChange={(v) => {
            setState(v as OutboxState | '');
            setPage(1);
          }}
        >
          <option value="">{t('mail.stateAll')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`mail.state.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {outbox.data && total > 0
          ? t('common.showing', { from: (page - 1) * OUTBOX_PAGE_SIZE + 1, to: (page - 1) * OUTBOX_PAGE_SIZE + items.length, total })
          : ''}
      </p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.error ? (
        <LoadError error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph>{t('mail.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('mail.title')}>
          <Table zebra data-size="sm" className="data-table" aria-label={t('mail.title')}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mail.created')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.to')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.attempts')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.lastError')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell className="nowrap tabular">{formatDateTime(m.created_at, lang)}</Table.Cell>
                  <Table.Cell>{m.to.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(', ')}</Table.Cell>
                  <Table.Cell>{m.subject}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={STATE_COLOR[m.state]} data-size="sm">
                      {t(`mail.state.${m.state}`)}
                    </Tag>
                    {m.state === 'sent' && m.sent_at && <div className="muted small nowrap">{formatDateTime(m.sent_at, lang)}</div>}
                    {m.state === 'pending' && m.attempts > 0 && m.next_attempt_at && (
                      <div className="muted small">{t('mail.nextAttempt', { at: formatDateTime(m.next_attempt_at, lang) })}</div>
                    )}
                  </Table.Cell>
                  <Table.Cell className="tabular">{m.attempts}</Table.Cell>
                  <Table.Cell className="small">{m.last_error ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {total > OUTBOX_PAGE_SIZE && (
        <nav aria-label={t('common.pagination')} className="button-row">
          <Button variant="secondary" data-size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <Button variant="secondary" data-size="sm" disabled={page * OUTBOX_PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </nav>
      )}
      {can('core.mail.send') && <TestMailForm />}
    </div>
  );
}
