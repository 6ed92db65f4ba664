// Queries for staff, their sessions and invitations, and the newsroom's settings.
import type { Selectable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { toDate } from '../platform/db/dialect.ts'
import type { StaffRole, StaffTable } from '../platform/db/schema.ts'
import type { StaffMember, StaffSession } from './staff.types.ts'

const toStaff = (r: Selectable<StaffTable>): StaffMember => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  owner: Boolean(r.owner),
  disabled: Boolean(r.disabled),
  createdAt: toDate(r.created_at),
})

export function createStaffRepository(db: Db) {
  return {
    async count(trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async byEmail(
      email: string,
      trx: Db = db,
    ): Promise<(StaffMember & { passwordHash: string }) | undefined> {
      const row = await trx
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return row && { ...toStaff(row), passwordHash: row.password_hash }
    },

    async byId(
      id: number,
      trx: Db = db,
    ): Promise<(StaffMember & { passwordHash: string }) | undefined> {
      const row = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
      return row && { ...toStaff(row), passwordHash: row.password_hash }
    },

    async list(): Promise<StaffMember[]> {
      const rows = await db.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute()
      return rows.map(toStaff)
    },

    async insert(
      trx: Db,
      values: {
        email: string
        name: string
        role: StaffRole
        passwordHash: string
        owner: boolean
        at: string
      },
    ): Promise<StaffMember> {
      const row = await trx
        .insertInto('staff')
        .values({
          email: values.email,
          name: values.name,
          role: values.role,
          password_hash: values.passwordHash,
          owner: values.owner ? 1 : 0,
          disabled: 0,
          created_at: values.at,
          password_changed_at: values.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toStaff(row)
    },

    async update(
      trx: Db,
      id: number,
      values: { role?: StaffRole; disabled?: boolean },
    ): Promise<void> {
      await trx
        .updateTable('staff')
        .set({
          ...(values.role !== undefined && { role: values.role }),
          ...(values.disabled !== undefined && { disabled: values.disabled ? 1 : 0 }),
        })
        .where('id', '=', id)
        .execute()
    },

    async setPassword(trx: Db, id: number, passwordHash: string, at: string): Promise<void> {
      await trx
        .updateTable('staff')
        .set({ password_hash: passwordHash, password_changed_at: at })
        .where('id', '=', id)
        .execute()
    },

    async insertSession(
      trx: Db,
      values: {
        id: string
        staffId: number
        csrfToken: string
        userAgent: string
        at: string
        expiresAt: string
      },
    ): Promise<void> {
      await trx
        .insertInto('staff_sessions')
        .values({
          id: values.id,
          staff_id: values.staffId,
          csrf_token: values.csrfToken,
          user_agent: values.userAgent,
          created_at: values.at,
          last_seen_at: values.at,
          expires_at: values.expiresAt,
        })
        .execute()
    },

    async session(id: string): Promise<StaffSession | undefined> {
      const row = await db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff', 'staff.id', 's.staff_id')
        .selectAll('staff')
        .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at'])
        .where('s.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.session_id,
        staff: toStaff(row),
        csrfToken: row.csrf_token,
        lastSeenAt: toDate(row.last_seen_at),
        expiresAt: toDate(row.expires_at),
      }
    },

    async touchSession(id: string, at: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('staff_sessions')
        .set({ last_seen_at: at, expires_at: expiresAt })
        .where('id', '=', id)
        .execute()
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id', '=', id).execute()
    },

    /** Ends every session of the staff member, or every other one when `except` is given. */
    async deleteSessionsOf(trx: Db, staffId: number, except?: string): Promise<void> {
      let query = trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId)
      if (except) query = query.where('id', '!=', except)
      await query.execute()
    },

    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute()
    },

    async insertInvitation(values: {
      tokenHash: string
      email: string
      role: StaffRole
      invitedBy: number
      at: string
      expiresAt: string
    }): Promise<void> {
      await db
        .insertInto('staff_invitations')
        .values({
          token_hash: values.tokenHash,
          email: values.email,
          role: values.role,
          invited_by: values.invitedBy,
          created_at: values.at,
          expires_at: values.expiresAt,
          accepted_at: null,
        })
        .execute()
    },

    async invitation(tokenHash: string, trx: Db = db) {
      const row = await trx
        .selectFrom('staff_invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst()
      return (
        row && {
          id: row.id,
          email: row.email,
          role: row.role,
          expiresAt: toDate(row.expires_at),
          acceptedAt: row.accepted_at === null ? null : toDate(row.accepted_at),
        }
      )
    },

    /** Marks the invitation used; false when another request used it first. */
    async acceptInvitation(trx: Db, id: number, at: string): Promise<boolean> {
      const result = await trx
        .updateTable('staff_invitations')
        .set({ accepted_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async setting(key: string, trx: Db = db): Promise<string | undefined> {
      const row = await trx
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst()
      return row?.value
    },

    async putSetting(key: string, value: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    },

    /** Deletes the setting if it still has this value; false when it had another or none. */
    async takeSetting(trx: Db, key: string, value: string): Promise<boolean> {
      const result = await trx
        .deleteFrom('settings')
        .where('key', '=', key)
        .where('value', '=', value)
        .executeTakeFirst()
      return Number(result.numDeletedRows) === 1
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
