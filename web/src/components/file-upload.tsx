// The one upload component: several files at once (one request per file, POST /api/files with the
// file as the raw body), by choosing or by drag and drop, each with a real progress bar driven by
// XMLHttpRequest's upload progress events (fetch has none), and each file's error in Norwegian
// (or English by its code) from the server's problem+json.
import { Button, Field, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { ApiError, getCsrfToken, type Problem } from '@/lib/api-client';
import type { ResponseOf } from '@/lib/api-types';
import { useErrorText } from '@/lib/error-texts';
import { useT } from '@/lib/i18n';

/** What POST /api/files answers (schema FileMeta). */
export type UploadedFile = ResponseOf<'/api/files', 'post'>;

/**
 * Uploads one file; `onProgress` gets the fraction sent (0–1). Resolves with the server's answer,
 * rejects with an ApiError carrying the problem (status 0 when the network failed).
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void, networkText: string): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    // The browser's guess from the name; the server reads the type from the content and refuses
    // a declared type that disagrees.
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) {
        onProgress(1);
        resolve(body as UploadedFile);
        return;
      }
      const p = (body ?? {}) as Partial<Problem>;
      reject(new ApiError({ ...p, status: xhr.status, detail: p.detail ?? `HTTP ${xhr.status}` }));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Network error', detail: networkText }));
    xhr.send(file);
  });
}

type Item = { key: number; name: string; progress: number; state: 'uploading' | 'done' | 'failed'; error?: unknown };

type FileUploadProps = {
  /** Called once per file the server accepted. */
  onUploaded?: (file: UploadedFile) => void;
  label?: string;
  description?: string;
};

export function FileUpload({ onUploaded, label, description }: FileUploadProps) {
  const t = useT();
  const errorText = useErrorText();
  const inputId = useId();
  const descriptionId = `${inputId}-description`;
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(1);
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);

  const update = (key: number, change: Partial<Item>) =>
    setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it)));

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = nextKey.current++;
      setItems((all) => [...all, { key, name: file.name, progress: 0, state: 'uploading' }]);
      uploadFile(file, (f) => update(key, { progress: Math.round(f * 100) }), t('upload.network')).then(
        (uploaded) => {
          update(key, { progress: 100, state: 'done' });
          onUploaded?.(uploaded);
        },
        (error: unknown) => update(key, { state: 'failed', error }),
      );
    }
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    if (e.target.files?.length) start(e.target.files);
    e.target.value = '';  // the same file may be chosen again
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) start(e.dataTransfer.files);
  };

  const fieldErrors = (error: unknown) =>
    error instanceof ApiError ? error.fieldErrors.map((fe) => errorText.field(error, fe)).filter((m) => m !== error.problem.detail) : [];

  return (
    <div className="file-upload">
      <div
        className={dragging ? 'file-upload__zone file-upload__zone--active' : 'file-upload__zone'}
        data-testid="file-upload-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Field>
          <Label htmlFor={inputId}>{label ?? t('upload.label')}</Label>
          <Field.Description id={descriptionId}>{description ?? t('upload.description')}</Field.Description>
          <Input id={inputId} ref={input} type="file" multiple onChange={onChange} aria-describedby={descriptionId} />
        </Field>
        {dragging && <Paragraph data-size="sm">{t('upload.dropHint')}</Paragraph>}
      </div>
      {items.length > 0 && (
        <ul className="file-upload__list" aria-label={t('upload.listLabel')}>
          {items.map((it) => (
            <li key={it.key} className="file-upload__item">
              <span className="file-upload__name">{it.name}</span>
              <progress
                className="file-upload__bar"
                max={100}
                value={it.progress}
                aria-label={t('upload.progressLabel', { name: it.name })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={it.progress}
              />
              <span role="status" className="file-upload__status">
                {it.state === 'uploading' && t('upload.uploading', { percent: it.progress })}
                {it.state === 'done' && `${t('upload.done')} (100 %)`}
                {it.state === 'failed' && t('upload.failed')}
              </span>
              {it.state === 'failed' && (
                <ValidationMessage data-size="sm">
                  {errorText.message(it.error, t('upload.failed'))}
                  {fieldErrors(it.error).map((m) => ` ${m}`)}
                </ValidationMessage>
              )}
            </li>
          ))}
        </ul>
      )}
      {items.some((it) => it.state !== 'uploading') && (
        <Button variant="tertiary" data-size="sm" onClick={() => setItems((all) => all.filter((it) => it.state === 'uploading'))}>
          {t('upload.clear')}
        </Button>
      )}
    </div>
  );
}
