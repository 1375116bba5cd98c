import { useNavigate } from 'react-router';
import { ButtonLink } from '@/components/app-link';
import { Page } from '@/components/page';
import { Loading } from '@/components/query-state';
import { PEOPLE_PICKER_SIZE, usePeople } from '@/features/org/api/get-people';
import { useAuthorization } from '@/lib/authorization';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import { UsersTable } from '@/features/users/components/users-table';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';

export function UsersPage() {
  const t = useT();
  const { can } = useAuthorization();
  return (
    <Page title={t('users.title')} intro={t('users.intro')} actions={can('org.users.write') && <ButtonLink to={paths.userNew}>{t('users.create')}</ButtonLink>}>
      <UsersTable />
    </Page>
  );
}

/** Composes two features: people (org) feed the user form (users). */
export function NewUserPage() {
  const t = useT();
  const navigate = useNavigate();
  const people = usePeople({ page_size: PEOPLE_PICKER_SIZE });
  return (
    <Page title={t('users.createTitle')}>
      {people.isPending ? (
        <Loading />
      ) : (
        <CreateUserForm
          people={(people.data?.items ?? []).map((p) => ({ id: p.id, name: p.name, hasUser: p.username !== null }))}
          onCancel={() => navigate(paths.users)}
          onDone={(username) => navigate(paths.users, { state: { flash: t('users.created', { username }) } })}
        />
      )}
    </Page>
  );
}
