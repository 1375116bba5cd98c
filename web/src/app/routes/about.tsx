import { Page } from '@/components/page';
import { AccessibilityStatement } from '@/features/about/components/accessibility-statement';
import { PrivacyNotice } from '@/features/about/components/privacy-notice';
import { useT } from '../i18n';

export function AccessibilityPage() {
  const t = useT();
  return (
    <Page title={t('a11y.title')}>
      <AccessibilityStatement />
    </Page>
  );
}

export function PrivacyPage() {
  const t = useT();
  return (
    <Page title={t('privacy.title')}>
      <PrivacyNotice />
    </Page>
  );
}
