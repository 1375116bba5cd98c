import { createBrowserRouter, type RouteObject } from 'react-router';
import { paths } from '@/lib/paths';
import { RequireAccess, RequireSession } from './guards';
import { AppLayout } from './layout';
import { AccessibilityPage, PrivacyPage } from './routes/about';
import { AuditPage } from './routes/audit';
import { MyFilesPage } from './routes/files';
import { ChangePasswordPage, LoginPage } from './routes/auth';
import { NotFoundPage } from './routes/errors';
import { HomePage } from './routes/home';
import { JobsPage } from './routes/jobs';
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
import { PermissionsPage } from './routes/permissions';
import { RulesPage } from './routes/rules';
import { NewUserPage, UsersPage } from './routes/users';
import { NotificationsPage } from './routes/notifications';

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
          // Each page asks for the permission its main content needs; the server checks every request anyway.
          { path: paths.municipalities, element: <RequireAccess permission="org.municipalities.read"><MunicipalitiesPage /></RequireAccess> },
          { path: paths.municipalityNew, element: <RequireAccess permission="org.municipalities.write"><NewMunicipalityPage /></RequireAccess> },
          { path: '/organisasjon/kommuner/:orgnr', element: <RequireAccess permission="org.municipalities.read"><MunicipalityPage /></RequireAccess> },
          { path: paths.councils, element: <RequireAccess permission="org.councils.read"><CouncilsPage /></RequireAccess> },
          { path: paths.contacts, element: <RequireAccess permission="org.people.read"><ContactsPage /></RequireAccess> },
          { path: paths.contactNew, element: <RequireAccess permission="org.people.write"><NewContactPage /></RequireAccess> },
          { path: '/organisasjon/kontakter/:id', element: <RequireAccess permission="org.people.read"><ContactPage /></RequireAccess> },
          { path: paths.productAreas, element: <RequireAccess permission="org.product_areas.read"><ProductAreasPage /></RequireAccess> },
          { path: paths.roles, element: <RequireAccess permission="org.roles.read"><RolesPage /></RequireAccess> },
          { path: '/roller/utnevn', element: <RequireAccess permission="org.roles.appoint"><AppointPage /></RequireAccess> },
          { path: paths.roleHistory, element: <RequireAccess permission="org.roles.read"><RoleHistoryPage /></RequireAccess> },
          { path: paths.users, element: <RequireAccess permission="org.users.read"><UsersPage /></RequireAccess> },
          { path: paths.userNew, element: <RequireAccess permission="org.users.write"><NewUserPage /></RequireAccess> },
          { path: paths.audit, element: <RequireAccess permission="core.audit.read"><AuditPage /></RequireAccess> },
          { path: paths.permissions, element: <RequireAccess permission="core.permissions.read"><PermissionsPage /></RequireAccess> },
          { path: paths.rules, element: <RequireAccess permission="rules.values.read"><RulesPage /></RequireAccess> },
          { path: paths.myFiles, element: <RequireAccess permission="core.files.read"><MyFilesPage /></RequireAccess> },
          { path: paths.notifications, element: <RequireAccess permission="core.notifications.read"><NotificationsPage /></RequireAccess> },
          { path: paths.jobs, element: <RequireAccess permission="core.jobs.read"><JobsPage /></RequireAccess> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
