// The app's addresses (Norwegian, as users see them). One place, so links never drift.
export const paths = {
  login: '/logg-inn',
  changePassword: '/bytt-passord',
  home: '/',
  municipalities: '/organisasjon',
  municipalityNew: '/organisasjon/kommuner/ny',
  municipality: (orgnr: string) => `/organisasjon/kommuner/${encodeURIComponent(orgnr)}`,
  councils: '/organisasjon/rad',
  contacts: '/organisasjon/kontakter',
  contactNew: '/organisasjon/kontakter/ny',
  contact: (id: number) => `/organisasjon/kontakter/${id}`,
  productAreas: '/organisasjon/produktomrader',
  roles: '/roller',
  appoint: (role?: 'officer' | 'product_manager' | 'employee', municipality?: string) => {
    const q = new URLSearchParams();
    if (role) q.set('rolle', role);
    if (municipality) q.set('kommune', municipality);
    const s = q.toString();
    return s ? `/roller/utnevn?${s}` : '/roller/utnevn';
  },
  roleHistory: '/roller/historikk',
  users: '/brukere',
  userNew: '/brukere/ny',
  audit: '/revisjonslogg',
  permissions: '/tilganger',
  accessibility: '/tilgjengelighet',
  privacy: '/personvern',
  rules: '/regelverk',
  myFiles: '/mine-filer',
  notifications: '/varsler',
  jobs: '/jobber',
} as const;
