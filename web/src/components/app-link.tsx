import { Button, Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, NavLink, type LinkProps as RouterLinkProps } from 'react-router';

/** A Designsystemet link that navigates inside the app. */
export function AppLink({ children, ...props }: RouterLinkProps & { children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink {...props}>{children}</RouterLink>
    </Link>
  );
}

export type SubNavItem = { to: string; label: string; end?: boolean };

/** Secondary navigation (within Organisation, Roles); the current page gets aria-current. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="sub-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A link that looks like a button (for navigation to a form, e.g. «Ny kommune»). */
export function ButtonLink({
  to,
  children,
  variant = 'primary',
  size,
}: {
  to: string;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'tertiary';
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Button asChild variant={variant} data-size={size}>
      <RouterLink to={to}>{children}</RouterLink>
    </Button>
  );
}
