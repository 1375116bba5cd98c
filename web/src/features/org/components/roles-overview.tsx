import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { AppLink, ButtonLink } from '@/components/app-link';
import { SelectField } from '@/components/fields';
import { Section } from '@/components/page';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { TableScroll } from '@/components/table-scroll';
import { useAuthorization } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { municipalityNames, useMunicipalities } from '../api/get-municipalities';
import { productAreaName, useProductAreas } from '../api/get-product-areas';
import { useRoles } from '../api/get-roles';
import { EndRoleDialog, type EndRoleTarget } from './end-role-dialog';
import { R1Status } from './r1-status';
import { compareNb } from '@/lib/format';

function OfficersTable({ onEnd }: { onEnd: (target: EndRoleTarget) => void }) {
  const t = useT();
  const { can } = useAuthorization();
  const municipalities = useMunicipalities();
  if (municipalities.isPending) return <Loading />;
  if (municipalities.error) return <LoadError error={municipalities.error} onRetry={() => municipalities.refetch()} />;
  return (
    <TableScroll label={t('roles.officers')}>
      <Table zebra data-size="sm" className="data-table" aria-labelledby="officers-heading">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('roles.municipality')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipality.officer')}</Table.HeaderCell>
            <Table.HeaderCell>{t('roles.validFrom')}</Table.HeaderCell>
            <Table.HeaderCell>{t('r1.label')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="sr-only">{t('common.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {municipalities.data.items.map((m) => (
            <Table.Row key={m.orgnr}>
              <Table.Cell>
                <AppLink to={paths.municipality(m.orgnr)}>{m.name}</AppLink>
              </Table.Cell>
              <Table.Cell>
                {m.officer ? (
                  <AppLink to={paths.contact(m.officer.person_id)}>{m.officer.name}</AppLink>
                ) : (
                  <span className="muted">{t('roles.vacant')}</span>
                )}
              </Table.Cell>
              <Table.Cell className="nowrap tabular">{m.officer ? formatDate(m.officer.valid_from) : ''}</Table.Cell>
              <Table.Cell>
                <R1Status ok={m.r1_ok} />
              </Table.Cell>
              <Table.Cell>
                {can('org.roles.appoint_officer', { municipality: m.orgnr }) && (
                  <div className="row-actions">
                    <ButtonLink to={paths.appoint('officer', m.orgnr)} variant={m.officer ? 'tertiary' : 'secondary'} size="sm">
                      {m.officer ? t('roles.appointNew') : t('municipality.appointOfficer')}
                      <span className="sr-only"> – {m.name}</span>
                    </ButtonLink>
                    {m.officer && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() =>
                          m.officer &&
                          onEnd({ id: m.officer.assignment_id, role: 'officer', personName: m.officer.name, scope: m.name, validFrom: m.officer.valid_from })
                        }
                      >
                        {t('roles.end')}
                        <span className="sr-only"> – {m.officer.name}, {m.name}</span>
                      </Button>
                    )}
                  </div>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function ProductManagersTable({ onEnd }: { onEnd: (target: EndRoleTarget) => void }) {
  const t = useT();
  const lang = useLang();
  const { can } = useAuthorization();
  const [municipality, setMunicipality] = useState('');
  const municipalities = useMunicipalities();
  const areas = useProductAreas();
  const roles = useRoles({ role: 'product_manager', municipality: municipality || undefined, include_ended: false });
  const names = municipalityNames(municipalities.data);
  const areaByCode = new Map((areas.data?.items ?? []).map((a) => [a.code, a]));
  const rows = [...(roles.data?.items ?? [])].sort(
    (a, b) =>
      compareNb(names.get(a.municipality ?? '') ?? '', names.get(b.municipality ?? '') ?? '') ||
      compareNb(productAreaName(areaByCode.get(a.product_area ?? ''), lang), productAreaName(areaByCode.get(b.product_area ?? ''), lang)),
  );

  return (
    <div className="stack">
      <div className="filter-bar">
        <SelectField id="pm-municipality" label={t('roles.filterMunicipality')} value={municipality} onChange={setMunicipality}>
          <option value="">{t('common.all')}</option>
          {(municipalities.data?.items ?? []).map((m) => (
            <option key={m.orgnr} value={m.orgnr}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      {roles.isPending ? (
        <Loading />
      ) : roles.error ? (
        <LoadError error={roles.error} onRetry={() => roles.refetch()} />
      ) : rows.length === 0 ? (
        <Paragraph>{t('roles.noProductManagers')}</Paragraph>
      ) : (
        <TableScroll label={t('roles.productManagers')}>
          <Table zebra data-size="sm" className="data-table" aria-labelledby="product-managers-heading">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('roles.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.productArea')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roles.validTo')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => {
                const mName = names.get(r.municipality ?? '') ?? r.municipality ?? '';
                const aName = productAreaName(areaByCode.get(r.product_area ?? ''), lang, r.product_area ?? '');
                return (
                  <Table.Row key={r.id}>
                    <Table.Cell>{mName}</Table.Cell>
                    <Table.Cell>{aName}</Table.Cell>
                    <Table.Cell>
                      <AppLink to={paths.contact(r.person_id)}>{r.person_name}</AppLink>
                    </Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatDate(r.valid_from)}</Table.Cell>
                    <Table.Cell className="nowrap tabular">{formatDate(r.valid_to)}</Table.Cell>
                    <Table.Cell>
                      {r.municipality && can('org.roles.appoint_local', { municipality: r.municipality }) && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => onEnd({ id: r.id, role: r.role, personName: r.person_name, scope: `${mName}, ${aName}`, validFrom: r.valid_from })}
                        >
                          {t('roles.end')}
                          <span className="sr-only"> – {r.person_name}, {aName}, {mName}</span>
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}

/** Officers per municipality (with R-1) and product managers, with appoint and end actions. */
export function RolesOverview() {
  const t = useT();
  const { can } = useAuthorization();
  const [ending, setEnding] = useState<EndRoleTarget | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="stack-lg">
      <InlineMessage message={message} />
      <Section
        id="officers"
        title={t('roles.officers')}
        actions={can('org.roles.appoint_officer') && <ButtonLink to={paths.appoint('officer')} variant="secondary" size="sm">{t('roles.appointOfficer')}</ButtonLink>}
      >
        <OfficersTable onEnd={setEnding} />
      </Section>
      <Section
        id="product-managers"
        title={t('roles.productManagers')}
        actions={can('org.roles.appoint_local') && <ButtonLink to={paths.appoint('product_manager')} variant="secondary" size="sm">{t('roles.appointProductManager')}</ButtonLink>}
      >
        <ProductManagersTable onEnd={setEnding} />
      </Section>
      <EndRoleDialog
        target={ending}
        onClose={() => setEnding(null)}
        onEnded={(msg) => {
          setEnding(null);
          setMessage(msg);
        }}
      />
    </div>
  );
}
