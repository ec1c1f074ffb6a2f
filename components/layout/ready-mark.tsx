"use client";

import { useEffect } from "react";

/**
 * Marks the page as interactive once React has hydrated it (`<html data-ready>`), so that the
 * browser tests act when a person could, rather than guessing from network silence.
 */
export function ReadyMark() {
  useEffect(() => {
    document.documentElement.dataset.ready = "true";
  }, []);
  return null;
}
