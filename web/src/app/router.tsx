import { createBrowserRouter, type RouteObject } from 'react-router';
import { paths } from '@/lib/paths';
import { RequireAccess, RequireSession } from './guards';
import { AppLayout } from './layout';
import { AccessibilityPage, PrivacyPage } from './routes/about';
import { AuditPage } from './routes/audit';
import { ChangePasswordPage, LoginPage } from './routes/auth';
import { NotFoundPage } from './routes/errors';
import { HomePage } from './routes/home';
import {
  ContactPage,
  ContactsPage,
  CouncilsPage,
  MunicipalitiesPage,
  MunicipalityPage,
  NewContactPage,
  NewMunicipalityPage,
  ProductAreasPage,
} from './routes/organisation';
import { AppointPage, RoleHistoryPage, RolesPage } from './routes/roles';
import { NewUserPage, UsersPage } from './routes/users';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      // Public: login and the statements (reachable from the footer without signing in).
      { path: paths.login, element: <LoginPage /> },
      { path: paths.accessibility, element: <AccessibilityPage /> },
      { path: paths.privacy, element: <PrivacyPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: paths.home, element: <HomePage /> },
          { path: paths.changePassword, element: <ChangePasswordPage /> },
          { path: paths.municipalities, element: <MunicipalitiesPage /> },
          { path: paths.municipalityNew, element: <RequireAccess policy="municipalities:write"><NewMunicipalityPage /></RequireAccess> },
          { path: '/organisasjon/kommuner/:orgnr', element: <MunicipalityPage /> },
          { path: paths.councils, element: <CouncilsPage /> },
          { path: paths.contacts, element: <ContactsPage /> },
          { path: paths.contactNew, element: <RequireAccess policy="people:write"><NewContactPage /></RequireAccess> },
          { path: '/organisasjon/kontakter/:id', element: <ContactPage /> },
          { path: paths.productAreas, element: <ProductAreasPage /> },
          { path: paths.roles, element: <RequireAccess policy="roles:read"><RolesPage /></RequireAccess> },
          { path: '/roller/utnevn', element: <AppointPage /> },
          { path: paths.roleHistory, element: <RequireAccess policy="roles:read"><RoleHistoryPage /></RequireAccess> },
          { path: paths.users, element: <RequireAccess policy="users:manage"><UsersPage /></RequireAccess> },
          { path: paths.userNew, element: <RequireAccess policy="users:manage"><NewUserPage /></RequireAccess> },
          { path: paths.audit, element: <RequireAccess policy="audit:read"><AuditPage /></RequireAccess> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
