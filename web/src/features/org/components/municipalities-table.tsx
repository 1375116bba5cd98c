import { Table, Tag } from '@digdir/designsystemet-react';
import { AppLink } from '@/components/app-link';
import { TableScroll } from '@/components/table-scroll';
import { formatDate, formatOrgnr } from '@/lib/format';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import type { Municipality } from '../api/get-municipalities';
import { R1Status } from './r1-status';

/** The full municipalities table of the Organisation page. */
export function MunicipalitiesTable({ items }: { items: Municipality[] }) {
  const t = useT();
  return (
    <TableScroll label={t('municipality.title')}>
      <Table zebra data-size="sm" className="data-table" aria-labelledby="municipalities-heading">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('municipality.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.orgnrShort')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.numberShort')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.host')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.memberFrom')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.memberTo')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.officer')}</Table.HeaderCell>
            <Table.HeaderCell>{t('r1.label')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((m) => (
            <Table.Row key={m.orgnr}>
              <Table.Cell>
                <AppLink to={paths.municipality(m.orgnr)}>{m.name}</AppLink>
              </Table.Cell>
              <Table.Cell className="nowrap">
                <span className="tabular">{formatOrgnr(m.orgnr)}</span>
                {!m.orgnr_verified && <span className="cell-note">{t('municipality.orgnrUnverified')}</span>}
              </Table.Cell>
              <Table.Cell className="tabular">{m.municipality_number}</Table.Cell>
              <Table.Cell>
                {m.host ? (
                  <Tag data-color="info" data-size="sm">
                    {t('municipality.hostTag')}
                  </Tag>
                ) : (
                  <span className="sr-only">{t('common.no')}</span>
                )}
              </Table.Cell>
              <Table.Cell className="nowrap tabular">{formatDate(m.member_from)}</Table.Cell>
              <Table.Cell className="nowrap tabular">{formatDate(m.member_to)}</Table.Cell>
              <Table.Cell>{m.officer ? m.officer.name : <span className="muted">{t('municipality.noOfficer')}</span>}</Table.Cell>
              <Table.Cell>
                <R1Status ok={m.r1_ok} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
