import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

// Compared even when the login does not exist, so that timing does not tell which part was wrong.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Gd5ZHXyO6nQ6lPF1kA7K0sF5Vw3W";

export function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  return bcrypt.compare(plain, hash ?? DUMMY_HASH);
}
