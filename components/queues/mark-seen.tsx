"use client";

import { useEffect } from "react";
import { markQueueSeenAction } from "@/lib/queues/actions";

/** Records the visit once the queue has been shown, so that "since the last visit" moves on. */
export function MarkSeen() {
  useEffect(() => {
    void markQueueSeenAction(null, new FormData());
  }, []);
  return null;
}
