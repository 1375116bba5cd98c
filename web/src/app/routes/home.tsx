import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Page } from '@/components/page';
import { municipalityNames, useMunicipalities } from '@/features/org/api/get-municipalities';
import { productAreaName, useProductAreas } from '@/features/org/api/get-product-areas';
import { OrganisationOverview } from '@/features/org/components/organisation-overview';
import { useRequiredSession } from '@/lib/auth';
import { activeGrants } from '@/lib/authorization';
import { formatDate } from '@/lib/format';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';

function YourRoles() {
  const t = useT();
  const lang = useLang();
  const session = useRequiredSession();
  const names = municipalityNames(useMunicipalities().data);
  const areas = useProductAreas().data?.items ?? [];
  const grants = activeGrants(session);
  return (
    <Card className="panel" data-color="neutral">
      <Card.Block>
        <Heading level={2} data-size="xs">
          {t('home.yourRoles')}
        </Heading>
        {grants.length === 0 ? (
          <Paragraph>{t('home.noRoles')}</Paragraph>
        ) : (
          <ul className="plain-list">
            {grants.map((g, i) => (
              <li key={i}>
                <strong>{roleLabel(t, g.role)}</strong>
                {g.municipality && <>, {names.get(g.municipality) ?? g.municipality}</>}
                {g.product_area && <>, {productAreaName(areas.find((a) => a.code === g.product_area), lang, g.product_area)}</>}
                <span className="muted">
                  {' '}
                  ({t('municipality.officerSince', { date: formatDate(g.valid_from) })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card.Block>
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const session = useRequiredSession();
  return (
    <Page title={t('home.title')} intro={t('home.welcome', { name: session.user.name })}>
      <div className="home-grid">
        <OrganisationOverview />
        <aside aria-label={t('home.yourRoles')}>
          <YourRoles />
        </aside>
      </div>
    </Page>
  );
}
