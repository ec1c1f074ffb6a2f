// The tones' colours are the .badge-<tone> classes of app/globals.css: a board or a list shows
// hundreds of badges, and one short class each keeps those pages light.
export type BadgeTone = "neutral" | "brand" | "danger" | "warning" | "success" | "info";

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: BadgeTone;
  children: React.ReactNode;
  title?: string;
}) {
  // No title attribute unless given: an absent one still costs each badge a `"title":"$undefined"`
  // in the page's React payload.
  return title ? (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  ) : (
    <span className={`badge badge-${tone}`}>{children}</span>
  );
}
