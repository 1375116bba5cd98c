import { useNavigate, useSearchParams } from 'react-router';
import { SubNav } from '@/components/app-link';
import { Page } from '@/components/page';
import { APPOINTABLE_ROLES, AppointForm, type AppointableRole } from '@/features/org/components/appoint-form';
import { OfficerAtDate } from '@/features/org/components/officer-at-date';
import { RoleHistory } from '@/features/org/components/role-history';
import { RolesOverview } from '@/features/org/components/roles-overview';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';

function RolesNav() {
  const t = useT();
  return (
    <SubNav
      label={t('nav.rolesSub')}
      items={[
        { to: paths.roles, label: t('nav.rolesCurrent'), end: true },
        { to: paths.roleHistory, label: t('nav.rolesHistory') },
      ]}
    />
  );
}

export function RolesPage() {
  const t = useT();
  return (
    <Page title={t('roles.title')} before={<RolesNav />} intro={t('roles.intro')}>
      <RolesOverview />
    </Page>
  );
}

export function AppointPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const role = params.get('rolle');
  return (
    <Page title={t('roles.appointTitle')} intro={t('roles.appointIntro')}>
      <AppointForm
        initialRole={APPOINTABLE_ROLES.includes(role as AppointableRole) ? (role as AppointableRole) : undefined}
        initialMunicipality={params.get('kommune') ?? undefined}
        onCancel={() => navigate(paths.roles)}
        onDone={(message) => navigate(paths.roles, { state: { flash: message } })}
      />
    </Page>
  );
}

export function RoleHistoryPage() {
  const t = useT();
  return (
    <Page title={t('history.title')} before={<RolesNav />} intro={t('history.intro')}>
      <div className="stack-lg">
        <OfficerAtDate />
        <RoleHistory />
      </div>
    </Page>
  );
}
