// Wakes this process's webhook worker when a delivery is queued here (a test ping, a redelivery), so it goes
// out at once instead of at the next poll. Other instances pick it up at their next poll.
type Listener = () => void;
const listeners = new Set<Listener>();

export function notifyWebhooks(): void {
  for (const listener of listeners) listener();
}

export function onWebhookQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
