import { Badge } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { paths } from '@/lib/paths';
import { useT } from '../i18n';
import { useUnreadCount } from '../api/get-notifications';

function BellIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false" className="notification-bell__icon">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 3A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.4l-1.7-3V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The bell in the header: a link to «Varsler» whose accessible name carries the unread count
 * ("Varsler, 3 uleste"). The count is polled every minute and when the window gets focus.
 */
export function NotificationBell() {
  const t = useT();
  const { data: session } = useSession();
  const enabled = !!session && !session.user.must_change_password && can(session, 'core.notifications.read');
  const unread = useUnreadCount(enabled);
  if (!enabled) return null;
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bellNone');
  return (
    <RouterLink to={paths.notifications} className="notification-bell" aria-label={label} title={label}>
      <Badge.Position placement="top-right" overlap="circle">
        {count > 0 && <Badge data-color="danger" count={count} maxCount={99} aria-hidden="true" />}
        <BellIcon />
      </Badge.Position>
    </RouterLink>
  );
}
