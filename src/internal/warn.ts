/** Console warnings of the elements: one per cause per page, however many elements meet it. */
const warned = new Set<string>();

export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`therapy-widgets: ${message}`);
}
