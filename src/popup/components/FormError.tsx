/** The visible error of a form; role=alert so screen readers announce it. */
export function FormError({ message }: { message: string | null }) {
  return (
    <p className="form-error" data-testid="form-error" role="alert" aria-live="assertive" hidden={!message}>
      {message}
    </p>
  );
}
