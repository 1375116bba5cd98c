// Texts of the files feature («Mine filer»), bokmål and English, and the English for the files
// service's error codes (core/files on the server).
import type { ErrorTexts } from '@/lib/error-texts';
import { defineMessages, translator } from '@/lib/i18n';

const nb = {
  'files.title': 'Mine filer',
  'files.intro': 'Filer du har lastet opp. En fil som ikke er knyttet til en sak innen et døgn, slettes.',
  'files.uploadHeading': 'Last opp',
  'files.listHeading': 'Opplastede filer',
  'files.name': 'Filnavn',
  'files.type': 'Type',
  'files.size': 'Størrelse',
  'files.uploadedAt': 'Lastet opp',
  'files.attached': 'Knyttet til sak',
  'files.yes': 'Ja',
  'files.no': 'Nei',
  'files.download': 'Last ned {name}',
  'files.empty': 'Du har ikke lastet opp noen filer.',
} as const;

const en: Record<keyof typeof nb, string> = {
  'files.title': 'My files',
  'files.intro': 'Files you have uploaded. A file not attached to a record within a day is deleted.',
  'files.uploadHeading': 'Upload',
  'files.listHeading': 'Uploaded files',
  'files.name': 'File name',
  'files.type': 'Type',
  'files.size': 'Size',
  'files.uploadedAt': 'Uploaded',
  'files.attached': 'Attached to a record',
  'files.yes': 'Yes',
  'files.no': 'No',
  'files.download': 'Download {name}',
  'files.empty': 'You have not uploaded any files.',
};

export const filesMessages = defineMessages(nb, en);
export const { useT } = translator(filesMessages);

export const filesErrors: ErrorTexts = {
  'files.not_found': { detail: 'The file does not exist.' },
  'files.empty': { detail: 'The file is empty.', fields: { file: 'The file is empty.' } },
  'files.legacy_format': { detail: 'Older Office formats (.doc, .xls, .ppt) are not accepted. Save the file as .docx, .xlsx, .pptx or PDF.' },
  'files.unsupported_type': { detail: 'The file type is not accepted. Accepted are PDF, PNG, JPEG, Office Open XML (.docx, .xlsx, .pptx), CSV/text, XML and ZIP.' },
  'files.type_mismatch': { detail: 'The content does not match the declared file type.' },
  'files.filename_required': { detail: 'Give the file name.', fields: { filename: 'Required.' } },
  'files.filename_invalid': { detail: 'The file name cannot contain control characters, folder separators (/ or \\), or be «.» or «..».' },
  'files.filename_too_long': { detail: 'The file name can have at most 255 characters.', fields: { filename: 'At most 255 characters.' } },
  'files.invalid_query': { detail: 'The address has invalid parameters.' },
};
