import { Dialog, Heading } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

type ActionDialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A modal dialog for one action (confirm, end a role, reset a password). It is the native
 * <dialog>: focus moves into it, Esc closes it, and focus returns to the button that opened it.
 */
export function ActionDialog({ open, title, onClose, children }: ActionDialogProps) {
  const t = useT();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.close')} closedby="any" aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>{open && children}</Dialog.Block>
    </Dialog>
  );
}
