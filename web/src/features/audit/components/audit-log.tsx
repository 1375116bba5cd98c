import { Button, Details, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { ExportLinks } from '@/components/export-links';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { Pager, useShowing } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import type { FieldError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useLang, type Lang } from '@/lib/i18n';
import { useT } from '../i18n';
import { AUDIT_PAGE_SIZE, useAudit, type AuditEntry, type AuditFilter } from '../api/get-audit';

const FIELD_IDS = { entity: 'audit-entity', user: 'audit-user', from: 'audit-from', to: 'audit-to' };

// Labels for the entity and action names the server records; unknown names are shown as sent.
const ENTITY_LABELS: Record<string, Record<Lang, string>> = {
  'org.municipality': { nb: 'Kommune', en: 'Municipality' },
  'org.person': { nb: 'Person', en: 'Person' },
  'org.role_assignment': { nb: 'Rolle', en: 'Role' },
  'org.product_area': { nb: 'Produktområde', en: 'Product area' },
  'auth.user': { nb: 'Bruker', en: 'User' },
  'auth.session': { nb: 'Innlogging', en: 'Sign-in' },
};
// The entity filter: exact names, or a prefix ending in "." for a whole module.
const ENTITY_FILTERS = ['org.municipality', 'org.person', 'org.role_assignment', 'org.product_area', 'org.', 'auth.user', 'auth.session'];
const ENTITY_FILTER_LABELS: Record<string, Record<Lang, string>> = {
  'org.municipality': { nb: 'Kommuner', en: 'Municipalities' },
  'org.person': { nb: 'Personer', en: 'People' },
  'org.role_assignment': { nb: 'Roller', en: 'Roles' },
  'org.product_area': { nb: 'Produktområder', en: 'Product areas' },
  'org.': { nb: 'Alt i organisasjonen', en: 'All of the organisation' },
  'auth.user': { nb: 'Brukerkontoer', en: 'User accounts' },
  'auth.session': { nb: 'Innlogginger', en: 'Sign-ins' },
};
const ACTION_LABELS: Record<string, Record<Lang, string>> = {
  create: { nb: 'Opprettet', en: 'Created' },
  update: { nb: 'Endret', en: 'Updated' },
  delete: { nb: 'Slettet', en: 'Deleted' },
  end: { nb: 'Avsluttet', en: 'Ended' },
  make_host: { nb: 'Gjort til vertskommune', en: 'Made host' },
  appoint: { nb: 'Utnevnt', en: 'Appointed' },
  login: { nb: 'Logget inn', en: 'Signed in' },
  logout: { nb: 'Logget ut', en: 'Signed out' },
  deactivate: { nb: 'Deaktivert', en: 'Deactivated' },
  activate: { nb: 'Aktivert', en: 'Activated' },
  unlock: { nb: 'Låst opp', en: 'Unlocked' },
  reset_password: { nb: 'Passord nullstilt', en: 'Password reset' },
  change_password: { nb: 'Passord byttet', en: 'Password changed' },
};
const label = (map: Record<string, Record<Lang, string>>, key: string, lang: Lang) => map[key]?.[lang] ?? key;

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) return <p className="muted">{t('audit.nothing')}</p>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (entry.before == null && entry.after == null) return null;
  // For updates, name the fields that changed (creations and deletions change everything).
  const keys = entry.before != null && entry.after != null ? changedKeys(entry.before, entry.after) : [];
  return (
    <Details className="audit-details">
      <Details.Summary>
        {t('audit.showChanges')}
        {keys.length > 0 && keys.length <= 4 && <span className="muted"> ({keys.join(', ')})</span>}
      </Details.Summary>
      <Details.Content>
        <div className="before-after">
          <div>
            <h3 className="before-after__title">{t('audit.before')}</h3>
            <Json value={entry.before} />
          </div>
          <div>
            <h3 className="before-after__title">{t('audit.after')}</h3>
            <Json value={entry.after} />
          </div>
        </div>
        {entry.request_id && (
          <p className="muted small">
            {t('audit.requestId')}: <code>{entry.request_id}</code>
          </p>
        )}
      </Details.Content>
    </Details>
  );
}

type Draft = { entity: string; user: string; from: string | null; to: string | null };

/** The audit log: filter by entity, user and dates; before/after per entry; export to xlsx. */
export function AuditLog() {
  const t = useT();
  const lang = useLang();
  const form = useFormErrors(FIELD_IDS);
  const [draft, setDraft] = useState<Draft>({ entity: '', user: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const audit = useAudit(filter, page);
  const showing = useShowing();

  function apply(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (draft.from === null) found.push({ field: 'from', message: t('common.invalidDate') });
    if (draft.to === null) found.push({ field: 'to', message: t('common.invalidDate') });
    if (!form.validate(found)) return;
    setFilter({
      entity: draft.entity.trim() || undefined,
      user: draft.user.trim() || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
    setPage(1);
  }

  function clear() {
    form.reset();
    setDraft({ entity: '', user: '', from: '', to: '' });
    setFilter({});
    setPage(1);
  }

  const total = audit.data?.total ?? 0;
  const items = audit.data?.items ?? [];

  return (
    <div className="stack-lg">
      <form onSubmit={apply} noValidate className="stack" aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading" className="sr-only">
          {t('audit.filters')}
        </h2>
        <FormErrorSummary form={form} />
        <div className="filter-bar">
          <SelectField id={FIELD_IDS.entity} label={t('audit.entity')} value={draft.entity} onChange={(v) => setDraft({ ...draft, entity: v })}>
            <option value="">{t('common.all')}</option>
            {ENTITY_FILTERS.map((e) => (
              <option key={e} value={e}>
                {label(ENTITY_FILTER_LABELS, e, lang)}
              </option>
            ))}
          </SelectField>
          <Textfield id={FIELD_IDS.user} label={t('audit.user')} description={t('audit.userHint')} autoComplete="off" value={draft.user} onChange={(e) => setDraft({ ...draft, user: e.target.value })} />
          <DateField id={FIELD_IDS.from} label={t('audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} error={form.error('from')} />
          <DateField id={FIELD_IDS.to} label={t('audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} error={form.error('to')} />
        </div>
        <div className="button-row">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button type="button" variant="secondary" onClick={clear}>
            {t('common.reset')}
          </Button>
          <ExportLinks path="/api/audit" query={filter} />
        </div>
      </form>

      <p className="result-count" role="status" aria-live="polite">
        {audit.data ? showing(page, AUDIT_PAGE_SIZE, items.length, total) : ''}
      </p>
      {audit.isPending ? (
        <Loading />
      ) : audit.error ? (
        <LoadError error={audit.error} onRetry={() => audit.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('audit.title')}>
          <Table zebra data-size="sm" className="data-table audit-table" aria-label={t('audit.title')}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.user')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.object')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.changes')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell className="nowrap tabular">{formatDateTime(e.at, lang)}</Table.Cell>
                  <Table.Cell>{e.username ?? t('audit.system')}</Table.Cell>
                  <Table.Cell>{label(ACTION_LABELS, e.action, lang)}</Table.Cell>
                  <Table.Cell>
                    {label(ENTITY_LABELS, e.entity, lang)} <code className="entity-id">{e.entity_id}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <Changes entry={e} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Pager page={page} pageSize={AUDIT_PAGE_SIZE} total={total} onChange={setPage} label={t('audit.title')} />
    </div>
  );
}
