import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { FlashMessage } from '@/components/status-message';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useHealth } from '@/features/about/api/get-health';
import { useLogout, useSession } from '@/lib/auth';
import { activeGrants, can } from '@/lib/authorization';
import { roleLabel, setLang, useLang } from '@/lib/i18n';
import { useT } from './i18n';
import { paths } from '@/lib/paths';

function LanguageSwitch() {
  const t = useT();
  const target = useLang() === 'nb' ? 'en' : 'nb';
  return (
    <Button variant="tertiary" data-size="sm" lang={target} aria-label={t('lang.switchLabel')} onClick={() => setLang(target)} className="lang-switch">
      <span aria-hidden="true" className="lang-switch__icon">
        {target.toUpperCase()}
      </span>
      {t('lang.switchTo')}
    </Button>
  );
}

function MainNav() {
  const t = useT();
  const { data: session } = useSession();
  if (!session || session.user.must_change_password) return null;
  const items = [
    { to: paths.home, label: t('nav.home'), end: true, show: true },
    { to: paths.municipalities, label: t('nav.org'), end: false, show: can(session, 'org.municipalities.read') },
    { to: paths.roles, label: t('nav.roles'), end: false, show: can(session, 'org.roles.read') },
    { to: paths.users, label: t('nav.users'), end: false, show: can(session, 'org.users.read') },
    { to: paths.audit, label: t('nav.audit'), end: false, show: can(session, 'core.audit.read') },
    { to: paths.permissions, label: t('nav.permissions'), end: false, show: can(session, 'core.permissions.read') },
    { to: paths.rules, label: t('nav.rules'), end: false, show: can(session, 'rules.values.read') },
    { to: paths.myFiles, label: t('nav.myFiles'), end: false, show: can(session, 'core.files.upload') },
    { to: paths.jobs, label: t('nav.jobs'), end: false, show: can(session, 'core.jobs.read') },
  ];
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <div className="container">
        <ul>
          {items
            .filter((i) => i.show)
            .map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.end} className="main-nav__link">
                  {i.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </div>
    </nav>
  );
}

function UserArea() {
  const t = useT();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const logout = useLogout();
  if (!session) return null;
  const roles = [...new Set(activeGrants(session).map((g) => roleLabel(t, g.role)))];
  return (
    <div className="user-area">
      <div className="user-area__who">
        <span className="sr-only">{t('header.signedInAs')} </span>
        <span className="user-area__name">{session.user.name}</span>
        {roles.length > 0 && <span className="user-area__roles">{roles.join(', ')}</span>}
      </div>
      <Link asChild data-size="sm" className="user-area__link">
        <RouterLink to={paths.changePassword}>{t('header.changePassword')}</RouterLink>
      </Link>
      <Button
        variant="secondary"
        data-size="sm"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })}
      >
        {t('header.logout')}
      </Button>
    </div>
  );
}

function Footer() {
  const t = useT();
  const health = useHealth();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__name">{t('app.name')}</p>
          <p className="site-footer__text">{t('footer.owner')}</p>
          {health.data && <p className="site-footer__text">{t('app.version', { version: health.data.version })}</p>}
        </div>
        <nav aria-label={t('footer.label')}>
          <ul className="site-footer__links">
            <li>
              <Link asChild>
                <RouterLink to={paths.accessibility}>{t('footer.accessibility')}</RouterLink>
              </Link>
            </li>
            <li>
              <Link asChild>
                <RouterLink to={paths.privacy}>{t('footer.privacy')}</RouterLink>
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

/** Moves focus to the new page's heading after client-side navigation (not on first load). */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      (heading ?? document.getElementById('main'))?.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(id);
  }, [location.pathname]);
}

/** The page frame: skip link, header with product name and user, main menu, main, footer. */
export function AppLayout() {
  const t = useT();
  useFocusOnNavigation();
  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipToMain')}</SkipLink>
      <header className="site-header">
        <div className="container site-header__inner">
          <RouterLink to={paths.home} className="brand">
            <span className="brand__mark" aria-hidden="true">
              S
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </RouterLink>
          <div className="site-header__tools">
            <NotificationBell />
            <UserArea />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <MainNav />
      <main id="main" tabIndex={-1} className="container main">
        <FlashMessage />
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
