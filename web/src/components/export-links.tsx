import { Link } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { withQuery, type QueryValue } from '@/lib/api-client';
import { useT } from '@/lib/i18n';

export type ExportFormat = 'xlsx' | 'csv';

/** The address of a list route's export: the list's own filters plus `format`. */
export function exportUrl(path: string, query: Record<string, QueryValue>, format: ExportFormat): string {
  return withQuery(path, { ...query, format });
}

/**
 * «Eksporter»: the list as an Excel or a CSV file, with the filters it shows now (every matching
 * row, not one page). Plain links with `download`: the browser saves the file the server names.
 */
export function ExportLinks({ path, query }: { path: string; query: Record<string, QueryValue> }) {
  const t = useT();
  const id = useId();
  return (
    <div className="export-links" role="group" aria-labelledby={id}>
      <span id={id} className="export-links-label">
        {t('common.export')}
      </span>
      <Link href={exportUrl(path, query, 'xlsx')} download>
        {t('common.exportExcel')}
      </Link>
      <Link href={exportUrl(path, query, 'csv')} download>
        {t('common.exportCsv')}
      </Link>
    </div>
  );
}
