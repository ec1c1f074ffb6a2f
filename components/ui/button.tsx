import type { ButtonHTMLAttributes } from "react";

// The buttons of every form: primary (the form's action), secondary (cancel, close, the other
// choice), danger (return, delete); "small" for the buttons inside a list (move, remove, add).
// A pending button is disabled and may say what is happening ("Đang lưu…").

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "small" | "regular";

const SIZES: Record<ButtonSize, string> = {
  regular:
    "rounded-lg px-4 py-2 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60",
  small: "rounded-md px-2 py-1 text-xs font-medium disabled:opacity-40",
};

const VARIANTS: Record<ButtonSize, Record<ButtonVariant, string>> = {
  regular: {
    primary: "bg-brand-800 text-white hover:bg-brand-900",
    secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
    danger: "bg-red-700 text-white hover:bg-red-800",
  },
  small: {
    primary: "bg-brand-800 text-white hover:bg-brand-900",
    secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
    danger: "border border-slate-300 bg-white text-red-700 hover:bg-slate-50",
  },
};

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "regular", extra = ""): string {
  return `${SIZES[size]} ${VARIANTS[size][variant]}${extra ? ` ${extra}` : ""}`;
}

export function Button({
  variant = "primary",
  size = "regular",
  pending = false,
  pendingLabel,
  disabled,
  className,
  type = "button",
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** An action is under way: the button is disabled and shows `pendingLabel` when given. */
  pending?: boolean;
  pendingLabel?: React.ReactNode;
  ref?: React.Ref<HTMLButtonElement>;
}) {
  return (
    <button type={type} disabled={disabled || pending} className={buttonClass(variant, size, className)} {...props}>
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
