import { Button, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { ActionDialog } from '@/components/action-dialog';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { Pager } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { useErrorText } from '@/lib/error-texts';
import { isPasswordTooShort } from '@/lib/password';
import { useT } from '../i18n';
import { useActivateUser } from '../api/activate-user';
import { useDeactivateUser } from '../api/deactivate-user';
import { USERS_PAGE_SIZE, useUsers, type UserAccount } from '../api/get-users';
import { useResetPassword } from '../api/reset-password';
import { useUnlockUser } from '../api/unlock-user';


function ResetPasswordForm({ user, onDone, onCancel }: { user: UserAccount; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const reset = useResetPassword();
  const form = useFormErrors({ new_password: 'reset-new-password' });
  const [password, setPassword] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.validate(isPasswordTooShort(password) ? [{ field: 'new_password', message: t('common.passwordTooShort') }] : [])) return;
    reset.mutate({ id: user.id, newPassword: password }, { onSuccess: onDone, onError: (err) => form.setServerError(err) });
  }
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormErrorSummary form={form} labels={{ new_password: t('users.newPassword') }} />
      <Paragraph>{t('users.resetText')}</Paragraph>
      <Textfield
        id="reset-new-password"
        type="password"
        autoComplete="new-password"
        label={t('users.newPassword')}
        description={t('users.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.error('new_password')}
      />
      <div className="button-row">
        <Button type="submit" loading={reset.isPending}>
          {t('users.resetPassword')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** User accounts with deactivate/activate, reset password and unlock (admin only). */
export function UsersTable() {
  const t = useT();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const deactivate = useDeactivateUser();
  const activate = useActivateUser();
  const unlock = useUnlockUser();
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [message, setMessage] = useState<{ text: string; color: 'success' | 'danger' } | null>(null);

  const run = (mutate: (id: number, o: { onSuccess: () => void; onError: (e: unknown) => void }) => void, u: UserAccount, key: 'users.deactivated' | 'users.activated' | 'users.unlocked') =>
    mutate(u.id, {
      onSuccess: () => setMessage({ text: t(key, { username: u.username }), color: 'success' }),
      onError: (e) => setMessage({ text: errorText.message(e, String(e)), color: 'danger' }),
    });

  if (users.isPending) return <Loading />;
  if (users.error) return <LoadError error={users.error} onRetry={() => users.refetch()} />;
  return (
    <div className="stack">
      <InlineMessage message={message?.text ?? null} color={message?.color} />
      <TableScroll label={t('users.title')}>
        <Table zebra data-size="sm" className="data-table" aria-label={t('users.title')}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('users.username')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.data.items.map((u) => (
              <Table.Row key={u.id}>
                <Table.Cell>
                  <code>{u.username}</code>
                </Table.Cell>
                <Table.Cell>{u.name}</Table.Cell>
                <Table.Cell>
                  <div className="tag-row">
                    <Tag data-color={u.active ? 'success' : 'neutral'} data-size="sm">
                      {u.active ? t('users.active') : t('users.inactive')}
                    </Tag>
                    {u.locked && (
                      <Tag data-color="danger" data-size="sm">
                        {t('users.locked')}
                      </Tag>
                    )}
                    {u.must_change_password && (
                      <Tag data-color="warning" data-size="sm">
                        {t('users.mustChange')}
                      </Tag>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <div className="row-actions" role="group" aria-label={t('users.actionsFor', { username: u.username })}>
                    {u.active ? (
                      <Button variant="tertiary" data-size="sm" onClick={() => run(deactivate.mutate, u, 'users.deactivated')}>
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button variant="tertiary" data-size="sm" onClick={() => run(activate.mutate, u, 'users.activated')}>
                        {t('users.activate')}
                      </Button>
                    )}
                    <Button variant="tertiary" data-size="sm" onClick={() => { setMessage(null); setResetting(u); }}>
                      {t('users.resetPassword')}
                    </Button>
                    {u.locked && (
                      <Button variant="tertiary" data-size="sm" onClick={() => run(unlock.mutate, u, 'users.unlocked')}>
                        {t('users.unlock')}
                      </Button>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Pager page={page} pageSize={USERS_PAGE_SIZE} total={users.data.total} onChange={setPage} label={t('users.title')} />
      <ActionDialog open={resetting !== null} title={resetting ? t('users.resetTitle', { username: resetting.username }) : ''} onClose={() => setResetting(null)}>
        {resetting && (
          <ResetPasswordForm
            key={resetting.id}
            user={resetting}
            onCancel={() => setResetting(null)}
            onDone={() => {
              setMessage({ text: t('users.passwordReset', { username: resetting.username }), color: 'success' });
              setResetting(null);
            }}
          />
        )}
      </ActionDialog>
    </div>
  );
}
