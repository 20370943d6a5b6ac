// The top-level fields every small test bundle needs, so each test writes only its items.
export function topFields(): Record<string, any> {
  return { schemaVersion: 1, id: 'b', title: 'T', publisher: { name: 'P' }, reviewedOn: '2024-01-10', disclaimer: 'D' };
}
