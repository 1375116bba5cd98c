import { Paragraph } from '@digdir/designsystemet-react';
import { Page, Section } from '@/components/page';
import { JobsTable } from '@/features/jobs/components/jobs-table';
import { OutboxView } from '@/features/jobs/components/outbox';
import { useAuthorization } from '@/lib/authorization';
import { useT } from '../i18n';

/** «Jobber»: the scheduled jobs and their runs, and the outbox «Utgående e-post». */
export function JobsPage() {
  const t = useT();
  const { can } = useAuthorization();
  return (
    <Page title={t('jobs.title')} intro={t('jobs.intro')}>
      <Section title={t('jobs.listTitle')} id="jobs">
        <JobsTable />
      </Section>
      {can('core.mail.read') && (
        <Section title={t('mail.title')} id="outbox">
          <Paragraph>{t('mail.intro')}</Paragraph>
          <OutboxView />
        </Section>
      )}
    </Page>
  );
}
