import type { ButtonHTMLAttributes } from "react";

// The buttons of every form: primary (the form's action), secondary (cancel, close, the other
// choice), danger (return, delete); "small" for the buttons inside a list (move, remove, add).
// A pending button is disabled and may say what is happening ("Đang lưu…").

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "small" | "regular";

// The classes are app/globals.css's .btn-* components: a notice's page has a button per directive,
// and one short class each keeps it light.
const CLASSES: Record<ButtonSize, Record<ButtonVariant, string>> = {
  regular: { primary: "btn btn-primary", secondary: "btn btn-secondary", danger: "btn btn-danger" },
  small: { primary: "btn-sm btn-primary", secondary: "btn-sm btn-sm-secondary", danger: "btn-sm btn-sm-danger" },
};

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "regular", extra = ""): string {
  return `${CLASSES[size][variant]}${extra ? ` ${extra}` : ""}`;
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
