import { Checkbox, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { AppLink } from '@/components/app-link';
import { SelectField } from '@/components/fields';
import { LoadError, Loading } from '@/components/query-state';
import { Pager } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { ROLE_NAMES, type RoleName } from '@/lib/authorization';
import { formatDate, todayIso } from '@/lib/format';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { municipalityNames, useMunicipalities } from '../api/get-municipalities';
import { productAreaName, useProductAreas } from '../api/get-product-areas';
import { useRoles, type RoleAssignment } from '../api/get-roles';

const ROLES_PAGE_SIZE = 50;

function status(r: RoleAssignment, today: string): 'active' | 'ended' | 'future' {
  if (r.valid_from > today) return 'future';
  if (r.valid_to !== null && r.valid_to < today) return 'ended';
  return 'active';
}

/** Every role assignment with its validity, filterable; ended ones included by default. */
export function RoleHistory() {
  const t = useT();
  const lang = useLang();
  const [municipality, setMunicipality] = useState('');
  const [role, setRole] = useState<RoleName | ''>('');
  const [productArea, setProductArea] = useState('');
  const [includeEnded, setIncludeEnded] = useState(true);
  const municipalities = useMunicipalities();
  const areas = useProductAreas();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [municipality, role, productArea, includeEnded]);
  const roles = useRoles({
    page,
    page_size: ROLES_PAGE_SIZE,
    municipality: municipality || undefined,
    role: role || undefined,
    product_area: productArea || undefined,
    include_ended: includeEnded,
  });
  const names = municipalityNames(municipalities.data);
  const areaByCode = new Map((areas.data?.items ?? []).map((a) => [a.code, a]));
  const today = todayIso();
  // The server pages newest first; a sort here would only sort the page.
  const rows = roles.data?.items ?? [];
  const statusTag = { active: 'success', ended: 'neutral', future: 'info' } as const;

  return (
    <section aria-labelledby="history-heading" className="stack">
      <Heading level={2} data-size="sm" id="history-heading">
        {t('history.filters')}
      </Heading>
      <div className="filter-bar">
        <SelectField id="history-municipality" label={t('roles.municipality')} value={municipality} onChange={setMunicipality}>
          <option value="">{t('common.all')}</option>
          {(municipalities.data?.items ?? []).map((m) => (
            <option key={m.orgnr} value={m.orgnr}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="history-role" label={t('roles.role')} value={role} onChange={(v) => setRole(v as RoleName | '')}>
          <option value="">{t('common.all')}</option>
          {ROLE_NAMES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </SelectField>
        <SelectField id="history-area" label={t('roles.productArea')} value={productArea} onChange={setProductArea}>
          <option value="">{t('common.all')}</option>
          {(areas.data?.items ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {productAreaName(a, lang)}
            </option>
          ))}
        </SelectField>
        <div className="filter-bar__check">
          <Checkbox id="history-ended" label={t('history.includeEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)} />
        </div>
      </div>
      {roles.isPending ? (
        <Loading />
      ) : roles.error ? (
        <LoadError error={roles.error} onRetry={() => roles.refetch()} />
      ) : rows.length === 0 ? (
        <Paragraph>{t('common.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('history.title')}>
          <Table zebra data-size="sm" className="data-table" aria-label={t('history.title')}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('roles.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('history.scope')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.validTo')}</Table.HeaderCell>
                <Table.HeaderCell>{t('history.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => {
                const s = status(r, today);
                return (
                  <Table.Row key={r.id}>
                    <Table.Cell>
                      <AppLink to={paths.contact(r.person_id)}>{r.person_name}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{roleLabel(t, r.role)}</Table.Cell>
                    <Table.Cell>
                      {r.municipality ? (names.get(r.municipality) ?? r.municipality) : t('history.wholeRegion')}
                      {r.product_area && <>, {productAreaName(areaByCode.get(r.product_area), lang, r.product_area)}</>}
                    </Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatDate(r.valid_from)}</Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatDate(r.valid_to)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={statusTag[s]} data-size="sm">
                        {t(`history.${s}`)}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {roles.data && <Pager page={page} pageSize={ROLES_PAGE_SIZE} total={roles.data.total} onChange={setPage} label={t('history.title')} />}
    </section>
  );
}
