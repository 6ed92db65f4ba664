// Editions and sections, held in memory: every page needs them and they change rarely.
import type { Edition, Section } from './content.types.ts'
import type { TaxonomyRepository } from './taxonomy.repository.ts'

export function createCatalogue(repo: TaxonomyRepository) {
  let editions: Edition[] = []
  let byCode = new Map<string, Edition>()
  let byId = new Map<number, Edition>()
  let sectionsByEdition = new Map<number, Section[]>()
  let sectionById = new Map<number, Section>()
  let version = 0

  return {
    /** Changes at every reload, so whatever was rendered from the catalogue can be renewed. */
    get version() {
      return version
    },
    /** Reads editions and sections again; call after changing either. */
    async reload(): Promise<void> {
      const [editionRows, sectionRows] = await Promise.all([repo.editions(), repo.sections()])
      editions = editionRows
      byCode = new Map(editionRows.map((e) => [e.code, e]))
      byId = new Map(editionRows.map((e) => [e.id, e]))
      sectionsByEdition = new Map(editionRows.map((e) => [e.id, [] as Section[]]))
      sectionById = new Map(sectionRows.map((s) => [s.id, s]))
      for (const section of sectionRows) sectionsByEdition.get(section.editionId)?.push(section)
      version++
    },
    editions: (): readonly Edition[] => editions,
    edition: (code: string) => byCode.get(code),
    editionById: (id: number) => byId.get(id),
    sections: (editionId: number): readonly Section[] => sectionsByEdition.get(editionId) ?? [],
    /** Top-level sections, the ones the navigation shows. */
    topSections: (editionId: number) =>
      (sectionsByEdition.get(editionId) ?? []).filter((s) => s.parentId === null),
    section: (editionId: number, slug: string) =>
      sectionsByEdition.get(editionId)?.find((s) => s.slug === slug),
    sectionById: (id: number) => sectionById.get(id),
    /** A section and its subsections, whose stories its page lists. */
    sectionFamily: (section: Section): number[] => [
      section.id,
      ...(sectionsByEdition.get(section.editionId) ?? [])
        .filter((s) => s.parentId === section.id)
        .map((s) => s.id),
    ],
  }
}

export type Catalogue = ReturnType<typeof createCatalogue>
