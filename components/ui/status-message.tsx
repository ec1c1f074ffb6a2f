// What a form says after an action: a success or an error message for the whole form (field
// errors stay beside their fields). The region is always rendered so that screen readers announce
// a new message; an error is an alert. `urgent` makes every message an assertive alert (a page
// whose only feedback is this line).

export type StatusTone = "ok" | "error";

export function StatusMessage({
  tone,
  urgent = false,
  testId,
  className = "",
  children,
}: {
  tone: StatusTone | null;
  urgent?: boolean;
  testId?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  const colour = tone === "ok" && !urgent ? "text-emerald-800" : "text-red-700";
  return (
    <p
      role={urgent || tone === "error" ? "alert" : "status"}
      aria-live={urgent ? "assertive" : "polite"}
      data-testid={testId}
      className={`text-sm ${colour} ${className}`.trim()}
    >
      {children}
    </p>
  );
}
