import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Section } from '@/components/page';
import { LoadError, Loading } from '@/components/query-state';
import { TableScroll } from '@/components/table-scroll';
import type { PermissionScope } from '@/lib/auth';
import { roleLabel, useLang } from '@/lib/i18n';
import { usePermissions, type PermissionInfo, type PermissionTable } from '../api/get-permissions';
import { useT, type Translate } from '../i18n';

/** The grant table's pseudo-role for every signed-in user. */
const SIGNED_IN = 'signed_in';
const SCOPES: readonly PermissionScope[] = ['region', 'own_municipality', 'own_municipality_and_area', 'own_records'];

function scopeText(t: Translate, scope: string): string {
  return (SCOPES as readonly string[]).includes(scope) ? t(`permissions.scope.${scope as PermissionScope}`) : scope;
}

function moduleText(t: Translate, module: string): string {
  if (module === 'rules') return t('permissions.module.rules');
  return module === 'core' ? t('permissions.module.core') : module === 'org' ? t('permissions.module.org') : module;
}

/** Permissions grouped by module, in the server's order (modules in order of first appearance). */
function byModule(permissions: PermissionInfo[]): Array<[string, PermissionInfo[]]> {
  const groups = new Map<string, PermissionInfo[]>();
  for (const p of permissions) groups.set(p.module, [...(groups.get(p.module) ?? []), p]);
  return [...groups];
}

/** The explanation for users' guides and auditors: where the table comes from and what the words mean. */
function About() {
  const t = useT();
  return (
    <div className="stack permissions-about">
      <Paragraph>{t('permissions.about1')}</Paragraph>
      <Paragraph>{t('permissions.about2')}</Paragraph>
      <Paragraph>{t('permissions.about3')}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('permissions.scopesTitle')}
      </Heading>
      <dl className="facts permissions-scopes">
        {SCOPES.map((s) => (
          <div key={s}>
            <dt>{t(`permissions.scope.${s}`)}</dt>
            <dd>{t(`permissions.scope.${s}Hint`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The role × permission matrix: a real table with a caption, column and row headers, one row group per module. */
export function PermissionsMatrixTable({ table }: { table: PermissionTable }) {
  const t = useT();
  const lang = useLang();
  const columns = [SIGNED_IN, ...table.roles.filter((r) => r !== SIGNED_IN)];
  const scopeOf = new Map(table.grants.map((g) => [`${g.role} ${g.permission}`, g.scope]));
  const columnLabel = (role: string) => (role === SIGNED_IN ? t('permissions.signedIn') : roleLabel(t, role));
  if (table.permissions.length === 0) return <Paragraph>{t('permissions.empty')}</Paragraph>;
  return (
    <TableScroll label={t('permissions.tableLabel')}>
      <Table data-size="sm" className="data-table permissions-matrix">
        <caption className="sr-only">{t('permissions.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col" className="permissions-matrix__corner">
              {t('permissions.permission')}
            </Table.HeaderCell>
            {columns.map((role) => (
              <Table.HeaderCell key={role} scope="col" className="permissions-matrix__role">
                {columnLabel(role)}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        {byModule(table.permissions).map(([module, permissions]) => (
          <Table.Body key={module}>
            <Table.Row className="permissions-matrix__module">
              <Table.HeaderCell scope="rowgroup" colSpan={columns.length + 1}>
                {moduleText(t, module)}
              </Table.HeaderCell>
            </Table.Row>
            {permissions.map((p) => (
              <Table.Row key={p.name}>
                <Table.HeaderCell scope="row" className="permissions-matrix__permission">
                  <span className="permissions-matrix__description">{lang === 'en' ? p.description_en : p.description_nb}</span>
                  <span className="permissions-matrix__meta">
                    <code>{p.name}</code>
                    {p.write && (
                      <Tag data-color="warning" data-size="sm">
                        {t('permissions.write')}
                      </Tag>
                    )}
                  </span>
                </Table.HeaderCell>
                {columns.map((role) => {
                  const scope = scopeOf.get(`${role} ${p.name}`);
                  return (
                    <Table.Cell key={role} className={scope ? `permissions-matrix__cell permissions-matrix__cell--${scope}` : 'permissions-matrix__cell'}>
                      {scope ? scopeText(t, scope) : <span className="sr-only">{t('permissions.none')}</span>}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </TableScroll>
  );
}

/** The page content: the explanation and the matrix, loaded from /api/permissions. */
export function PermissionsMatrix() {
  const t = useT();
  const permissions = usePermissions();
  return (
    <div className="stack-lg">
      <Section id="permissions-about" title={t('permissions.aboutTitle')}>
        <About />
      </Section>
      <Section id="permissions-table" title={t('permissions.caption')}>
        {permissions.isPending ? (
          <Loading />
        ) : permissions.error ? (
          <LoadError error={permissions.error} onRetry={() => permissions.refetch()} />
        ) : (
          <PermissionsMatrixTable table={permissions.data} />
        )}
      </Section>
    </div>
  );
}
