import { useNavigate, useParams } from 'react-router';
import { AppLink, ButtonLink, SubNav } from '@/components/app-link';
import { Page, Section } from '@/components/page';
import { LoadError, Loading } from '@/components/query-state';
import { useMunicipalities } from '@/features/org/api/get-municipalities';
import { useMunicipality } from '@/features/org/api/get-municipality';
import { usePerson } from '@/features/org/api/get-person';
import { CouncilsList } from '@/features/org/components/councils-list';
import { MunicipalitiesTable } from '@/features/org/components/municipalities-table';
import { MunicipalityDetail } from '@/features/org/components/municipality-detail';
import { MunicipalityForm } from '@/features/org/components/municipality-form';
import { PeopleDirectory } from '@/features/org/components/people-directory';
import { PersonDetail } from '@/features/org/components/person-detail';
import { PersonForm } from '@/features/org/components/person-form';
import { ProductAreas } from '@/features/org/components/product-areas';
import { ApiError } from '@/lib/api-client';
import { useAuthorization } from '@/lib/authorization';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { NotFoundPage } from './errors';

function OrgNav() {
  const t = useT();
  return (
    <SubNav
      label={t('nav.orgSub')}
      items={[
        { to: paths.municipalities, label: t('nav.municipalities'), end: true },
        { to: paths.councils, label: t('nav.councils') },
        { to: paths.contacts, label: t('nav.contacts') },
        { to: paths.productAreas, label: t('nav.productAreas') },
      ]}
    />
  );
}

function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p className="back-link">
      <AppLink to={to}>
        <span aria-hidden="true">← </span>
        {label}
      </AppLink>
    </p>
  );
}

export function MunicipalitiesPage() {
  const t = useT();
  const { can } = useAuthorization();
  const municipalities = useMunicipalities();
  return (
    <Page
      title={t('nav.org')}
      before={<OrgNav />}
      intro={t('municipality.intro')}
      actions={can('org.municipalities.write') && <ButtonLink to={paths.municipalityNew}>{t('municipality.create')}</ButtonLink>}
    >
      <Section id="municipalities" title={t('municipality.title')}>
        {municipalities.isPending ? (
          <Loading />
        ) : municipalities.error ? (
          <LoadError error={municipalities.error} onRetry={() => municipalities.refetch()} />
        ) : (
          <MunicipalitiesTable items={municipalities.data.items} />
        )}
      </Section>
    </Page>
  );
}

export function MunicipalityPage() {
  const t = useT();
  const { orgnr = '' } = useParams();
  const municipality = useMunicipality(orgnr);
  if (municipality.error instanceof ApiError && municipality.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={municipality.data?.name ?? t('municipality.title')} before={<BackLink to={paths.municipalities} label={t('municipality.title')} />}>
      <MunicipalityDetail orgnr={orgnr} />
    </Page>
  );
}

export function NewMunicipalityPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('municipality.createTitle')} before={<BackLink to={paths.municipalities} label={t('municipality.title')} />}>
      <MunicipalityForm
        mode="create"
        onCancel={() => navigate(paths.municipalities)}
        onDone={(m) => navigate(paths.municipality(m.orgnr), { state: { flash: t('municipality.created', { name: m.name }) } })}
      />
    </Page>
  );
}

export function CouncilsPage() {
  const t = useT();
  return (
    <Page title={t('council.title')} before={<OrgNav />} intro={t('council.intro')}>
      <CouncilsList />
    </Page>
  );
}

export function ContactsPage() {
  const t = useT();
  const { can } = useAuthorization();
  return (
    <Page
      title={t('people.title')}
      before={<OrgNav />}
      intro={t('people.intro')}
      actions={can('org.people.write') && <ButtonLink to={paths.contactNew}>{t('people.create')}</ButtonLink>}
    >
      <PeopleDirectory />
    </Page>
  );
}

export function ContactPage() {
  const t = useT();
  const id = Number(useParams().id);
  const person = usePerson(id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (person.error instanceof ApiError && person.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={person.data?.name ?? t('people.title')} before={<BackLink to={paths.contacts} label={t('people.title')} />}>
      <PersonDetail id={id} />
    </Page>
  );
}

export function NewContactPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('people.createTitle')} before={<BackLink to={paths.contacts} label={t('people.title')} />}>
      <PersonForm
        onCancel={() => navigate(paths.contacts)}
        onDone={(p) => navigate(paths.contact(p.id), { state: { flash: t('people.created', { name: p.name }) } })}
      />
    </Page>
  );
}

export function ProductAreasPage() {
  const t = useT();
  return (
    <Page title={t('productArea.title')} before={<OrgNav />} intro={t('productArea.intro')}>
      <ProductAreas />
    </Page>
  );
}
