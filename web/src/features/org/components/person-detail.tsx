import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { AppLink } from '@/components/app-link';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { useAuthorization } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { municipalityNames, useMunicipalities } from '../api/get-municipalities';
import { usePerson } from '../api/get-person';
import { productAreaName, useProductAreas } from '../api/get-product-areas';
import { useRoles } from '../api/get-roles';
import { PersonForm } from './person-form';

function PersonRoles({ personId }: { personId: number }) {
  const t = useT();
  const lang = useLang();
  const { can } = useAuthorization();
  const roles = useRoles({ person_id: personId }, { enabled: can('org.roles.read') });
  const municipalities = useMunicipalities();
  const areas = useProductAreas();
  if (!can('org.roles.read')) return null;
  const names = municipalityNames(municipalities.data);
  const areaByCode = new Map((areas.data?.items ?? []).map((a) => [a.code, a]));
  const mine = (roles.data?.items ?? []).filter((r) => r.person_id === personId);
  return (
    <section aria-labelledby="person-roles" className="stack">
      <Heading level={2} data-size="sm" id="person-roles">
        {t('people.roles')}
      </Heading>
      {roles.isPending ? (
        <Loading />
      ) : roles.error ? (
        <LoadError error={roles.error} onRetry={() => roles.refetch()} />
      ) : mine.length === 0 ? (
        <Paragraph>{t('people.noRoles')}</Paragraph>
      ) : (
        <ul className="plain-list">
          {mine.map((r) => (
            <li key={r.id}>
              {roleLabel(t, r.role)}
              {r.municipality && <>, {names.get(r.municipality) ?? r.municipality}</>}
              {r.product_area && <>, {productAreaName(areaByCode.get(r.product_area), lang, r.product_area)}</>}
              <span className="muted">
                {' '}
                ({formatDate(r.valid_from)}–{r.valid_to ? formatDate(r.valid_to) : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One contact: details, editing, and the roles the person holds. */
export function PersonDetail({ id }: { id: number }) {
  const t = useT();
  const { can } = useAuthorization();
  const person = usePerson(id);
  const municipalities = useMunicipalities();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (person.isPending) return <Loading />;
  if (person.error) return <LoadError error={person.error} onRetry={() => person.refetch()} />;
  const p = person.data;
  const names = municipalityNames(municipalities.data);

  return (
    <div className="stack-lg">
      <InlineMessage message={message} />
      <Card className="panel">
        <Card.Block>
          <div className="section-header">
            <Heading level={2} data-size="sm">
              {editing ? t('people.editTitle') : t('municipality.details')}
            </Heading>
            {!editing && (p.municipality && !p.central_staff ? can('org.people.write', { municipality: p.municipality }) : can('org.people.write_central')) && (
              <Button variant="secondary" data-size="sm" onClick={() => { setMessage(null); setEditing(true); }}>
                {t('common.edit')}
              </Button>
            )}
          </div>
          {editing ? (
            <PersonForm
              person={p}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                setMessage(t('people.updated'));
              }}
            />
          ) : (
            <dl className="facts facts--wide">
              <div>
                <dt>{t('people.title_')}</dt>
                <dd>{p.title || '–'}</dd>
              </div>
              <div>
                <dt>{t('people.municipality')}</dt>
                <dd>
                  {p.municipality ? (
                    <AppLink to={paths.municipality(p.municipality)}>{names.get(p.municipality) ?? p.municipality}</AppLink>
                  ) : (
                    '–'
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('people.email')}</dt>
                <dd>{p.email ? <Link href={`mailto:${p.email}`}>{p.email}</Link> : '–'}</dd>
              </div>
              <div>
                <dt>{t('people.phone')}</dt>
                <dd>{p.phone ? <Link href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</Link> : '–'}</dd>
              </div>
              <div>
                <dt>{t('people.user')}</dt>
                <dd>{p.username ?? '–'}</dd>
              </div>
            </dl>
          )}
        </Card.Block>
      </Card>
      <PersonRoles personId={p.id} />
    </div>
  );
}
