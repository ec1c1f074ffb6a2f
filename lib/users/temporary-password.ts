import { randomInt } from "node:crypto";

// A password an administrator hands over once (on screen), which the user must change at the
// next sign-in: 4 groups of 4 letters and digits that read without confusion (no 0/O, 1/l/I).

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}
