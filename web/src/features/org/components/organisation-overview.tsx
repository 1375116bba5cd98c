import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { AppLink } from '@/components/app-link';
import { LoadError, Loading } from '@/components/query-state';
import { useAuthorization } from '@/lib/authorization';
import { formatDate, formatOrgnr } from '@/lib/format';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { useMunicipalities, type Municipality } from '../api/get-municipalities';
import { R1Status } from './r1-status';

function MunicipalityCard({ m }: { m: Municipality }) {
  const t = useT();
  const { can } = useAuthorization();
  return (
    <li>
      <Card className={`municipality-card${m.r1_ok ? '' : ' municipality-card--missing'}`}>
        <Card.Block>
          <div className="municipality-card__title">
            <Heading level={3} data-size="xs">
              <AppLink to={paths.municipality(m.orgnr)}>{m.name}</AppLink>
            </Heading>
            {m.host && (
              <Tag data-color="info" data-size="sm">
                {t('municipality.hostTag')}
              </Tag>
            )}
          </div>
          <dl className="facts">
            <div>
              <dt>{t('municipality.orgnrShort')}</dt>
              <dd className="tabular">{formatOrgnr(m.orgnr)}</dd>
            </div>
            <div>
              <dt>{t('municipality.officer')}</dt>
              <dd>
                {m.officer ? (
                  <>
                    {m.officer.name}{' '}
                    <span className="muted">{t('municipality.officerSince', { date: formatDate(m.officer.valid_from) })}</span>
                  </>
                ) : (
                  <span className="muted">{t('municipality.noOfficer')}</span>
                )}
              </dd>
            </div>
          </dl>
          <div className="municipality-card__footer">
            <R1Status ok={m.r1_ok} />
            {!m.r1_ok && can('org.roles.appoint_officer', { municipality: m.orgnr }) && (
              <AppLink to={paths.appoint('officer', m.orgnr)}>{t('overview.goToRoles')}</AppLink>
            )}
          </div>
        </Card.Block>
      </Card>
    </li>
  );
}

/** The RIIK organisation at a glance: host, municipalities and rule R-1. */
export function OrganisationOverview() {
  const t = useT();
  const { data, error, isPending, refetch } = useMunicipalities();
  if (isPending) return <Loading />;
  if (error) return <LoadError error={error} onRetry={() => refetch()} />;

  const host = data.items.find((m) => m.host);
  const missing = data.items.filter((m) => !m.r1_ok);
  return (
    <div className="stack-lg">
      <Paragraph className="lead">{t('overview.intro', { host: host?.name ?? '–' })}</Paragraph>
      <ul className="stat-grid" aria-label={t('overview.municipalities')}>
        <li className="stat">
          <span className="stat__label">{t('overview.municipalityCount')}</span>
          <span className="stat__value">{data.total}</span>
        </li>
        <li className="stat">
          <span className="stat__label">{t('overview.hostMunicipality')}</span>
          <span className="stat__value">{host?.name ?? '–'}</span>
        </li>
        <li className={`stat${missing.length > 0 ? ' stat--danger' : ''}`}>
          <span className="stat__label">{missing.length > 0 ? t('overview.r1Missing') : t('overview.r1Ok')}</span>
          <span className="stat__value">{missing.length > 0 ? missing.length : data.items.length}</span>
        </li>
      </ul>
      {missing.length > 0 ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t('overview.r1AlertTitle')}
          </Heading>
          <Paragraph>{t('overview.r1AlertText', { list: missing.map((m) => m.name).join(', ') })}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="success">
          <Paragraph>{t('overview.r1AllOk')}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="overview-municipalities">
        <Heading level={2} data-size="sm" id="overview-municipalities" className="section-title">
          {t('overview.municipalities')}
        </Heading>
        <ul className="card-grid">
          {data.items.map((m) => (
            <MunicipalityCard key={m.orgnr} m={m} />
          ))}
        </ul>
      </section>
    </div>
  );
}
