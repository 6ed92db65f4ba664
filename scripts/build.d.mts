export function buildIfNeeded(options?: { force?: boolean }): Promise<boolean>
export function buildNewsroomIfNeeded(options?: { force?: boolean }): Promise<boolean>
export function buildChatIfNeeded(options?: { force?: boolean }): Promise<boolean>
