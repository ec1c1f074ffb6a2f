// Stands in for the 'server-only' guard outside Next.js (vitest, command-line scripts).
export {};
