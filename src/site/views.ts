// How often each story was read after being appended below another, counted in memory for now:
// the counts start again from zero when the process does.

export function createViews() {
  const counts = new Map<number, number>()
  return {
    record(articleId: number): void {
      counts.set(articleId, (counts.get(articleId) ?? 0) + 1)
    },
    count: (articleId: number): number => counts.get(articleId) ?? 0,
  }
}

export type Views = ReturnType<typeof createViews>
