// Undo steps for the bench: run in reverse order at the end, on failure, and on Ctrl-C.
type Task = () => unknown

const tasks: Task[] = []

/** Registers `task`; the returned function runs it now (once) and forgets it. */
export function defer(task: Task): () => Promise<void> {
  tasks.push(task)
  return async () => {
    const at = tasks.indexOf(task)
    if (at < 0) return
    tasks.splice(at, 1)
    await task()
  }
}

/** Runs every registered task, newest first; a failing one does not stop the rest. */
export async function cleanup(): Promise<void> {
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    try {
      await task()
    } catch (error) {
      console.error('cleanup step failed:', error)
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`${signal}: stopping everything the bench started`)
    void cleanup().finally(() => process.exit(130))
  })
