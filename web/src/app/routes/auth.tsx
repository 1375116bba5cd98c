import { Alert, Card, Paragraph } from '@digdir/designsystemet-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { Loading } from '@/components/query-state';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { LoginForm } from '@/features/auth/components/login-form';
import { useRequiredSession, useSession, useSignOutReason } from '@/lib/auth';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';

/** Only same-site paths are accepted as where to go after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home;
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const reason = useSignOutReason();
  const next = safeNext(params.get('neste'));

  if (session.isPending) return <Loading />;
  if (session.data && !session.data.user.must_change_password) return <Navigate to={next} replace />;

  return (
    <div className="login-page">
      <Page title={t('login.title')}>
        {reason === 'expired' && (
          <Alert data-color="warning">
            <Paragraph>{t('error.sessionExpired')}</Paragraph>
          </Alert>
        )}
        {reason === 'logout' && (
          <Alert data-color="info">
            <Paragraph>{t('login.loggedOut')}</Paragraph>
          </Alert>
        )}
        <Card className="panel login-card">
          <Card.Block>
            <LoginForm
              onSuccess={(s) => navigate(s.user.must_change_password ? paths.changePassword : next, { replace: true })}
            />
          </Card.Block>
        </Card>
      </Page>
    </div>
  );
}

export function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useRequiredSession();
  return (
    <Page title={t('password.title')} intro={session.user.must_change_password ? t('password.mustChange') : undefined}>
      <Card className="panel form-card">
        <Card.Block>
          <ChangePasswordForm onSuccess={() => navigate(paths.home, { state: { flash: t('password.changed') } })} />
        </Card.Block>
      </Card>
    </Page>
  );
}
