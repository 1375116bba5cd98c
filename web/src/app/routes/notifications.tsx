import { Page } from '@/components/page';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { NotificationSettings } from '@/features/notifications/components/notification-settings';
import { useSession } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useT } from '../i18n';

export function NotificationsPage() {
  const t = useT();
  const { data: session } = useSession();
  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      <div className="stack-lg">
        <NotificationList />
        {can(session, 'core.notifications.write') && <NotificationSettings />}
      </div>
    </Page>
  );
}
