interface StatusItemProps {
  name: string;
  ok: boolean;
  /** Plain text: rendered as-is, never as HTML. */
  detail: string;
}

export function StatusItem({ name, ok, detail }: StatusItemProps) {
  return (
    <div className="flex gap-3 px-4 py-3 text-sm" data-ok={ok}>
      <dt className="w-24 shrink-0 font-medium">
        <span aria-hidden className={ok ? "text-emerald-600" : "text-red-600"}>
          ●{" "}
        </span>
        {name}
      </dt>
      <dd className="break-words text-zinc-600 dark:text-zinc-400">{detail}</dd>
    </div>
  );
}
