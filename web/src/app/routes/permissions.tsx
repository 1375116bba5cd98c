import { Page } from '@/components/page';
import { PermissionsMatrix } from '@/features/permissions/components/permissions-matrix';
import { useT } from '../i18n';

export function PermissionsPage() {
  const t = useT();
  return (
    <Page title={t('permissions.title')} intro={t('permissions.intro')}>
      <PermissionsMatrix />
    </Page>
  );
}
