interface StatusItemProps {
  name: string;
  ok: boolean;
  /** Plain text: rendered as-is, never as HTML. */
  detail: string;
}

export function StatusItem({ name, ok, detail }: StatusItemProps) {
  return (
    <div className="status-item" data-ok={ok}>
      <dt>{name}</dt>
      <dd>{detail}</dd>
    </div>
  );
}
