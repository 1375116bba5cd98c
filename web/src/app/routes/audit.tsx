import { Page } from '@/components/page';
import { AuditLog } from '@/features/audit/components/audit-log';
import { useT } from '../i18n';

export function AuditPage() {
  const t = useT();
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <AuditLog />
    </Page>
  );
}
