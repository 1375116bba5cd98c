import { Pagination, usePagination } from '@digdir/designsystemet-react';
import { useT } from '@/lib/i18n';

type PagerProps = {
  /** 1-based page the list shows. */
  page: number;
  pageSize: number;
  /** Rows matching the filter on every page (the server's `total`). */
  total: number;
  onChange: (page: number) => void;
  /** Names the navigation landmark, e.g. "Kontakter". */
  label?: string;
};

/** Page numbers under a server-paged list (Designsystemet Pagination); hidden when one page holds all. */
export function Pager({ page, pageSize, total, onChange, label }: PagerProps) {
  const t = useT();
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: Math.min(page, totalPages),
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  if (totalPages <= 1) return null;
  return (
    <Pagination aria-label={label ? `${t('common.pagination')}: ${label}` : t('common.pagination')} data-size="sm">
      <Pagination.List>
        <Pagination.Item>
          <Pagination.Button {...prevButtonProps} aria-label={t('common.previousPage')}>
            {t('common.previous')}
          </Pagination.Button>
        </Pagination.Item>
        {pages.map(({ page: p, itemKey, buttonProps }) => (
          <Pagination.Item key={itemKey}>
            {typeof p === 'number' && (
              <Pagination.Button {...buttonProps} aria-label={t('common.pageN', { page: p })}>
                {p}
              </Pagination.Button>
            )}
          </Pagination.Item>
        ))}
        <Pagination.Item>
          <Pagination.Button {...nextButtonProps} aria-label={t('common.nextPage')}>
            {t('common.next')}
          </Pagination.Button>
        </Pagination.Item>
      </Pagination.List>
    </Pagination>
  );
}

/** "Viser 51–100 av 230" for a page of a server-paged list; "" when nothing matched. */
export function useShowing() {
  const t = useT();
  return (page: number, pageSize: number, shown: number, total: number) =>
    total > 0 && shown > 0
      ? t('common.showing', { from: (page - 1) * pageSize + 1, to: (page - 1) * pageSize + shown, total })
      : '';
}
