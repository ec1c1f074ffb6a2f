"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A <details> whose content is built the first time it is opened, then kept (what was typed stays
 * when it is folded and opened again). A page with a rarely used form (withdrawing a notice, linking
 * it) carries only the summary line in its HTML. Keyboard and touch open it as any <details>.
 */
export function Fold({
  summary,
  className,
  summaryClassName,
  testId,
  initiallyOpen = false,
  children,
}: {
  summary: React.ReactNode;
  className?: string;
  summaryClassName?: string;
  testId?: string;
  initiallyOpen?: boolean;
  children: React.ReactNode;
}) {
  const [built, setBuilt] = useState(initiallyOpen);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: no toggle event reached React.
  useEffect(() => {
    if (ref.current?.open) setBuilt(true);
  }, []);
  return (
    <details
      ref={ref}
      className={className}
      data-testid={testId}
      open={initiallyOpen || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open) setBuilt(true);
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {built ? children : null}
    </details>
  );
}
