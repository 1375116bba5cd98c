import { Button, Card, Heading, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { TableScroll } from '@/components/table-scroll';
import type { FieldError } from '@/lib/api-client';
import { useAuthorization } from '@/lib/authorization';
import { useT } from '../i18n';
import { useCreateProductArea } from '../api/create-product-area';
import { useProductAreas } from '../api/get-product-areas';

const FIELD_IDS = { code: 'area-code', name_nb: 'area-name-nb', name_en: 'area-name-en' };

function CreateProductAreaForm({ onCreated }: { onCreated: (name: string) => void }) {
  const t = useT();
  const create = useCreateProductArea();
  const form = useFormErrors(FIELD_IDS);
  const [v, setV] = useState({ code: '', name_nb: '', name_en: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!/^[a-z0-9][a-z0-9-]*$/.test(v.code.trim())) found.push({ field: 'code', message: t('productArea.codeHint') });
    if (!v.name_nb.trim()) found.push({ field: 'name_nb', message: t('common.required', { field: t('productArea.nameNb').toLowerCase() }) });
    if (!v.name_en.trim()) found.push({ field: 'name_en', message: t('common.required', { field: t('productArea.nameEn').toLowerCase() }) });
    if (!form.validate(found)) return;
    create.mutate(
      { code: v.code.trim(), name_nb: v.name_nb.trim(), name_en: v.name_en.trim() },
      {
        onSuccess: () => {
          onCreated(v.name_nb.trim());
          setV({ code: '', name_nb: '', name_en: '' });
        },
        onError: (err) => form.setServerError(err),
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ code: t('productArea.code'), name_nb: t('productArea.nameNb'), name_en: t('productArea.nameEn') }} />
      <Textfield id={FIELD_IDS.code} label={t('productArea.code')} description={t('productArea.codeHint')} autoComplete="off" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} error={form.error('code')} />
      <Textfield id={FIELD_IDS.name_nb} label={t('productArea.nameNb')} autoComplete="off" value={v.name_nb} onChange={(e) => setV({ ...v, name_nb: e.target.value })} error={form.error('name_nb')} />
      <Textfield id={FIELD_IDS.name_en} label={t('productArea.nameEn')} autoComplete="off" lang="en" value={v.name_en} onChange={(e) => setV({ ...v, name_en: e.target.value })} error={form.error('name_en')} />
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  );
}

/** The product areas (for product manager appointments); admin and director may add one. */
export function ProductAreas() {
  const t = useT();
  const { can } = useAuthorization();
  const areas = useProductAreas();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="stack-lg">
      <InlineMessage message={message} />
      {areas.isPending ? (
        <Loading />
      ) : areas.error ? (
        <LoadError error={areas.error} onRetry={() => areas.refetch()} />
      ) : (
        <TableScroll label={t('productArea.title')}>
          <Table zebra data-size="sm" className="data-table" aria-label={t('productArea.title')}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('productArea.nameNb')}</Table.HeaderCell>
                <Table.HeaderCell>{t('productArea.nameEn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('productArea.code')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {areas.data.items.map((a) => (
                <Table.Row key={a.code}>
                  <Table.Cell>{a.name_nb}</Table.Cell>
                  <Table.Cell lang="en">{a.name_en}</Table.Cell>
                  <Table.Cell>
                    <code>{a.code}</code>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {can('org.product_areas.write') && (
        <Card className="panel">
          <Card.Block>
            <Heading level={2} data-size="sm">
              {t('productArea.create')}
            </Heading>
            <CreateProductAreaForm onCreated={(name) => setMessage(t('productArea.created', { name }))} />
          </Card.Block>
        </Card>
      )}
    </div>
  );
}
