// The upload component with a mocked XMLHttpRequest: one request per file, the raw file as the
// body with its name in the query and the CSRF token, the progress bar following the upload's
// progress events to 100 %, drag and drop, and each file's own error from the problem+json.
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '@/lib/api-client';
import { ErrorTextsProvider, type ErrorTexts } from '@/lib/error-texts';
import { setLang } from '@/lib/i18n';
import { FileUpload } from '../file-upload';

class FakeXhr {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send(body: unknown) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

// The English the files feature keeps for the code (shared code imports no feature).
const TEXTS: ErrorTexts = { 'files.legacy_format': { detail: 'Older Office formats are not accepted.' } };

const meta = (id: number, filename: string) => ({
  id, filename, size: 3, content_type: 'application/pdf', sha256: 'a'.repeat(64), uploaded_by: 1,
  uploaded_by_username: 'test', uploaded_at: '2027-03-15T10:00:00Z', attached: false, download_url: `/api/files/${id}`,
});

beforeEach(() => {
  FakeXhr.all = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  setCsrfToken('csrf-abc');
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  act(() => setLang('nb'));
});

const renderUpload = (onUploaded = vi.fn()) => {
  render(
    <ErrorTextsProvider texts={TEXTS}>
      <FileUpload onUploaded={onUploaded} />
    </ErrorTextsProvider>,
  );
  return onUploaded;
};

test('several files: one request each, progress to 100 %, then done', async () => {
  const onUploaded = renderUpload();
  const a = new File(['%PDF-1'], 'Kontrakt møbler.pdf', { type: 'application/pdf' });
  const b = new File(['x;y\n1;2\n'], 'liste.csv', { type: 'text/csv' });
  await userEvent.upload(screen.getByLabelText('Velg filer'), [a, b]);
  expect(FakeXhr.all).toHaveLength(2);
  const [x1, x2] = FakeXhr.all as [FakeXhr, FakeXhr];
  expect(x1.method).toBe('POST');
  expect(x1.url).toBe('/api/files?filename=Kontrakt%20m%C3%B8bler.pdf');
  expect(x1.headers['X-CSRF-Token']).toBe('csrf-abc');
  expect(x1.headers['Content-Type']).toBe('application/pdf');
  expect(x1.body).toBe(a);
  expect(x2.body).toBe(b);

  const bar = screen.getByRole('progressbar', { name: 'Opplasting av Kontrakt møbler.pdf' });
  expect(bar).toHaveAttribute('aria-valuenow', '0');
  x1.progress(50, 200);
  expect(bar).toHaveAttribute('aria-valuenow', '25');
  expect(screen.getByText('Laster opp … 25 %')).toBeInTheDocument();
  x1.progress(200, 200);
  expect(bar).toHaveAttribute('aria-valuenow', '100');
  x1.answer(201, meta(7, 'Kontrakt møbler.pdf'));
  expect(await screen.findByText('Lastet opp (100 %)')).toBeInTheDocument();
  expect(onUploaded).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
  // The second is still under way.
  expect(screen.getByRole('progressbar', { name: 'Opplasting av liste.csv' })).toHaveAttribute('aria-valuenow', '0');
});

test('a refused file shows its own error from the problem+json, in Norwegian and in English', async () => {
  const onUploaded = renderUpload();
  await userEvent.upload(screen.getByLabelText('Velg filer'), [new File(['x'], 'gammel.doc', { type: 'application/msword' }), new File(['%PDF'], 'ok.pdf')]);
  const [bad, good] = FakeXhr.all as [FakeXhr, FakeXhr];
  expect(good.headers['Content-Type']).toBe('application/octet-stream');
  bad.answer(415, { status: 415, code: 'files.legacy_format', detail: 'Eldre Office-formater (.doc, .xls, .ppt) godtas ikke.', errors: [{ field: 'file', message: 'Filtypen godtas ikke.' }] });
  good.answer(201, meta(8, 'ok.pdf'));
  expect(await screen.findByText(/Eldre Office-formater \(\.doc, \.xls, \.ppt\) godtas ikke\. Filtypen godtas ikke\./)).toBeInTheDocument();
  expect(screen.getByText('Opplastingen mislyktes')).toBeInTheDocument();
  expect(onUploaded).toHaveBeenCalledTimes(1);
  act(() => setLang('en'));
  expect(screen.getByText(/Older Office formats/)).toBeInTheDocument();
});

test('drag and drop uploads the dropped files; a network failure is shown', async () => {
  renderUpload();
  const zone = screen.getByTestId('file-upload-zone');
  const file = new File(['hei'], 'notat.txt', { type: 'text/plain' });
  fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
  expect(screen.getByText('Slipp filene her for å laste dem opp')).toBeInTheDocument();
  fireEvent.drop(zone, { dataTransfer: { files: [file] } });
  expect(FakeXhr.all).toHaveLength(1);
  expect(FakeXhr.all[0]!.url).toBe('/api/files?filename=notat.txt');
  act(() => FakeXhr.all[0]!.onerror?.());
  expect(await screen.findByText(/Fikk ikke kontakt med serveren\./)).toBeInTheDocument();
});
