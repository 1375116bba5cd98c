import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FileUpload } from '@/components/file-upload';
import { LoadError, Loading } from '@/components/query-state';
import { TableScroll } from '@/components/table-scroll';
import { formatDateTime } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { MY_FILES_PAGE_SIZE, myFilesKey, useMyFiles } from '../api/get-my-files';

/** "1,2 MB" / "340 kB" / "12 B", Norwegian decimal comma in bokmål. */
export function formatSize(bytes: number, lang: 'nb' | 'en' = 'nb'): string {
  const fmt = (n: number) => n.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1_000_000) return `${fmt(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${fmt(bytes / 1_000)} kB`;
  return `${bytes} B`;
}

/** A content type as a short label ("application/pdf" → "PDF"). */
function typeLabel(contentType: string): string {
  const t = contentType.split(';')[0] ?? contentType;
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'application/zip': 'ZIP',
    'application/xml': 'XML',
    'text/csv': 'CSV',
    'text/plain': 'Tekst',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
  };
  return known[t] ?? t;
}

export function MyFiles() {
  const t = useT();
  const lang = useLang();
  const [page, setPage] = useState(1);
  const files = useMyFiles(page);
  const queryClient = useQueryClient();
  const items = files.data?.items ?? [];
  const total = files.data?.total ?? 0;

  return (
    <div className="my-files">
      <section aria-labelledby="files-upload-heading">
        <Heading level={2} data-size="sm" id="files-upload-heading">
          {t('files.uploadHeading')}
        </Heading>
        <FileUpload onUploaded={() => queryClient.invalidateQueries({ queryKey: myFilesKey })} />
      </section>
      <section aria-labelledby="files-list-heading">
        <Heading level={2} data-size="sm" id="files-list-heading">
          {t('files.listHeading')}
        </Heading>
        {files.isPending ? (
          <Loading />
        ) : files.error ? (
          <LoadError error={files.error} onRetry={() => files.refetch()} />
        ) : items.length === 0 ? (
          <Paragraph>{t('files.empty')}</Paragraph>
        ) : (
          <TableScroll label={t('files.listHeading')}>
            <Table zebra data-size="sm" className="data-table" aria-labelledby="files-list-heading">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('files.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('files.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('files.size')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('files.uploadedAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('files.attached')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((f) => (
                  <Table.Row key={f.id}>
                    <Table.Cell>
                      <Link href={f.download_url} download={f.filename} aria-label={t('files.download', { name: f.filename })}>
                        {f.filename}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{typeLabel(f.content_type)}</Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatSize(f.size, lang)}</Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatDateTime(f.uploaded_at, lang)}</Table.Cell>
                    <Table.Cell>{f.attached ? t('files.yes') : t('files.no')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        {total > MY_FILES_PAGE_SIZE && (
          <nav aria-label={t('common.pagination')} className="button-row">
            <Button variant="secondary" data-size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              {t('common.previous')}
            </Button>
            <Button variant="secondary" data-size="sm" disabled={page * MY_FILES_PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
              {t('common.next')}
            </Button>
          </nav>
        )}
      </section>
    </div>
  );
}
