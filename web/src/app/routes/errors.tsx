import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '@/components/app-link';
import { Page } from '@/components/page';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';

export function ForbiddenPage() {
  const t = useT();
  return (
    <Page title={t('common.noAccessTitle')}>
      <Paragraph>{t('common.noAccessText')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.home}>{t('common.toHome')}</AppLink>
      </Paragraph>
    </Page>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('common.notFoundTitle')}>
      <Paragraph>{t('common.notFoundText')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.home}>{t('common.toHome')}</AppLink>
      </Paragraph>
    </Page>
  );
}
