// Staff and sessions as the Admin API sends them.
import { ACTIONS, can } from './permissions.ts'
import type { StaffMember } from './staff.types.ts'

export const staffJson = (member: StaffMember) => ({
  id: member.id,
  email: member.email,
  name: member.name,
  role: member.role,
  owner: member.owner,
  disabled: member.disabled,
  createdAt: member.createdAt.toISOString(),
})

export const sessionJson = (
  member: StaffMember | null,
  csrfToken: string,
  setupRequired: boolean,
) => ({
  staff: member && staffJson(member),
  csrfToken,
  setupRequired,
  permissions: member ? ACTIONS.filter((action) => can(member, action)) : [],
})
