import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation state that carries a one-time confirmation to the next page. */
export type FlashState = { flash?: string };

/**
 * Shows the confirmation passed in the navigation state (after a save), once. It is a
 * polite live region, so screen readers announce it.
 */
export function FlashMessage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [message, setMessage] = useState<{ text: string; path: string } | null>(null);
  const flash = (location.state as FlashState | null)?.flash;
  useEffect(() => {
    if (!flash) return;
    setMessage({ text: flash, path: location.pathname });
    // Forget it so a reload or back navigation does not show it again.
    navigate(location.pathname + location.search, { replace: true, state: null });
  }, [flash, navigate, location.pathname, location.search]);
  // Shown only on the page it was meant for.
  const text = message && message.path === location.pathname ? message.text : null;
  return (
    <div role="status" aria-live="polite" className="flash-region">
      {text && (
        <Alert data-color="success" className="flash">
          <Paragraph>{text}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** A success or error message shown in place (not across navigation). */
export function InlineMessage({ message, color = 'success' }: { message: string | null; color?: 'success' | 'danger' | 'info' | 'warning' }) {
  return (
    <div role={color === 'danger' ? 'alert' : 'status'} aria-live={color === 'danger' ? 'assertive' : 'polite'}>
      {message && (
        <Alert data-color={color} className="inline-message">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
