import { Button, Card, Checkbox, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { AppLink } from '@/components/app-link';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { formatDateTime } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { NOTIFICATIONS_PAGE_SIZE, useNotifications, type Notification } from '../api/get-notifications';
import { useConfirmNotification, useMarkAllRead, useMarkRead } from '../api/mark-read';

function NotificationItem({ n }: { n: Notification }) {
  const t = useT();
  const lang = useLang();
  const markRead = useMarkRead();
  const confirm = useConfirmNotification();
  const title = lang === 'en' && n.title_en ? n.title_en : n.title_nb;
  const kind = lang === 'en' ? n.kind_label_en : n.kind_label_nb;
  const unread = n.read_at === null;
  const headingId = `notification-${n.id}`;
  return (
    <li>
      <Card data-color={unread ? 'accent' : 'neutral'} className={unread ? 'notification notification--unread' : 'notification'}>
        <div className="notification__meta">
          <span className="muted small">
            {kind} · {formatDateTime(n.created_at, lang)}
          </span>
          {unread ? (
            <Tag data-color="info" data-size="sm">
              {t('notifications.unread')}
            </Tag>
          ) : (
            <span className="sr-only">{t('notifications.read')}</span>
          )}
          {n.requires_confirmation && n.confirmed_at === null && (
            <Tag data-color="warning" data-size="sm">
              {t('notifications.mustConfirm')}
            </Tag>
          )}
        </div>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
        {n.body && <Paragraph className="notification__body">{n.body}</Paragraph>}
        <div className="button-row">
          {n.link && <AppLink to={n.link}>{t('notifications.open')}</AppLink>}
          {unread && !n.requires_confirmation && (
            <Button variant="secondary" data-size="sm" loading={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
              {t('notifications.markRead')}
              <span className="sr-only">: {title}</span>
            </Button>
          )}
          {n.requires_confirmation &&
            (n.confirmed_at === null ? (
              <Button data-size="sm" loading={confirm.isPending} onClick={() => confirm.mutate(n.id)}>
                {t('notifications.confirm')}
                <span className="sr-only">: {title}</span>
              </Button>
            ) : (
              <Paragraph data-size="sm" className="notification__confirmed">
                {t('notifications.confirmed', { at: formatDateTime(n.confirmed_at, lang) })}
              </Paragraph>
            ))}
        </div>
        {(markRead.error ?? confirm.error) && <LoadError error={markRead.error ?? confirm.error} />}
      </Card>
    </li>
  );
}

/** The caller's notifications, newest first, paged; mark read, mark all read, confirm. */
export function NotificationList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = useNotifications(page, unreadOnly);
  const markAll = useMarkAllRead();
  const total = list.data?.total ?? 0;
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const from = (page - 1) * NOTIFICATIONS_PAGE_SIZE;

  return (
    <div className="stack-lg">
      <div className="filter-bar">
        <div className="filter-bar__check">
          <Checkbox
            id="notifications-unread"
            label={t('notifications.onlyUnread')}
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />
        </div>
        <div className="button-row">
          <Button
            variant="secondary"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: () => setDone(t('notifications.markedAll')) })}
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
      </div>
      <InlineMessage message={done} />
      <p className="result-count" role="status" aria-live="polite">
        {list.data
          ? [t('notifications.unreadCount', { count: unread }), total > 0 ? t('common.showing', { from: from + 1, to: Math.min(from + items.length, total), total }) : '']
              .filter(Boolean)
              .join(' · ')
          : ''}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph>{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Paragraph>
      ) : (
        <ul className="notification-list" aria-label={t('notifications.listLabel')}>
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
      {total > NOTIFICATIONS_PAGE_SIZE && (
        <nav aria-label={t('common.pagination')} className="button-row">
          <Button variant="secondary" data-size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <Button variant="secondary" data-size="sm" disabled={page * NOTIFICATIONS_PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </nav>
      )}
    </div>
  );
}
