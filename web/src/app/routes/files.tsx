import { Page } from '@/components/page';
import { MyFiles } from '@/features/files/components/my-files';
import { useT } from '../i18n';

export function MyFilesPage() {
  const t = useT();
  return (
    <Page title={t('files.title')} intro={t('files.intro')}>
      <MyFiles />
    </Page>
  );
}
