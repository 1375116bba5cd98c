import { Button, Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { TableScroll } from '@/components/table-scroll';
import { useAuthorization } from '@/lib/authorization';
import { useErrorText } from '@/lib/error-texts';
import { formatDateTime } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useJobs, useRunJob, type Job } from '../api/get-jobs';
import { useT, type Translate } from '../i18n';

type Run = Job['last_runs'][number];

const OUTCOME_COLOR = { running: 'info', ok: 'success', failed: 'danger', abandoned: 'warning' } as const;

/** The schedule in words ("Hver dag kl. 03:00", "Hvert 60. sekund"). */
export function scheduleText(job: Pick<Job, 'schedule'>, t: Translate): string {
  const s = job.schedule;
  const time = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  if (s.kind === 'daily') return t('jobs.daily', { time });
  if (s.kind === 'once') return t('jobs.once', { time });
  const seconds = s.every_seconds ?? 0;
  return seconds % 60 === 0 ? t('jobs.everyMinutes', { minutes: seconds / 60 }) : t('jobs.every', { seconds });
}

function Outcome({ run }: { run: Run }) {
  const t = useT();
  return (
    <Tag data-color={OUTCOME_COLOR[run.outcome]} data-size="sm">
      {t(`jobs.outcome.${run.outcome}`)}
    </Tag>
  );
}

function triggerText(run: Run, t: Translate): string {
  if (run.trigger === 'manual') return t('jobs.trigger.manual', { user: run.triggered_by });
  return t(`jobs.trigger.${run.trigger}`);
}

function Runs({ job }: { job: Job }) {
  const t = useT();
  const lang = useLang();
  const title = t('jobs.runsOf', { name: job.name });
  return (
    <Details>
      <Details.Summary>{t('jobs.showRuns')}</Details.Summary>
      <Details.Content>
        <Table data-size="sm" className="data-table" aria-label={title}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('jobs.started')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.ended')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.outcome')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.error')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {job.last_runs.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell className="nowrap tabular">{formatDateTime(r.started_at, lang)}</Table.Cell>
                <Table.Cell className="nowrap tabular">{r.ended_at ? formatDateTime(r.ended_at, lang) : ''}</Table.Cell>
                <Table.Cell>
                  <Outcome run={r} /> <span className="muted small">{triggerText(r, t)}</span>
                </Table.Cell>
                <Table.Cell>{r.error ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Details.Content>
    </Details>
  );
}

/** Every registered job: its schedule, next run and last runs; "Kjør nå" for those who may. */
export function JobsTable() {
  const t = useT();
  const lang = useLang();
  const jobs = useJobs();
  const run = useRunJob();
  const errorText = useErrorText();
  const mayRun = useAuthorization().can('core.jobs.run');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  async function runNow(job: Job) {
    setMessage(null);
    try {
      const r = await run.mutateAsync(job.name);
      const name = lang === 'nb' ? job.description_nb : job.description_en;
      setMessage(r.outcome === 'ok' ? { text: t('jobs.ranOk', { name }), ok: true } : { text: t('jobs.ranFailed', { name, error: r.error ?? '' }), ok: false });
    } catch (e) {
      setMessage({ text: errorText.message(e), ok: false });
    }
  }

  if (jobs.isPending) return <Loading />;
  if (jobs.error) return <LoadError error={jobs.error} onRetry={() => jobs.refetch()} />;
  const items = jobs.data.items;
  if (items.length === 0) return <Paragraph>{t('jobs.empty')}</Paragraph>;
  return (
    <div className="stack">
      <InlineMessage message={message?.text ?? null} color={message?.ok ? 'success' : 'danger'} />
      <TableScroll label={t('jobs.listTitle')}>
        <Table zebra data-size="sm" className="data-table" aria-label={t('jobs.listTitle')}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('jobs.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.schedule')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.next')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.lastRun')}</Table.HeaderCell>
              {mayRun && <Table.HeaderCell>{t('jobs.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((j) => {
              const last = j.last_runs[0];
              return (
                <Table.Row key={j.name}>
                  <Table.Cell>
                    <div>{lang === 'nb' ? j.description_nb : j.description_en}</div>
                    <code className="entity-id">{j.name}</code>
                  </Table.Cell>
                  <Table.Cell>{scheduleText(j, t)}</Table.Cell>
                  <Table.Cell className="nowrap tabular">
                    {j.running ? t('jobs.running') : j.next_run_at ? formatDateTime(j.next_run_at, lang) : t('jobs.notScheduled')}
                    {j.attempts > 0 && <div className="muted small">{t('jobs.retrying', { attempts: j.attempts, max: j.max_attempts })}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {last ? (
                      <div className="stack-sm">
                        <div>
                          <Outcome run={last} /> <span className="nowrap tabular">{formatDateTime(last.started_at, lang)}</span>
                        </div>
                        {last.error && <div className="small">{last.error}</div>}
                        <Runs job={j} />
                      </div>
                    ) : (
                      <span className="muted">{t('jobs.never')}</span>
                    )}
                  </Table.Cell>
                  {mayRun && (
                    <Table.Cell>
                      <Button variant="secondary" data-size="sm" onClick={() => runNow(j)} disabled={run.isPending || j.running} aria-label={t('jobs.runLabel', { name: j.name })}>
                        {t('jobs.run')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}
